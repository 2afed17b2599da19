import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createLogger } from '../../platform/logger.ts';
import { startLocalRedis, type LocalRedis } from '../../scale/redis-server.ts';
import { createTestServer } from '../../test/server.ts';
import { createGroupRoom } from '../../test/factories/chat.ts';
import { URGENT_TEXT } from '../../test/factories/safety.ts';
import { createLocalPostRateLimiter, createRedisPostRateLimiter } from './post-rate.ts';

const logger = createLogger('silent');
const MINUTE = 60_000;
let redis: LocalRedis;
const connections: Redis[] = [];

/** A connection like a node's (commands fail fast while Redis is away), ready before it is used, as a node's is. */
async function connect() {
  const c = new Redis(redis.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1500, retryStrategy: () => 200 });
  c.on('error', () => {});
  connections.push(c);
  await c.connect();
  return c;
}

beforeAll(async () => {
  redis = await startLocalRedis();
});
afterAll(async () => {
  connections.forEach((c) => c.disconnect());
  await redis.stop();
});

async function takeMany(limiter: { take: (u: string, l: number, w: number, at: number) => Promise<boolean> }, user: string, times: number, at: number) {
  const results: boolean[] = [];
  for (let i = 0; i < times; i++) results.push(await limiter.take(user, 3, MINUTE, at));
  return results;
}

describe('posts per minute in one process', () => {
  it('lets the limit through in a window, refuses the next, and lets posts through again once the window has passed', async () => {
    const limiter = createLocalPostRateLimiter();
    expect(await takeMany(limiter, 'u1', 4, 1_000)).toEqual([true, true, true, false]);
    expect(await limiter.take('u2', 3, MINUTE, 1_000)).toBe(true);
    expect(await limiter.take('u1', 3, MINUTE, 1_000 + MINUTE)).toBe(true);
  });

  it('counts separately on two nodes (which is why several nodes share Redis)', async () => {
    const [a, b] = [createLocalPostRateLimiter(), createLocalPostRateLimiter()];
    expect(await takeMany(a, 'u1', 3, 1_000)).toEqual([true, true, true]);
    expect(await b.take('u1', 3, MINUTE, 1_000)).toBe(true);
  });
});

describe('posts per minute shared through Redis', () => {
  it('counts one person across two nodes, and only once the window has passed lets them post again', async () => {
    const prefix = `test:${Date.now()}:`;
    const [a, b] = [createRedisPostRateLimiter(await connect(), logger, prefix), createRedisPostRateLimiter(await connect(), logger, prefix)];
    const at = Date.now();
    expect(await takeMany(a, 'u1', 2, at)).toEqual([true, true]);
    expect(await takeMany(b, 'u1', 2, at)).toEqual([true, false]);
    expect(await a.take('u1', 3, MINUTE, at)).toBe(false);
    expect(await b.take('u2', 3, MINUTE, at)).toBe(true);
    expect(await a.take('u1', 3, MINUTE, at + MINUTE)).toBe(true);
  });

  it('counts posts made at the same moment on two nodes exactly, with no race letting an extra one through', async () => {
    const prefix = `test:race:${Date.now()}:`;
    const [a, b] = [createRedisPostRateLimiter(await connect(), logger, prefix), createRedisPostRateLimiter(await connect(), logger, prefix)];
    const at = Date.now();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take('u1', 3, MINUTE, at)));
    expect(results.filter(Boolean)).toHaveLength(3);
  });

  it('falls back to counting on this node while Redis is unreachable, and shares again once it is back', async () => {
    const prefix = `test:down:${Date.now()}:`;
    const connection = await connect();
    const limiter = createRedisPostRateLimiter(connection, logger, prefix);
    const at = Date.now();
    expect(await limiter.take('u1', 3, MINUTE, at)).toBe(true);
    await redis.kill();
    try {
      // Nobody is stopped by an outage, and the limit still holds on this node.
      expect(await takeMany(limiter, 'u1', 4, at)).toEqual([true, true, true, false]);
    } finally {
      await redis.start();
    }
    await expect.poll(() => connection.status, { timeout: 10_000 }).toBe('ready');
    expect(await limiter.take('u1', 3, MINUTE, at)).toBe(true);
  });
});

describe('the message gate with REDIS_URL set', () => {
  it('counts a new member\'s posts in Redis, slows the 31st in a minute, and never the words of a person at risk', async () => {
    const shared = await connect();
    const t = await createTestServer({ redis: shared });
    try {
      const author = await t.createUser();
      const { roomId } = await createGroupRoom(t, [author]);
      const results: number[] = [];
      for (let i = 0; i < 31; i++) results.push((await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: `flood-${i}`, body: `buy now ${i}` })).statusCode);
      expect(results.slice(0, 30).every((s) => s === 201)).toBe(true);
      expect(results[30]).toBe(429);
      // The count lives in Redis, where every node sees it.
      expect(await shared.zcard(`hearth:post-rate:${author.id}`)).toBe(30);
      expect((await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'flood-crisis', body: URGENT_TEXT })).statusCode).toBe(201);
    } finally {
      await t.close();
    }
  });
});
