import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildServer, type BuiltServer } from '../../main.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import { SESSION_COOKIE } from '../../platform/http/index.ts';
import { createLogger } from '../../platform/logger.ts';
import { createLocalBus } from '../../platform/realtime/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';

// A pinned clock, moved by the tests, shared by both nodes.
let clock = new Date();
let t: TestServer;
/** A second node on the same database, with its own process state (as a second machine would have). */
let nodeB: BuiltServer;

beforeAll(async () => {
  t = await createTestServer({ now: () => clock });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: '/tmp/hearth-test-data' });
  nodeB = await buildServer({ config, logger: createLogger('silent'), database: t.database, bus: createLocalBus(), cipher: createFieldCipher('0'.repeat(64)), now: () => clock });
  await nodeB.app.ready();
});
afterAll(async () => {
  await nodeB.app.close();
  await t.close();
});

const getMeOn = (app: BuiltServer['app'], user: TestUser) => app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `${SESSION_COOKIE}=${user.cookie}` } });
const lastSeen = async (userId: string) => (await t.database.pool.query<{ last_seen_at: Date }>('select last_seen_at from auth_sessions where user_id = $1', [userId])).rows[0]!.last_seen_at;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

describe('resolving the session cookie', () => {
  it('writes "last seen" at most once a minute per session, not on every request', async () => {
    clock = new Date();
    const user = await t.createUser('member');
    const signedIn = await lastSeen(user.id);
    advance(30_000);
    for (let i = 0; i < 3; i++) expect((await t.client(user).get('/api/me')).statusCode).toBe(200);
    expect(await lastSeen(user.id)).toEqual(signedIn);
    advance(31_000);
    expect((await t.client(user).get('/api/me')).statusCode).toBe(200);
    expect(await lastSeen(user.id)).toEqual(clock);
    advance(10_000);
    expect((await getMeOn(nodeB.app, user)).statusCode).toBe(200);
    expect((await lastSeen(user.id)).getTime()).toBe(clock.getTime() - 10_000);
  });

  it('refuses a signed-out session at once, on the node that signed out and on another node', async () => {
    const user = await t.createUser('member');
    expect((await getMeOn(t.app, user)).statusCode).toBe(200);
    expect((await getMeOn(nodeB.app, user)).statusCode).toBe(200);
    expect((await t.client(user).post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await getMeOn(t.app, user)).statusCode).toBe(401);
    expect((await getMeOn(nodeB.app, user)).statusCode).toBe(401);
  });

  it('refuses a device signed out from another node at once', async () => {
    const user = await t.createUser('member');
    const second = await t.client().post('/api/auth/sign-in', { pseudonym: user.pseudonym, password: user.password });
    const device: TestUser = { ...user, cookie: second.cookies.find((c) => c.name === SESSION_COOKIE)!.value, csrfToken: second.json().csrfToken };
    expect((await getMeOn(t.app, device)).statusCode).toBe(200);
    const sessions = (await t.client(user).get('/api/auth/sessions')).json().sessions as Array<{ id: string; current: boolean }>;
    const other = sessions.find((s) => !s.current)!;
    const revoked = await nodeB.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: { cookie: `${SESSION_COOKIE}=${user.cookie}`, 'x-csrf-token': user.csrfToken } });
    expect(revoked.statusCode).toBe(200);
    expect((await getMeOn(t.app, device)).statusCode).toBe(401);
    expect((await getMeOn(nodeB.app, device)).statusCode).toBe(401);
    expect((await getMeOn(t.app, user)).statusCode).toBe(200);
  });

  it('refuses an expired session', async () => {
    const user = await t.createUser('member');
    advance(31 * 86_400_000);
    expect((await getMeOn(t.app, user)).statusCode).toBe(401);
  });
});
