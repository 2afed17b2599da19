import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../config.ts';
import { buildServer, type BuiltServer } from '../main.ts';
import { createFieldCipher } from '../platform/crypto/index.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import type { Redis } from 'ioredis';
import { createLocalBus, type Bus } from '../platform/realtime/index.ts';
import type { UserRole } from '../platform/http/actor.ts';
import { ANONYMOUS_CSRF_HEADER, SESSION_COOKIE } from '../platform/http/index.ts';
import { createTestDatabase } from './database.ts';

export type TestUser = { id: string; orgId: string; pseudonym: string; password: string; cookie: string; csrfToken: string; role: UserRole };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** An HTTP client bound to one signed-in person (or anonymous), speaking to the app in-process. */
export type TestClient = {
  request(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
};

let counter = 0;

/**
 * Boots the whole server on a database cloned for this test file. Call in `beforeAll`, and `close()` in `afterAll`.
 * `now` lets time-dependent tests pin the clock; `bus` and `redis` let multi-node tests share a Redis (the caller
 * closes them); `logger` lets a test read what the server logs.
 */
export async function createTestServer(options: { now?: () => Date; env?: Record<string, string>; bus?: Bus; redis?: Redis; logger?: Logger } = {}) {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: '/tmp/hearth-test-data', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ...options.env });
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const bus = options.bus ?? createLocalBus();
  const cipher = createFieldCipher('0'.repeat(64));
  const built: BuiltServer = await buildServer({ config, logger, database, bus, cipher, now: options.now, redis: options.redis });
  await built.app.ready();
  const org = await built.services.orgs.createOrg(null, { name: 'Test Org', slug: `test-${counter++}-${Date.now()}`, country: 'US', timezone: 'America/New_York' });

  function client(user?: TestUser): TestClient {
    const request = (method: Method, url: string, body?: unknown) =>
      built.app.inject({
        method,
        url,
        headers: {
          ...(user ? { cookie: `${SESSION_COOKIE}=${user.cookie}`, 'x-csrf-token': user.csrfToken } : { [ANONYMOUS_CSRF_HEADER]: '1' }),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    return {
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      patch: (url, body) => request('PATCH', url, body ?? {}),
      put: (url, body) => request('PUT', url, body ?? {}),
      delete: (url, body) => request('DELETE', url, body),
    };
  }

  /** Creates a person with a role in the test organization and signs them in. */
  async function createUser(role: UserRole = 'member', overrides: { timezone?: string; displayName?: string; orgId?: string } = {}): Promise<TestUser> {
    const pseudonym = `${role.replace('_', '')}${counter++}x${Math.random().toString(36).slice(2, 7)}`;
    const password = 'correct horse battery';
    const user = await built.services.accounts.createUser({ pseudonym, password, role, orgId: overrides.orgId ?? org.id, timezone: overrides.timezone, displayName: overrides.displayName, onboarded: true });
    const res = await client().post('/api/auth/sign-in', { pseudonym, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed in test factory: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    return { id: user.id, orgId: user.orgId, pseudonym, password, cookie, csrfToken: res.json().csrfToken, role };
  }

  return {
    ...built,
    org,
    database,
    client,
    createUser,
    /** Starts listening on a free loopback port (for websocket and browser tests). */
    async listen() {
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      const address = built.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      return `http://127.0.0.1:${port}`;
    },
    async close() {
      await built.app.close();
      await database.drop();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof createTestServer>>;
