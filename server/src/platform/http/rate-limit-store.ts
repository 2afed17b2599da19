import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { FastifyRateLimitStoreCtor, RateLimitOptions } from '@fastify/rate-limit';
import type { Logger } from '../logger.ts';

type Result = { current: number; ttl: number };
type Callback = (err: Error | null, res: Result | null) => void;
type InnerStore = {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  read?(key: string, cb: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): InnerStore;
};
type StoreParams = { continueExceeding?: boolean; exponentialBackoff?: boolean };
type StoreCtor = new (continueExceeding: boolean | undefined, exponentialBackoff: boolean | undefined, ...rest: unknown[]) => InnerStore;

// The plugin's own stores (CommonJS, untyped): Redis for the shared count, local for while Redis is away.
const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreCtor;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreCtor;

/**
 * A rate-limit store shared by every node through Redis. While Redis is unreachable each node counts on its own
 * (limits still hold per node, and sign-in keeps working) and says so once in the log.
 */
export function createSharedRateLimitStore(redis: Redis, logger: Logger): FastifyRateLimitStoreCtor {
  let warned = false;
  function fallBack(err: unknown) {
    if (warned) return;
    warned = true;
    logger.error({ err: err instanceof Error ? err.message : String(err) }, 'rate limits fall back to per-node counts while Redis is unreachable');
  }

  class SharedRateLimitStore {
    private readonly shared: InnerStore;
    private readonly local: InnerStore;
    constructor(params: StoreParams, inner?: { shared: InnerStore; local: InnerStore }) {
      this.shared = inner?.shared ?? new RedisStore(params.continueExceeding, params.exponentialBackoff, redis, 'hearth:rate-limit:');
      this.local = inner?.local ?? new LocalStore(params.continueExceeding, params.exponentialBackoff);
    }
    private run(method: 'incr' | 'read', key: string, cb: Callback, timeWindow: number, max: number) {
      const local = () => this.local[method]!(key, cb, timeWindow, max);
      if (redis.status !== 'ready') {
        fallBack(new Error(`Redis connection is ${redis.status}`));
        return local();
      }
      this.shared[method]!(key, (err, res) => {
        if (!err) {
          warned = false;
          return cb(null, res);
        }
        fallBack(err);
        local();
      }, timeWindow, max);
    }
    incr(key: string, cb: Callback, timeWindow: number, max: number) {
      this.run('incr', key, cb, timeWindow, max);
    }
    read(key: string, cb: Callback, timeWindow: number, max: number) {
      this.run('read', key, cb, timeWindow, max);
    }
    child(routeOptions: RateLimitOptions & { routeInfo: unknown }) {
      return new SharedRateLimitStore({}, { shared: this.shared.child(routeOptions), local: this.local.child(routeOptions) });
    }
  }
  return SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
