import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PresenceMember } from '@hearth/contracts';
import { uniquePresence, type PresenceSnapshot, type PresenceStore } from './bus.ts';

export type RedisPresenceOptions = {
  nodeId: string;
  prefix: string;
  /** How long a node counts as alive after its last heartbeat; it heartbeats four times per period. */
  ttlMs: number;
  onError(err: unknown): void;
  /** A node stopped heartbeating (killed, frozen or cut off) or came back: its people left or rejoined every room. */
  onPeersChanged(change: { lost: string[]; back: string[] }): void;
};

export type RedisPresence = PresenceStore & {
  /** This process's name in the shared store: the node id plus a per-start suffix, so a restarted node is a new one. */
  instanceId: string;
  /** One heartbeat now (the timer does the same); resolves with the instances seen dead. */
  beat(): Promise<string[]>;
  close(): Promise<void>;
};

/** Instances that stopped heartbeating this long ago are forgotten from the list of nodes. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * Shared presence with explicit node liveness. Every node keeps a heartbeat key (`node:<instance>`) with a short TTL
 * and is listed in the `nodes` set; a room's presence is a hash with one field per node instance. A reader counts only
 * fields whose node is alive, so a SIGKILLed node's people vanish from every view once its key expires (within
 * `ttlMs`), and each node's heartbeat notices the death and tells the hub, which refreshes what its clients see.
 */
export function createRedisPresence(redis: Redis, opts: RedisPresenceOptions): RedisPresence {
  const instanceId = `${opts.nodeId}.${randomUUID().slice(0, 6)}`;
  const mine = new Map<string, PresenceMember[]>();
  const nodesKey = `${opts.prefix}nodes`;
  const aliveKeyOf = (instance: string) => `${opts.prefix}node:${instance}`;
  const keyOf = (room: string) => `${opts.prefix}presence:${room}`;
  const versionKeyOf = (room: string) => `${opts.prefix}presence-v:${room}`;
  /** Instances this node has seen dead (and reported), so each death is reported once and a return is noticed. */
  const seenDead = new Set<string>();
  /** Instances seen alive at the last beat. */
  let lastAlive = new Set<string>();
  /**
   * Instances that were alive when this node lost Redis (with the time it did). Redis may have restarted empty
   * meanwhile, so each one's people are missing from this node's view until it writes them back: its return is
   * reported like a return from the dead, and the hub refreshes its view then.
   */
  const unconfirmed = new Map<string, number>();
  let closed = false;

  function noteConnectionLost() {
    const now = Date.now();
    for (const id of lastAlive) if (!unconfirmed.has(id)) unconfirmed.set(id, now);
    lastAlive = new Set();
  }

  async function beat(): Promise<string[]> {
    if (closed) return [];
    if (redis.status !== 'ready') {
      noteConnectionLost();
      return [];
    }
    try {
      return await beatOnce();
    } catch (err) {
      noteConnectionLost();
      throw err;
    }
  }

  async function beatOnce(): Promise<string[]> {
    const now = Date.now();
    // One transaction: nobody sees this instance alive without its entries, or its fresh entries while it looks dead.
    const batch = redis.multi();
    // The alive key first: whoever sees this instance in `nodes` can already see it alive.
    batch.set(aliveKeyOf(instanceId), '1', 'PX', opts.ttlMs).zadd(nodesKey, now, instanceId).zremrangebyscore(nodesKey, '-inf', now - FORGET_AFTER_MS);
    // Rewritten, not only extended: after a Redis restart the store is whole again within one beat.
    for (const [room, members] of mine) batch.hset(keyOf(room), instanceId, JSON.stringify(members)).pexpire(keyOf(room), opts.ttlMs * 4);
    batch.zrange(nodesKey, '0', '-1');
    const results = await batch.exec();
    const instances = ((results?.at(-1)?.[1] as string[] | undefined) ?? []).filter((id) => id !== instanceId);
    const alive = await aliveOf(instances);
    const dead = instances.filter((id) => !alive.has(id));
    const lost = dead.filter((id) => !seenDead.has(id));
    const back = [...new Set([...seenDead, ...unconfirmed.keys()])].filter((id) => alive.has(id));
    for (const id of lost) seenDead.add(id);
    for (const id of back) {
      seenDead.delete(id);
      unconfirmed.delete(id);
    }
    lastAlive = alive;
    // Forgotten instances (dropped from `nodes`) need no memory here either. An unconfirmed one is not listed until it
    // heartbeats again (an empty Redis has no `nodes`), so it is forgotten by age instead.
    for (const id of seenDead) if (!instances.includes(id)) seenDead.delete(id);
    for (const [id, since] of unconfirmed) if (now - since > FORGET_AFTER_MS) unconfirmed.delete(id);
    if (lost.length || back.length) opts.onPeersChanged({ lost, back });
    return dead;
  }

  async function aliveOf(instances: string[]): Promise<Set<string>> {
    if (instances.length === 0) return new Set();
    const flags = await redis.mget(...instances.map(aliveKeyOf));
    return new Set(instances.filter((_, i) => flags[i] !== null));
  }

  // Losing the connection may mean losing the store (a Redis restart without persistence): see `unconfirmed`.
  const onClose = () => noteConnectionLost();
  // Back: write this node's people and heartbeat again at once, rather than at the next tick.
  const onReady = () => void beat().catch(opts.onError);
  redis.on('close', onClose);
  redis.on('ready', onReady);
  const heartbeat = setInterval(() => void beat().catch(opts.onError), Math.max(100, Math.floor(opts.ttlMs / 4)));
  heartbeat.unref();
  void beat().catch(opts.onError);

  return {
    instanceId,
    beat,
    async set(room, local) {
      if (local.length) mine.set(room, local);
      else mine.delete(room);
      try {
        const tx = redis.multi();
        if (local.length) tx.hset(keyOf(room), instanceId, JSON.stringify(local)).pexpire(keyOf(room), opts.ttlMs * 4);
        else tx.hdel(keyOf(room), instanceId);
        tx.incr(versionKeyOf(room)).pexpire(versionKeyOf(room), 86_400_000).hgetall(keyOf(room));
        const results = await tx.exec();
        if (!results) throw new Error('presence transaction aborted');
        const failed = results.find(([err]) => err);
        if (failed) throw failed[0];
        const version = Number(results[local.length ? 2 : 1]![1]);
        const all = results.at(-1)![1] as Record<string, string>;
        const others = Object.keys(all).filter((id) => id !== instanceId);
        const alive = await aliveOf(others);
        // A dead node's entries are skipped here and expire with the hash; they are not deleted, which could race a node
        // that just came back and rewrote them.
        const members = [...local, ...others.filter((id) => alive.has(id)).flatMap((id) => JSON.parse(all[id]!) as PresenceMember[])];
        return { version, members: uniquePresence(members) };
      } catch (err) {
        opts.onError(err);
        // Degraded: only this node's people; version 0 is accepted by every node and beaten by the next real one.
        return { version: 0, members: local } satisfies PresenceSnapshot;
      }
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      redis.off('close', onClose);
      redis.off('ready', onReady);
      if (redis.status !== 'ready') return;
      // A goodbye: the others drop this node at once and do not mistake a deploy for a crash.
      const batch = redis.pipeline();
      for (const room of mine.keys()) batch.hdel(keyOf(room), instanceId);
      batch.zrem(nodesKey, instanceId).del(aliveKeyOf(instanceId));
      mine.clear();
      await batch.exec().catch(() => {});
    },
  };
}
