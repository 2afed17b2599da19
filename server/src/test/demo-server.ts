import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../config.ts';
import { buildServer, type BuiltServer } from '../main.ts';
import { createFieldCipher } from '../platform/crypto/index.ts';
import { ANONYMOUS_CSRF_HEADER, SESSION_COOKIE } from '../platform/http/index.ts';
import { createLogger } from '../platform/logger.ts';
import { createLocalBus } from '../platform/realtime/index.ts';
import { seedDemo, type DemoLogin } from '../seed/demo.ts';
import { createTestDatabase } from './database.ts';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** A signed-in demo person's cookie and CSRF token. */
export type DemoSession = { cookie: string; csrf: string };

/**
 * Registers the file's hooks for a server booted on an empty database (the shared test server creates an
 * organization up front) and seeded with the demo, the way a fresh install starts. Read the accessors inside tests.
 */
export function useDemoServer() {
  let database: TestDatabase | undefined;
  let server: BuiltServer | undefined;
  let logins: DemoLogin[] | undefined;
  /** The info lines the seed logged (it logs each demo sign-in). */
  const logged: string[] = [];
  const cipher = createFieldCipher('1'.repeat(64));

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: '/tmp/hearth-test-data', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    const logger = createLogger(config.LOG_LEVEL);
    server = await buildServer({ config, logger, database, bus: createLocalBus(), cipher });
    await server.app.ready();
    const spy = Object.assign(Object.create(logger), { info: (msg: unknown) => void logged.push(String(msg)) });
    const seeded = await seedDemo(server.services, database, spy);
    if (!seeded) throw new Error('The demo seed did nothing on an empty database.');
    logins = seeded;
  }, 180_000);
  afterAll(async () => {
    await server?.app.close();
    await database?.drop();
  });

  const running = () => {
    if (!server || !database || !logins) throw new Error('The demo server is not running yet: use it inside a test.');
    return { server, database, logins };
  };

  /** A JSON request as a browser would send it: signed in with `session`, or anonymous. */
  async function request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, session?: DemoSession) {
    return running().server.app.inject({
      method,
      url,
      headers: {
        ...(session ? { cookie: `${SESSION_COOKIE}=${session.cookie}`, 'x-csrf-token': session.csrf } : { [ANONYMOUS_CSRF_HEADER]: '1' }),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
  }

  /** Signs in through the API; `session` is set when it worked. */
  async function signIn(pseudonym: string, password: string) {
    const res = await request('POST', '/api/auth/sign-in', { pseudonym, password });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    const session: DemoSession | undefined = cookie ? { cookie, csrf: res.json().csrfToken as string } : undefined;
    return { res, cookie, session };
  }

  return {
    get server() {
      return running().server;
    },
    get database() {
      return running().database;
    },
    get logins() {
      return running().logins;
    },
    logged,
    cipher,
    request,
    signIn,
  };
}
