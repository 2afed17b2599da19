import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createLogger } from '../logger.ts';
import { startLocalRedis, type LocalRedis } from '../../scale/redis-server.ts';
import { createLocalBus, type Bus } from './bus.ts';
import { createRedisBus, type RedisBus } from './redis-bus.ts';
import { createRedisPresence } from './redis-presence.ts';

/** The two buses behind one interface: the in-process one, and Redis between two "nodes" on a real redis-server. */
let redis: LocalRedis;
let a: RedisBus;
let b: RedisBus;
const logger = createLogger('silent');

beforeAll(async () => {
  redis = await startLocalRedis();
  [a, b] = await Promise.all([
    createRedisBus({ url: redis.url, logger, nodeId: 'a', presenceTtlMs: 1500 }),
    createRedisBus({ url: redis.url, logger, nodeId: 'b', presenceTtlMs: 1500 }),
  ]);
}, 30_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
});

async function until(check: () => boolean, what: string, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const member = (n: string) => ({ userId: n, displayName: n.toUpperCase() });

describe.each([
  ['in-process', () => ({ sender: createLocalBus() as Bus, receiver: null as Bus | null })],
  ['Redis', () => ({ sender: a as Bus, receiver: b as Bus })],
])('the %s bus', (_name, make) => {
  it('delivers a published event once to each subscriber, on this node and (with Redis) on another', async () => {
    const { sender, receiver } = make();
    const here: unknown[] = [];
    const there: unknown[] = [];
    const offHere = await sender.subscribe('rt:room:1', (p) => here.push(p));
    const offThere = receiver ? await receiver.subscribe('rt:room:1', (p) => there.push(p)) : null;
    await sender.publish('rt:room:1', { type: 'typing', n: 1 });
    await until(() => here.length === 1 && (!receiver || there.length === 1), 'delivery');
    await sender.publish('rt:room:2', { type: 'typing', n: 2 }); // another topic: not delivered
    await sender.publish('rt:room:1', { type: 'typing', n: 3 });
    await until(() => here.length === 2 && (!receiver || there.length === 2), 'second delivery');
    expect(here).toEqual([{ type: 'typing', n: 1 }, { type: 'typing', n: 3 }]);
    if (receiver) expect(there).toEqual(here);
    await offHere();
    await offThere?.();
    await sender.publish('rt:room:1', { type: 'typing', n: 4 });
    await new Promise((r) => setTimeout(r, 100));
    expect(here).toHaveLength(2);
  });
});

describe('shared presence through Redis', () => {
  it('unions every node\u2019s people in a room, with increasing versions', async () => {
    const first = await a.presence.set('room:p1', [member('amara')]);
    const second = await b.presence.set('room:p1', [member('bo'), member('amara')]);
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.members.map((m) => m.userId).sort()).toEqual(['amara', 'bo']);
    const third = await b.presence.set('room:p1', []);
    expect(third.members).toEqual([member('amara')]);
  });

  it('drops a node that stopped heartbeating (a SIGKILLed node) after its entries expire', async () => {
    const ghost = await createRedisBus({ url: redis.url, logger, nodeId: 'ghost', presenceTtlMs: 600 });
    await ghost.presence.set('room:p2', [member('casey')]);
    expect((await a.presence.set('room:p2', [member('dee')])).members.map((m) => m.userId).sort()).toEqual(['casey', 'dee']);
    // Disconnect without saying goodbye: no HDEL, no more heartbeats.
    ghost.redis.disconnect();
    await ghost.close();
    await new Promise((r) => setTimeout(r, 900));
    expect((await a.presence.set('room:p2', [member('dee')])).members.map((m) => m.userId)).toEqual(['dee']);
  });
});

describe('when Redis goes away', () => {
  it('still delivers locally without throwing, and asks the hub to catch up once Redis is back', async () => {
    let resumed = 0;
    b.onResume(() => resumed++);
    const local: unknown[] = [];
    const off = await a.subscribe('rt:room:down', (p) => local.push(p));
    await redis.kill();
    await expect(a.publish('rt:room:down', { type: 'typing', n: 1 })).resolves.toBeUndefined();
    expect(local).toEqual([{ type: 'typing', n: 1 }]);
    const degraded = await a.presence.set('room:down', [member('eli')]);
    expect(degraded).toEqual({ version: 0, members: [member('eli')] });
    await redis.start();
    await until(() => resumed > 0, 'the resume signal after Redis returned', 15_000);
    await off();
  }, 30_000);

  it('has each node write its people back after Redis restarts empty, and tells the others to refresh their view', async () => {
    const connect = () => new Redis(redis.url, { retryStrategy: () => 100, enableOfflineQueue: false, maxRetriesPerRequest: 1 }).on('error', () => {});
    const [one, two] = [connect(), connect()];
    const backSeen = [new Set<string>(), new Set<string>()];
    const make = (conn: Redis, nodeId: string, i: number) =>
      createRedisPresence(conn, { nodeId, prefix: 'restart:', ttlMs: 1000, onError: () => {}, onPeersChanged: ({ back }) => back.forEach((id) => backSeen[i]!.add(id)) });
    const [p, q] = [make(one, 'p', 0), make(two, 'q', 1)];
    try {
      await until(() => one.status === 'ready' && two.status === 'ready', 'both connections');
      await p.set('room:restart', [member('fern')]);
      expect((await q.set('room:restart', [member('gus')])).members.map((m) => m.userId).sort()).toEqual(['fern', 'gus']);
      await p.beat();
      await q.beat();

      // No persistence: the restarted Redis holds no heartbeat and no presence entry.
      await redis.kill();
      await redis.start();
      // Each node reports the other as back once it heartbeats again (the hub then refreshes every room it has) …
      await until(() => backSeen[0]!.has(q.instanceId) && backSeen[1]!.has(p.instanceId), 'each node seeing the other back', 15_000);
      // … and by then the other's people are in the store again: a refresh sees everyone, on both nodes.
      expect((await p.set('room:restart', [member('fern')])).members.map((m) => m.userId).sort()).toEqual(['fern', 'gus']);
      expect((await q.set('room:restart', [member('gus')])).members.map((m) => m.userId).sort()).toEqual(['fern', 'gus']);
    } finally {
      await Promise.all([p.close(), q.close()]);
      one.disconnect();
      two.disconnect();
    }
  }, 30_000);
});
