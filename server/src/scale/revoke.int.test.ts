import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import WebSocket from 'ws';
import type { ServerEvent } from '@hearth/contracts';
import { createRedisBus, type RedisBus } from '../platform/realtime/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../test/server.ts';
import { createGroupRoom } from '../test/factories/chat.ts';
import { flag } from '../test/factories/moderation.ts';
import { startNodeProcess, type NodeProcess } from './node-process.ts';
import { startLocalRedis, type LocalRedis } from './redis-server.ts';
import { sendWithRetry } from './sender.ts';

/**
 * Ending live access across nodes: node A in this process (it re-checks its sockets every 200 ms, as a short
 * configured period), node B a real child process that re-checks only every 60 s, so on B only the revoke itself
 * can end a subscription within these tests. Real PostgreSQL, real redis-server.
 */
let redis: LocalRedis;
let busA: RedisBus;
let t: TestServer;
let nodeA: string;
let nodeB: NodeProcess;
/** What node A logged (warnings and errors). */
const logA: string[] = [];

beforeAll(async () => {
  redis = await startLocalRedis();
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logA.push(line) });
  busA = await createRedisBus({ url: redis.url, logger, nodeId: 'a' });
  t = await createTestServer({ bus: busA, redis: busA.redis, logger, env: { REALTIME_RECHECK_MS: '200' } });
  nodeA = await t.listen();
  nodeB = await startNodeProcess('b', { DATABASE_URL: t.database.url, REDIS_URL: redis.url, HEARTH_ENCRYPTION_KEY: '0'.repeat(64), HEARTH_DATA_DIR: '/tmp/hearth-test-data', REALTIME_RECHECK_MS: '60000' });
}, 240_000);

afterAll(async () => {
  await nodeB?.kill();
  await t?.close();
  await busA?.close();
  await redis?.stop();
});

/** One websocket subscribed to one room, recording everything it hears and how it closed. */
async function openReader(node: string, user: TestUser, room: string) {
  const events: ServerEvent[] = [];
  let closed: { code: number; reason: string } | null = null;
  const socket = new WebSocket(`${node.replace(/^http/, 'ws')}/ws`, { headers: { cookie: `hearth_sid=${user.cookie}` } });
  socket.on('message', (data) => void events.push(JSON.parse(data.toString()) as ServerEvent));
  socket.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'subscribe', room, after: 0 }));
  await until(() => events.some((e) => e.type === 'subscribed' && e.room === room), `${user.pseudonym} subscribed on ${node}`);
  return {
    events,
    socket,
    closed: () => closed,
    seqs: () => events.flatMap((e) => (e.type === 'message.created' && e.room === room ? [e.seq] : [])),
    revoked: () => events.find((e) => e.type === 'revoked' && e.room === room),
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function postOver(node: string, user: TestUser, path: string, body: unknown = {}) {
  const res = await fetch(`${node}${path}`, {
    method: 'POST',
    headers: { cookie: `hearth_sid=${user.cookie}`, 'x-csrf-token': user.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

describe('ending live access on every node', () => {
  it('a member who leaves on node A stops hearing the group on node B at once; the others hear everything once', async () => {
    const [amara, bo, casey] = [await t.createUser(), await t.createUser(), await t.createUser()];
    const { group, roomId } = await createGroupRoom(t, [amara, bo, casey]);
    const room = `room:${roomId}`;
    const boOnB = await openReader(nodeB.url, bo, room);
    const amaraOnB = await openReader(nodeB.url, amara, room);
    const amaraOnA = await openReader(nodeA, amara, room);
    try {
      const before = await sendWithRetry([nodeA], 0, casey, roomId, 'rv-0', 'Before anyone leaves');
      await until(() => boOnB.seqs().includes(before.seq), 'Bo hears the first message');

      const left = await postOver(nodeA, bo, `/api/groups/${group.id}/leave`);
      expect(left.status).toBe(200);
      // Sent on node A right after the leave was answered.
      const right = await sendWithRetry([nodeA], 0, casey, roomId, 'rv-1', 'Right after Bo left');
      const later = await sendWithRetry([nodeA], 0, casey, roomId, 'rv-2', 'A little later');
      await until(() => amaraOnB.seqs().includes(later.seq) && amaraOnA.seqs().includes(later.seq), 'Amara hears both on both nodes');

      expect(boOnB.revoked()).toMatchObject({ type: 'revoked', room, reason: 'left' });
      expect(boOnB.seqs()).toEqual([before.seq]);
      expect(amaraOnB.seqs()).toEqual([before.seq, right.seq, later.seq]);
      expect(amaraOnA.seqs()).toEqual([before.seq, right.seq, later.seq]);
      expect(amaraOnB.revoked()).toBeUndefined();

      // Joining again is refused.
      boOnB.socket.send(JSON.stringify({ type: 'subscribe', room, after: 0 }));
      await until(() => boOnB.events.some((e) => e.type === 'error' && e.room === room), 'the refused re-join');
      expect(boOnB.events.find((e) => e.type === 'error' && e.room === room)).toMatchObject({ code: 'not_found' });
    } finally {
      for (const r of [boOnB, amaraOnB, amaraOnA]) r.socket.close();
    }
  }, 60_000);

  it('signing out on node A closes that session’s socket on node B, and only that session’s', async () => {
    const [dana, eli] = [await t.createUser(), await t.createUser()];
    const { roomId } = await createGroupRoom(t, [dana, eli]);
    const room = `room:${roomId}`;
    const danaOnB = await openReader(nodeB.url, dana, room);
    const eliOnB = await openReader(nodeB.url, eli, room);
    try {
      const out = await postOver(nodeA, dana, '/api/auth/sign-out');
      expect(out.status).toBe(200);
      await until(() => danaOnB.closed() !== null, 'Dana’s socket closing');
      expect(danaOnB.closed()).toEqual({ code: 4401, reason: 'session revoked' });
      expect(danaOnB.revoked()).toMatchObject({ reason: 'signed_out' });

      const next = await sendWithRetry([nodeA], 0, eli, roomId, 'so-1', 'Still here');
      await until(() => eliOnB.seqs().includes(next.seq), 'Eli still hearing the room');
      expect(eliOnB.closed()).toBeNull();
      expect(danaOnB.seqs()).not.toContain(next.seq);
    } finally {
      danaOnB.socket.close();
      eliOnB.socket.close();
    }
  }, 60_000);

  it('a member banned on node A stops hearing the group on node B at once; the others keep hearing it', async () => {
    const [hana, ivo, reporter] = [await t.createUser(), await t.createUser(), await t.createUser()];
    const moderator = await t.createUser('moderator');
    const { roomId } = await createGroupRoom(t, [hana, ivo]);
    const room = `room:${roomId}`;
    const ivoOnB = await openReader(nodeB.url, ivo, room);
    const hanaOnB = await openReader(nodeB.url, hana, room);
    try {
      await flag(t, reporter, 'profile', ivo.id, 'spam');
      const itemId = (await t.client(moderator).get('/api/moderation/queue')).json().items.find((i: { targetId: string }) => i.targetId === ivo.id).id;
      const banned = await t.client(moderator).post(`/api/moderation/items/${itemId}/actions`, { action: 'ban', reason: 'Repeated abuse in the group' });
      expect(banned.statusCode).toBe(200);
      const next = await sendWithRetry([nodeA], 0, hana, roomId, 'ban-1', 'Right after the ban');
      await until(() => hanaOnB.seqs().includes(next.seq), 'Hana hearing the next message');
      await until(() => ivoOnB.closed() !== null, 'the banned member’s socket closing');
      expect(ivoOnB.revoked()).toMatchObject({ reason: 'banned' });
      expect(ivoOnB.closed()).toEqual({ code: 4401, reason: 'session revoked' });
      expect(ivoOnB.seqs()).not.toContain(next.seq);
      expect(hanaOnB.seqs().filter((s) => s === next.seq)).toHaveLength(1);
    } finally {
      ivoOnB.socket.close();
      hanaOnB.socket.close();
    }
  }, 60_000);

  it('with Redis down, the periodic re-check still ends a left member’s subscription and logs it', async () => {
    const [fern, gus] = [await t.createUser(), await t.createUser()];
    const { group, roomId } = await createGroupRoom(t, [fern, gus]);
    const room = `room:${roomId}`;
    const gusOnA = await openReader(nodeA, gus, room);
    const fernOnA = await openReader(nodeA, fern, room);
    await redis.kill();
    try {
      // Gus leaves through node B: its revoke cannot cross to node A while Redis is away.
      const left = await postOver(nodeB.url, gus, `/api/groups/${group.id}/leave`);
      expect(left.status).toBe(200);
      await until(() => gusOnA.revoked() !== undefined, 'node A’s re-check ending Gus’s subscription');
      expect(gusOnA.revoked()).toMatchObject({ reason: 'access_changed' });
      expect(logA.join('')).toContain('realtime re-check ended a subscription');

      const after = await sendWithRetry([nodeA], 0, fern, roomId, 'rd-1', 'Only Fern hears this');
      await until(() => fernOnA.seqs().includes(after.seq), 'Fern hearing her own message');
      expect(gusOnA.seqs()).not.toContain(after.seq);
      expect(fernOnA.seqs().filter((s) => s === after.seq)).toHaveLength(1);
    } finally {
      await redis.start();
      gusOnA.socket.close();
      fernOnA.socket.close();
    }
  }, 60_000);
});
