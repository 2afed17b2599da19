import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { Bus, BusResume } from './bus.ts';
import { createRedisPresence } from './redis-presence.ts';

export type RedisBusOptions = {
  url: string;
  logger: Logger;
  /** Names this node in logs and in the presence hash; random by default. */
  nodeId?: string;
  /** Prefix of every channel and key, so several Hearth installations can share one Redis. */
  prefix?: string;
  /**
   * How long a node counts as alive after its last heartbeat: a SIGKILLed node's people leave every room's presence,
   * and the other nodes catch their clients up from the database, within about this long. 5 s by default (a node
   * busy for longer than about 4 s is taken for dead meanwhile; it rejoins on its next heartbeat).
   */
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
  const resumeHandlers: Array<(change: BusResume) => void> = [];
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

  /** Delivery is whole again after a gap: events may have been missed meanwhile. */
  function resume() {
    noteHealthy();
    for (const handler of resumeHandlers) handler({ missed: true });
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

  const presence = createRedisPresence(pub, {
    nodeId,
    prefix,
    ttlMs: options.presenceTtlMs ?? 5000,
    onError: (err) => markDegraded('presence', err),
    // A node that died may have stored a message it never published (the last one before it died, with nothing after
    // it to reveal the gap): catching every client up from the database delivers it, and refreshes presence. A node
    // coming back (or heartbeating again after a Redis restart) changes presence only: whatever it could not publish
    // meanwhile it announces itself (RESYNC), so its return alone costs no database read.
    onPeersChanged({ lost, back }) {
      if (closing) return;
      if (lost.length) log.warn({ lost }, 'a node stopped heartbeating: dropping its people from presence and catching clients up from the database');
      if (back.length) log.warn({ back }, 'a node is heartbeating again');
      for (const handler of resumeHandlers) handler({ missed: lost.length > 0 });
    },
  });

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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
