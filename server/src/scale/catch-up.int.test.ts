import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { ServerEvent } from '@hearth/contracts';
import { createLogger } from '../platform/logger.ts';
import { createRedisBus, type RedisBus } from '../platform/realtime/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../test/server.ts';
import { connectLive, createGroupRoom, sendMessage, storeWithoutPublishing, type LiveClient } from '../test/factories/chat.ts';
import type { RedisPresence } from '../platform/realtime/redis-presence.ts';
import { startLocalRedis, type LocalRedis } from './redis-server.ts';
import { recordStatements } from '../test/statements.ts';

/**
 * Catch-up reads after a failover or a Redis restart: one database read per room for every connection that asks at
 * the same time, not one per connection, and still every message exactly once. Real PostgreSQL, real redis-server.
 */
let redis: LocalRedis;
let bus: RedisBus;
let t: TestServer;
let baseUrl: string;
const open: LiveClient[] = [];
const logger = createLogger('silent');

beforeAll(async () => {
  redis = await startLocalRedis();
  // A long heartbeat period: within a test, only what the test does (and the hub's own retries) writes presence.
  bus = await createRedisBus({ url: redis.url, logger, nodeId: 'solo', presenceTtlMs: 60_000 });
  t = await createTestServer({ bus, redis: bus.redis });
  baseUrl = await t.listen();
}, 60_000);
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await t?.close();
  await bus?.close();
  await redis?.stop();
});

/** Counts the backlog statements (`messages` after a seq) this process sends to PostgreSQL while `run` runs. */
async function countBacklogReads<T>(run: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const { result, statements } = await recordStatements(run);
  return { result, reads: statements.filter((text) => /"messages"\."seq" > \$/.test(text)).length };
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function members(n: number): Promise<TestUser[]> {
  const people: TestUser[] = [];
  for (let i = 0; i < n; i++) people.push(await t.createUser('member', { displayName: `Member ${i}` }));
  return people;
}

async function connect(user: TestUser) {
  const client = await connectLive(baseUrl, user);
  open.push(client);
  return client;
}

/** The seqs of a room's messages a client received, in arrival order (a repeat would show twice). */
function seqsOf(client: LiveClient, roomId: string) {
  return client.events.flatMap((e) => (e.type === 'message.created' && e.room === `room:${roomId}` ? [e.seq] : []));
}

/** One heartbeat of a node now (the timer would do the same within its period). */
const beat = (node: RedisBus) => (node.presence as RedisPresence).beat();

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('catching up after a failover', () => {
  it('reads the backlog of a room once for many connections joining at once, and delivers every message once', async () => {
    const people = await members(12);
    const { roomId } = await createGroupRoom(t, people);
    const room = `room:${roomId}`;
    for (let i = 1; i <= 6; i++) await sendMessage(t, people[0]!, roomId, `Before the failover ${i}`);
    const clients = await Promise.all(people.map(connect));

    // Twelve readers of a dead node arrive at once, each with the last seq it held (0 to 3), while the room goes on.
    const { reads } = await countBacklogReads(async () => {
      const joined = Promise.all(clients.map((c, i) => c.subscribe(room, i % 4)));
      const during = [sendMessage(t, people[1]!, roomId, 'During the failover 1'), sendMessage(t, people[2]!, roomId, 'During the failover 2')];
      const answers = await joined;
      await Promise.all(during);
      expect(answers.map((a) => a.type)).toEqual(clients.map(() => 'subscribed'));
      await Promise.all(clients.map((c) => c.waitFor((e: ServerEvent) => e.type === 'message.created' && e.room === room && e.seq === 8)));
    });

    for (const [i, client] of clients.entries()) {
      await client.flush();
      expect(seqsOf(client, roomId).sort((a, b) => a - b)).toEqual(range((i % 4) + 1, 8));
    }
    // One read per connection without coalescing; on an idle machine it is one or two.
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThan(clients.length);
  }, 60_000);
});

describe('catching up after Redis restarts', () => {
  it('reads once per room (not per connection), delivers what another node stored meanwhile once, and reads nothing when a node only comes back', async () => {
    const people = await members(10);
    const [first, second] = await Promise.all([createGroupRoom(t, people.slice(0, 5)), createGroupRoom(t, people.slice(5))]);
    const roomOf = (i: number) => (i < 5 ? first!.roomId : second!.roomId);
    const clients = await Promise.all(people.map(connect));
    for (const [i, c] of clients.entries()) expect((await c.subscribe(`room:${roomOf(i)}`, 0)).type).toBe('subscribed');
    const sent = [await sendMessage(t, people[0]!, first!.roomId, 'Before Redis restarts'), await sendMessage(t, people[5]!, second!.roomId, 'Before Redis restarts')];
    for (const [i, c] of clients.entries()) await c.waitFor((e) => e.type === 'message.created' && e.room === `room:${roomOf(i)}` && e.seq === 1);
    // Another node, so that its return after the restart is a "node back" change (presence only) too.
    const other = await createRedisBus({ url: redis.url, logger, nodeId: 'other', presenceTtlMs: 60_000 });
    await beat(other);
    await beat(bus);

    try {
      const { reads } = await countBacklogReads(async () => {
        await redis.kill();
        // Meanwhile another node stores a message in each room and cannot publish it.
        const missed = [await storeWithoutPublishing(t, first!.roomId, people[1]!, 'Stored while Redis was down'), await storeWithoutPublishing(t, second!.roomId, people[6]!, 'Stored while Redis was down')];
        await redis.start();
        for (const [i, c] of clients.entries()) {
          const seq = missed[i < 5 ? 0 : 1]!;
          await c.waitFor((e) => e.type === 'message.created' && e.room === `room:${roomOf(i)}` && e.seq === seq);
        }
        // The nodes heartbeat again and each sees the other back: a presence-only change, which reads nothing.
        await beat(other);
        await beat(bus);
        await new Promise((r) => setTimeout(r, 500));
      });

      expect(sent.map((m) => m.seq)).toEqual([1, 1]);
      for (const [i, c] of clients.entries()) {
        await c.flush();
        expect(seqsOf(c, roomOf(i))).toEqual([1, 2]);
      }
      // Ten connections in two rooms caught up with one read per room.
      expect(reads).toBe(2);
    } finally {
      await other.close();
    }
  }, 60_000);
});

describe('presence when a Redis write fails', () => {
  it('writes it again with backoff, so the room shows people on other nodes without anyone joining or leaving', async () => {
    const [amy, ben, zoe] = await members(3);
    const { roomId } = await createGroupRoom(t, [amy!, ben!, zoe!]);
    const room = `room:${roomId}`;
    // Zoe is in the room on another node.
    const other = await createRedisBus({ url: redis.url, logger, nodeId: 'zoe-node', presenceTtlMs: 60_000 });
    const admin = new Redis(redis.url);
    try {
      await other.presence.set(room, [{ userId: zoe!.id, displayName: 'Member 2' }]);
      const amyLive = await connect(amy!);
      expect((await amyLive.subscribe(room)).type).toBe('subscribed');

      // Redis refuses writes for a moment (out of memory): Ben's join cannot record him, and Amy is told only about
      // this node's people.
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      await admin.config('SET', 'maxmemory', '1');
      const benLive = await connect(ben!);
      expect((await benLive.subscribe(room)).type).toBe('subscribed');
      const presenceOf = (e: ServerEvent) => (e.type === 'presence' || e.type === 'subscribed' ? e.presence.map((p) => p.userId).sort() : null);
      await until(() => amyLive.events.some((e) => presenceOf(e)?.join() === [amy!.id, ben!.id].sort().join()), 'the degraded presence');
      const before = amyLive.events.length;

      // Redis takes writes again: the failed write is retried, and everyone (Zoe included) shows up.
      await admin.config('SET', 'maxmemory', '0');
      const everyone = [amy!.id, ben!.id, zoe!.id].sort().join();
      await until(() => amyLive.events.slice(before).some((e) => presenceOf(e)?.join() === everyone), 'presence with Zoe after the retry', 20_000);
    } finally {
      await admin.config('SET', 'maxmemory', '0').catch(() => {});
      admin.disconnect();
      await other.close();
    }
  }, 60_000);
});
