import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { ServerEvent } from '@hearth/contracts';
import { createRedisBus, type RedisBus } from '../platform/realtime/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../test/server.ts';
import { createGroupRoom, storeWithoutPublishing } from '../test/factories/chat.ts';
import { LiveReader } from './live-reader.ts';
import { startNodeProcess, type NodeProcess } from './node-process.ts';
import { startLocalRedis, type LocalRedis } from './redis-server.ts';
import { sendWithRetry, signInOver } from './sender.ts';

/**
 * Three real Hearth nodes on one real PostgreSQL and one real redis-server: node A in this process (so the test can
 * build its world), nodes B and C as child processes that can be killed. No part is simulated.
 */
let redis: LocalRedis;
let busA: RedisBus;
let t: TestServer;
let nodeA: string;
let nodeB: NodeProcess;
let nodeC: NodeProcess;
let nodeD: NodeProcess;
/** What node A's bus logged (warnings and errors), to check that outages and dead nodes are reported. */
const busLog: string[] = [];

beforeAll(async () => {
  // Fails (never skips) with "install redis-server: apt-get install -y redis-server" when it is missing.
  redis = await startLocalRedis();
  busA = await createRedisBus({ url: redis.url, logger: pino({ level: 'warn' }, { write: (line: string) => void busLog.push(line) }), nodeId: 'a' });
  t = await createTestServer({ bus: busA, redis: busA.redis });
  nodeA = await t.listen();
  const env = { DATABASE_URL: t.database.url, REDIS_URL: redis.url, HEARTH_ENCRYPTION_KEY: '0'.repeat(64), HEARTH_DATA_DIR: '/tmp/hearth-test-data' };
  [nodeB, nodeC, nodeD] = await Promise.all([startNodeProcess('b', env), startNodeProcess('c', env), startNodeProcess('d', env)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([nodeB?.kill(), nodeC?.kill(), nodeD?.kill()]);
  await t?.close();
  await busA?.close();
  await redis?.stop();
});

/** Events a reader saw, for presence and typing checks. */
function recorder() {
  const events: ServerEvent[] = [];
  return { events, push: (e: ServerEvent) => void events.push(e) };
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function lastPresence(events: ServerEvent[]) {
  const last = events.filter((e) => e.type === 'presence' || e.type === 'subscribed').at(-1);
  return last && (last.type === 'presence' || last.type === 'subscribed') ? last.presence.map((p) => p.userId) : [];
}

async function roomFor(people: TestUser[]) {
  const { roomId } = await createGroupRoom(t, people);
  return roomId;
}

describe('several nodes on PostgreSQL and Redis', () => {
  it('lets a member on node A and a member on node B share a live room, with presence and typing', async () => {
    const [amara, bo] = [await t.createUser('member', { displayName: 'Amara' }), await t.createUser('member', { displayName: 'Bo' })];
    const roomId = await roomFor([amara, bo]);
    const room = `room:${roomId}`;
    const seenByAmara = recorder();
    const seenByBo = recorder();
    const onA = new LiveReader([nodeA], amara.cookie, room, 0, seenByAmara.push);
    const onB = new LiveReader([nodeB.url], bo.cookie, room, 0, seenByBo.push);
    await onA.connect();
    await onB.connect();
    try {
      // Presence is shared: Amara (node A) learns that Bo (node B) is here.
      await until(() => seenByAmara.events.some((e) => e.type === 'presence' && e.presence.some((p) => p.userId === bo.id)), 'presence from node B');
      onB.send({ type: 'typing', room });
      await until(() => seenByAmara.events.some((e) => e.type === 'typing' && e.user.userId === bo.id), 'typing from node B');

      const fromA = await sendWithRetry([nodeA], 0, amara, roomId, 'share-1', 'Hello from node A');
      const fromB = await sendWithRetry([nodeB.url], 0, bo, roomId, 'share-2', 'And hello from node B');
      await onA.waitFor([fromA.seq, fromB.seq]);
      await onB.waitFor([fromA.seq, fromB.seq]);
      expect([onA.duplicates, onB.duplicates]).toEqual([0, 0]);
      const bodies = seenByBo.events.flatMap((e) => (e.type === 'message.created' ? [e.message.body] : []));
      expect(bodies).toEqual(['Hello from node A', 'And hello from node B']);

      // Bo leaves: node A hears it from node B.
      onB.close();
      await until(() => {
        const last = seenByAmara.events.filter((e) => e.type === 'presence').at(-1);
        return Boolean(last && last.type === 'presence' && !last.presence.some((p) => p.userId === bo.id));
      }, 'Bo leaving the presence list');
    } finally {
      onA.close();
      onB.close();
    }
  }, 30_000);

  it('keeps acknowledging messages while Redis is down, and catches the other nodes up once it is back', async () => {
    const [amara, bo] = [await t.createUser(), await t.createUser()];
    const roomId = await roomFor([amara, bo]);
    const onB = new LiveReader([nodeB.url], bo.cookie, `room:${roomId}`);
    await onB.connect();
    try {
      const before = await sendWithRetry([nodeA], 0, amara, roomId, 'outage-0', 'Before the outage');
      await onB.waitFor([before.seq]);

      await redis.kill();
      // Sending is acknowledged from PostgreSQL alone, and sign-in (rate limited) still works.
      const during = [];
      for (let i = 1; i <= 3; i++) during.push(await sendWithRetry([nodeA], 0, amara, roomId, `outage-${i}`, `During the outage ${i}`, 1));
      expect(during.map((d) => d.attempts)).toEqual([1, 1, 1]);
      await expect(signInOver(nodeA, amara.pseudonym, amara.password)).resolves.toMatchObject({ cookie: expect.any(String) });

      expect(busLog.join('')).toContain('Redis is unreachable: cross-node fan-out is degraded');
      await redis.start();
      // Node B's subscriber reconnects, and its hub catches Bo up from the database, each message once.
      await onB.waitFor(during.map((d) => d.seq), 20_000);
      const after = await sendWithRetry([nodeA], 0, amara, roomId, 'outage-4', 'After the outage');
      await onB.waitFor([after.seq], 20_000);
      expect(onB.duplicates).toBe(0);
      expect([...onB.seqs.keys()].sort((x, y) => x - y)).toEqual([before.seq, ...during.map((d) => d.seq), after.seq]);
      await until(() => busLog.join('').includes('Redis is back: cross-node fan-out restored'), 'the recovery in the log');
    } finally {
      onB.close();
    }
  }, 45_000);

  it('keeps presence whole across nodes after Redis restarts', async () => {
    const amara = await t.createUser('member', { displayName: 'Amara' });
    const bo = await t.createUser('member', { displayName: 'Bo' });
    const casey = await t.createUser('member', { displayName: 'Casey' });
    const roomId = await roomFor([amara, bo, casey]);
    const room = `room:${roomId}`;
    const seenByAmara = recorder();
    const seenByBo = recorder();
    const onA = new LiveReader([nodeA], amara.cookie, room, 0, seenByAmara.push);
    const onB = new LiveReader([nodeB.url], bo.cookie, room, 0, seenByBo.push);
    let caseyOnC: LiveReader | null = null;
    /** Waits until the last presence list each of Amara and Bo got since `from` (event counts) holds all of `people`. */
    const everyone = async (people: TestUser[], what: string, from = [0, 0]) => {
      for (const [i, seen] of [seenByAmara, seenByBo].entries()) {
        await until(() => people.every((p) => lastPresence(seen.events.slice(from[i])).includes(p.id)), what, 20_000).catch((err: Error) => {
          const seenLists = seen.events.map((e) => (e.type === 'presence' || e.type === 'subscribed' ? e.presence.map((p) => p.displayName) : e.type));
          throw new Error(`${err.message}; seen ${JSON.stringify(seenLists)}`);
        });
      }
    };
    await onA.connect();
    await onB.connect();
    try {
      await everyone([amara, bo], 'both in the presence list before the restart');

      // Redis restarts empty (no persistence): every node's presence entries and heartbeats are gone with it.
      const mark = [seenByAmara.events.length, seenByBo.events.length];
      await redis.kill();
      await redis.start();
      // Both nodes write their people back and refresh their view: Amara (node A) and Bo (node B) see each other again.
      await everyone([amara, bo], 'both in the presence list after the restart', mark);

      // Someone joining on a third node afterwards is seen by both, and sees both.
      const seenByCasey = recorder();
      caseyOnC = new LiveReader([nodeC.url], casey.cookie, room, 0, seenByCasey.push);
      await caseyOnC.connect();
      await everyone([amara, bo, casey], 'Casey joining after the restart');
      await until(() => [amara, bo, casey].every((p) => lastPresence(seenByCasey.events).includes(p.id)), 'Casey seeing both', 20_000);
    } finally {
      onA.close();
      onB.close();
      caseyOnC?.close();
    }
  }, 60_000);

  it('drops a SIGKILLed node\u2019s people from presence within seconds, and delivers the last message it stored but never published', async () => {
    const amara = await t.createUser('member', { displayName: 'Amara' });
    const dee = await t.createUser('member', { displayName: 'Dee' });
    const bo = await t.createUser('member', { displayName: 'Bo' });
    const casey = await t.createUser('member', { displayName: 'Casey' });
    const roomId = await roomFor([amara, dee, bo, casey]);
    const room = `room:${roomId}`;
    const seenByAmara = recorder();
    const seenByDee = recorder();
    const onA = new LiveReader([nodeA], amara.cookie, room, 0, seenByAmara.push);
    const onB = new LiveReader([nodeB.url], dee.cookie, room, 0, seenByDee.push);
    // Bo's device stays with node D (it does not come back elsewhere); Casey's moves on to node B when D dies.
    const boOnD = new LiveReader([nodeD.url], bo.cookie, room);
    const caseyOnD = new LiveReader([nodeD.url, nodeB.url], casey.cookie, room);
    const readers = [onA, onB, boOnD, caseyOnD];
    for (const r of readers) await r.connect();
    try {
      for (const seen of [seenByAmara, seenByDee]) {
        await until(() => [amara, dee, bo, casey].every((p) => lastPresence(seen.events).includes(p.id)), 'everyone in the presence list').catch((err: Error) => {
          const seenLists = seen.events.map((e) => (e.type === 'presence' || e.type === 'subscribed' ? e.presence.map((p) => p.displayName) : e.type));
          throw new Error(`${err.message}; seen ${JSON.stringify(seenLists)}; joins retried ${readers.map((r) => r.joinRetries).join(',')}`);
        });
      }
      const first = await sendWithRetry([nodeD.url], 0, bo, roomId, 'last-0', 'Before node D dies');
      for (const r of readers) await r.waitFor([first.seq]);

      // Node D stored Bo's last message and died before publishing it; nothing is sent after it to reveal the gap.
      const lastSeq = await storeWithoutPublishing(t, roomId, bo, 'The last words before node D died', 'last-1');
      await nodeD.kill();

      // The other nodes notice that D stopped heartbeating: Bo leaves everyone's presence (Casey is back, on node B) …
      for (const seen of [seenByAmara, seenByDee]) {
        await until(() => {
          const ids = lastPresence(seen.events);
          return !ids.includes(bo.id) && [amara, dee, casey].every((p) => ids.includes(p.id));
        }, 'Bo leaving the presence list after node D died', 15_000);
      }
      // … and every reader gets the last message once: Amara and Dee from their node's catch-up, Casey on reconnecting.
      for (const r of [onA, onB, caseyOnD]) await r.waitFor([lastSeq], 15_000);
      for (const r of [onA, onB, caseyOnD]) {
        expect(r.duplicates).toBe(0);
        expect([...r.seqs.keys()].sort((x, y) => x - y)).toEqual([first.seq, lastSeq]);
      }
      expect(caseyOnD.reconnects).toBeGreaterThanOrEqual(1);
      expect(busLog.join('')).toContain('a node stopped heartbeating');
    } finally {
      for (const r of readers) r.close();
    }
  }, 60_000);

  it('loses no acknowledged message and duplicates none when a node is SIGKILLed during a send loop', async () => {
    // A peer supporter: moderation rate-limits a new member who sends 60 messages in a row, as it should.
    const sender = await t.createUser('peer_supporter');
    const readers = [await t.createUser(), await t.createUser(), await t.createUser()];
    const roomId = await roomFor([sender, ...readers]);
    const room = `room:${roomId}`;
    const nodes = [nodeA, nodeB.url, nodeC.url];
    // One reader per node; each fails over to the next node in the list.
    const live = readers.map((r, i) => new LiveReader(nodes, r.cookie, room, i));
    await Promise.all(live.map((l) => l.connect()));
    const acked: number[] = [];
    try {
      // The sender talks to node C first, so the kill lands in the middle of its requests.
      for (let i = 0; i < 60; i++) {
        if (i === 20) void nodeC.kill();
        const ack = await sendWithRetry([nodeC.url, nodeA, nodeB.url], 0, sender, roomId, `kill-${i}`, `Message ${i}`);
        acked.push(ack.seq);
      }
      for (const l of live) await l.waitFor(acked, 20_000);

      // Stored exactly once each: the retried sends were recognised by their client id.
      const history = await t.client(sender).get(`/api/rooms/${roomId}/messages?limit=100`);
      const stored = (history.json().messages as Array<{ seq: number; clientId: string }>);
      expect(stored.map((m) => m.clientId)).toEqual(acked.map((_, i) => `kill-${i}`));
      expect(stored.map((m) => m.seq)).toEqual(acked);
      for (const l of live) {
        expect(l.duplicates).toBe(0);
        expect([...l.seqs.keys()].sort((x, y) => x - y)).toEqual(acked);
      }
      // The reader that was on node C moved to another node.
      expect(live[2]!.reconnects).toBeGreaterThanOrEqual(1);
    } finally {
      for (const l of live) l.close();
    }
  }, 60_000);

  it('drains a node on SIGTERM: its clients are told to reconnect and it exits cleanly', async () => {
    const member = await t.createUser();
    const roomId = await roomFor([member]);
    const seen = recorder();
    const reader = new LiveReader([nodeB.url, nodeA], member.cookie, `room:${roomId}`, 0, seen.push);
    await reader.connect();
    try {
      const code = await nodeB.terminate();
      expect(code, nodeB.output()).toBe(0);
      await until(() => seen.events.some((e) => e.type === 'reconnect'), 'the reconnect hint');
      await until(() => reader.reconnects === 1 && reader.node === nodeA, 'the reader moving to node A');
      const ack = await sendWithRetry([nodeA], 0, member, roomId, 'drain-1', 'Still here');
      await reader.waitFor([ack.seq]);
    } finally {
      reader.close();
    }
  }, 30_000);
});
