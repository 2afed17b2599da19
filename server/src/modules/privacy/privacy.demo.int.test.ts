import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildServer, type BuiltServer } from '../../main.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import { ANONYMOUS_CSRF_HEADER, SESSION_COOKIE } from '../../platform/http/index.ts';
import { createLogger } from '../../platform/logger.ts';
import { createLocalBus } from '../../platform/realtime/index.ts';
import { createTestDatabase } from '../../test/database.ts';
import { findTraces } from '../../test/traces.ts';
import { seedDemo, type DemoLogin } from '../../seed/demo.ts';

// Deleting the busiest demo people proves every module's data is covered: a module that stores something about a
// person and forgets to register its personal data fails here.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let server: BuiltServer;
let logins: DemoLogin[];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: '/tmp/hearth-test-data', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  server = await buildServer({ config, logger: createLogger(config.LOG_LEVEL), database, bus: createLocalBus(), cipher: createFieldCipher('2'.repeat(64)) });
  await server.app.ready();
  logins = (await seedDemo(server.services, database, createLogger('silent')))!;
}, 180_000);
afterAll(async () => {
  await server.app.close();
  await database.drop();
});

async function request(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, session?: { cookie: string; csrf: string }) {
  return server.app.inject({
    method,
    url,
    headers: {
      ...(session ? { cookie: `${SESSION_COOKIE}=${session.cookie}`, 'x-csrf-token': session.csrf } : { [ANONYMOUS_CSRF_HEADER]: '1' }),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
}

describe.each(['member', 'peer_supporter', 'moderator'])('deleting the demo %s', (role) => {
  it('leaves no trace of them anywhere in the database', async () => {
    const login = logins.find((l) => l.role === role)!;
    const signIn = await request('POST', '/api/auth/sign-in', { pseudonym: login.pseudonym, password: login.password });
    expect(signIn.statusCode).toBe(200);
    const session = { cookie: signIn.cookies.find((c) => c.name === SESSION_COOKIE)!.value, csrf: signIn.json().csrfToken as string };
    const userId = signIn.json().user.id as string;

    const exported = await request('GET', '/api/me/data/export', undefined, session);
    expect(exported.statusCode).toBe(200);

    const deleted = await request('DELETE', '/api/me', { password: login.password, confirm: 'delete my account' }, session);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await findTraces(database.pool, [userId, login.pseudonym])).toEqual([]);
  }, 60_000);
});
