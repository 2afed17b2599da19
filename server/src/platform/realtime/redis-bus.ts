import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis, type RedisOptions } from 'ioredis';
import type { PresenceMember } from '@hearth/contracts';
import type { Logger } from '../logger.ts';
import { uniquePresence, type Bus, type PresenceSnapshot, type PresenceStore } from './bus.ts';

export type RedisBusOptions = {
  url: string;
  logger: Logger;
  /** Names this node in logs and in the presence hash; random by default. */
  nodeId?: string;
  /** Prefix of every channel and key, so several Hearth installations can share one Redis. */
  prefix?: string;
  /** How long a node's presence entries outlive its last heartbeat (a SIGKILLed node drops out after this). */
  presenceTtlMs?: number;
};

export type RedisBus = Bus & { nodeId: string; /** A connection for other shared state, e.g. rate limits. */ redis: Redis };

/** Control channel: "I could not publish for a while; everyone catch your clients up from the database." */
const RESYNC_TOPIC = 'bus:resync';
/** Commands must fail fast while Redis is away: a request waits for the database, never for Redis. */
const COMMAND_TIMEOUT_MS = 1500;

const retryStrategy = (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2000);

/**
 * The multi-node bus: Redis pub/sub between nodes, the in-process emitter within one. A node delivers its own events
 * locally without a round trip and ignores their echo from Redis. When Redis is unreachable the node keeps serving
 * its own clients, logs that cross-node fan-out is degraded, and when Redis is back tells the hub to catch every
 * client up from the database (messages are stored before they are acknowledged, so nothing is lost).
 */
export async function createRedisBus(options: RedisBusOptions): Promise<RedisBus> {
  const { logger } = options;
  const nodeId = options.nodeId ?? randomUUID().slice(0, 8);
  const prefix = options.prefix ?? 'hearth:';
  const log = logger.child({ component: 'redis-bus', nodeId });
  const common: RedisOptions = { retryStrategy, connectionName: `hearth-${nodeId}`, lazyConnect: true };
  const pub = new Redis(options.url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS });
  // The subscriber resubscribes itself after a reconnect (below), so it knows when delivery is whole again.
  const sub = new Redis(options.url, { ...common, autoResubscribe: false, maxRetriesPerRequest: null });
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const refs = new Map<string, number>();
  const resumeHandlers: Array<() => void> = [];
  let closing = false;
  let subLost = false;
  let missedPublish = false;
  let degradedSince: number | null = null;

  const channelOf = (topic: string) => `${prefix}${topic}`;

  function markDegraded(what: string, err: unknown) {
    if (closing || degradedSince !== null) return;
    degradedSince = Date.now();
    log.error({ err: err instanceof Error ? err.message : String(err), what }, 'Redis is unreachable: cross-node fan-out is degraded; clients on other nodes will catch up from the database');
  }

  function noteHealthy() {
    if (degradedSince === null || pub.status !== 'ready' || sub.status !== 'ready' || subLost) return;
    log.warn({ downForMs: Date.now() - degradedSince }, 'Redis is back: cross-node fan-out restored');
    degradedSince = null;
  }

  function resume() {
    noteHealthy();
    for (const handler of resumeHandlers) handler();
  }

  sub.on('message', (channel: string, message: string) => {
    const bar = message.indexOf('|');
    if (message.slice(0, bar) === nodeId) return; // already delivered locally
    const topic = channel.slice(prefix.length);
    if (topic === RESYNC_TOPIC) return resume();
    let payload: unknown;
    try {
      payload = JSON.parse(message.slice(bar + 1));
    } catch (err) {
      log.error({ err, channel }, 'dropped an unreadable bus message');
      return;
    }
    emitter.emit(topic, payload);
  });
  for (const conn of [pub, sub]) {
    conn.on('error', (err) => markDegraded(conn === pub ? 'publisher' : 'subscriber', err));
  }
  sub.on('close', () => {
    if (!closing) subLost = true;
  });
  sub.on('ready', () => {
    if (!subLost) return;
    subLost = false;
    // Subscribe to everything again first; only then is it safe to read the backlog (nothing can fall between).
    void sub
      .subscribe(channelOf(RESYNC_TOPIC), ...[...refs.keys()].map(channelOf))
      .then(resume, (err) => markDegraded('resubscribe', err));
  });
  pub.on('ready', () => {
    noteHealthy();
    if (!missedPublish) return;
    missedPublish = false;
    pub.publish(channelOf(RESYNC_TOPIC), `${nodeId}|{}`).catch((err) => {
      missedPublish = true;
      markDegraded('publish', err);
    });
  });

  // A node that starts while Redis is away still serves its own clients, and joins the cluster once Redis is back.
  await Promise.all([pub.connect(), sub.connect()]).catch((err) => {
    subLost = true;
    markDegraded('connect', err);
  });
  if (!subLost) await sub.subscribe(channelOf(RESYNC_TOPIC)).catch((err) => markDegraded('subscribe', err));

  async function ensureSubscribed(topic: string) {
    if (sub.status !== 'ready' || subLost) return; // degraded: resubscribed (and caught up) on resume
    await withTimeout(sub.subscribe(channelOf(topic)), COMMAND_TIMEOUT_MS).catch((err) => {
      subLost = true;
      markDegraded('subscribe', err);
    });
  }

  const presence = createRedisPresence(pub, { nodeId, prefix, ttlMs: options.presenceTtlMs ?? 15_000, onError: (err) => markDegraded('presence', err) });

  return {
    nodeId,
    redis: pub,
    async publish(topic, payload) {
      // Local first: this node's people never wait on Redis.
      emitter.emit(topic, payload);
      try {
        await pub.publish(channelOf(topic), `${nodeId}|${JSON.stringify(payload)}`);
      } catch (err) {
        // The event is already stored (publish runs after commit); other nodes' clients catch up once Redis is back.
        missedPublish = true;
        markDegraded('publish', err);
      }
    },
    async subscribe(topic, handler) {
      emitter.on(topic, handler);
      const count = (refs.get(topic) ?? 0) + 1;
      refs.set(topic, count);
      if (count === 1) await ensureSubscribed(topic);
      let done = false;
      return async () => {
        if (done) return;
        done = true;
        emitter.off(topic, handler);
        const left = (refs.get(topic) ?? 1) - 1;
        if (left > 0) return void refs.set(topic, left);
        refs.delete(topic);
        if (sub.status === 'ready') await sub.unsubscribe(channelOf(topic)).catch(() => {});
      };
    },
    presence,
    onResume(handler) {
      resumeHandlers.push(handler);
    },
    async close() {
      await presence.close();
      closing = true;
      emitter.removeAllListeners();
      await Promise.all([pub, sub].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

type PresenceEntry = { m: PresenceMember[]; e: number };

/** Presence in one Redis hash per room: a field per node, each with an expiry that the node's heartbeat pushes on. */
function createRedisPresence(redis: Redis, opts: { nodeId: string; prefix: string; ttlMs: number; onError(err: unknown): void }): PresenceStore & { close(): Promise<void> } {
  const mine = new Map<string, PresenceMember[]>();
  const keyOf = (room: string) => `${opts.prefix}presence:${room}`;
  const versionKeyOf = (room: string) => `${opts.prefix}presence-v:${room}`;
  const entry = (members: PresenceMember[]) => JSON.stringify({ m: members, e: Date.now() + opts.ttlMs } satisfies PresenceEntry);

  const heartbeat = setInterval(() => {
    if (mine.size === 0 || redis.status !== 'ready') return;
    const batch = redis.pipeline();
    for (const [room, members] of mine) {
      batch.hset(keyOf(room), opts.nodeId, entry(members)).pexpire(keyOf(room), opts.ttlMs * 4).pexpire(versionKeyOf(room), 86_400_000);
    }
    batch.exec().catch(opts.onError);
  }, Math.max(500, Math.floor(opts.ttlMs / 3)));
  heartbeat.unref();

  return {
    async set(room, local) {
      if (local.length) mine.set(room, local);
      else mine.delete(room);
      try {
        const tx = redis.multi();
        if (local.length) tx.hset(keyOf(room), opts.nodeId, entry(local)).pexpire(keyOf(room), opts.ttlMs * 4);
        else tx.hdel(keyOf(room), opts.nodeId);
        tx.incr(versionKeyOf(room)).pexpire(versionKeyOf(room), 86_400_000).hgetall(keyOf(room));
        const results = await tx.exec();
        if (!results) throw new Error('presence transaction aborted');
        const failed = results.find(([err]) => err);
        if (failed) throw failed[0];
        const version = Number(results[local.length ? 2 : 1]![1]);
        const all = results.at(-1)![1] as Record<string, string>;
        const now = Date.now();
        const members: PresenceMember[] = [];
        for (const raw of Object.values(all)) {
          const parsed = JSON.parse(raw) as PresenceEntry;
          if (parsed.e > now) members.push(...parsed.m);
        }
        return { version, members: uniquePresence(members) };
      } catch (err) {
        opts.onError(err);
        // Degraded: only this node's people; version 0 is accepted by every node and beaten by the next real one.
        return { version: 0, members: local } satisfies PresenceSnapshot;
      }
    },
    async close() {
      clearInterval(heartbeat);
      if (mine.size === 0 || redis.status !== 'ready') return;
      const batch = redis.pipeline();
      for (const room of mine.keys()) batch.hdel(keyOf(room), opts.nodeId);
      mine.clear();
      await batch.exec().catch(() => {});
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
