import type { Redis } from 'ioredis';
import type { Logger } from '../../platform/logger.ts';

/**
 * How many posts a person made in the last window, counted across every node when Redis is set (REDIS_URL) and in
 * this process otherwise. One interface for both, so the gate never knows which one it has.
 */
export type PostRateLimiter = {
  /** Counts a post unless the person already made `limit` in the last `windowMs`; false means "too fast". */
  take(userId: string, limit: number, windowMs: number, at: number): Promise<boolean>;
};

/** A sliding window of post times per person, in this process (a single node). */
export function createLocalPostRateLimiter(): PostRateLimiter {
  const recent = new Map<string, number[]>();
  let sweptAt = 0;
  return {
    async take(userId, limit, windowMs, at) {
      // Forget people who have not posted for a window, so the map does not grow with every author ever seen.
      if (at - sweptAt > windowMs) {
        sweptAt = at;
        for (const [id, times] of recent) if (times.every((t) => at - t >= windowMs)) recent.delete(id);
      }
      const times = (recent.get(userId) ?? []).filter((t) => at - t < windowMs);
      if (times.length >= limit) {
        recent.set(userId, times);
        return false;
      }
      times.push(at);
      recent.set(userId, times);
      return true;
    },
  };
}

/**
 * The same sliding window in a Redis sorted set per person, checked and counted in one script so two nodes cannot
 * both let the last post through. Members are unique per call (time plus a counter), so two posts in the same
 * millisecond both count.
 */
const TAKE_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

type RedisWithTake = Redis & { hearthTakePost(key: string, at: number, windowMs: number, limit: number, member: string): Promise<number> };

/**
 * Shared through Redis. While Redis is unreachable each node counts on its own (the limit still holds per node and
 * nobody is stopped by an outage) and says so once in the log.
 */
export function createRedisPostRateLimiter(redis: Redis, logger: Logger, prefix = 'hearth:post-rate:'): PostRateLimiter {
  if (!('hearthTakePost' in redis)) redis.defineCommand('hearthTakePost', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  const local = createLocalPostRateLimiter();
  const nodeTag = Math.random().toString(36).slice(2);
  let counter = 0;
  let warned = false;
  return {
    async take(userId, limit, windowMs, at) {
      try {
        const taken = await (redis as RedisWithTake).hearthTakePost(`${prefix}${userId}`, at, windowMs, limit, `${at}:${nodeTag}:${counter++}`);
        warned = false;
        return taken === 1;
      } catch (err) {
        if (!warned) {
          warned = true;
          logger.error({ err: err instanceof Error ? err.message : String(err) }, 'post rate limits fall back to per-node counts while Redis is unreachable');
        }
        return local.take(userId, limit, windowMs, at);
      }
    },
  };
}
