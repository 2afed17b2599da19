import type { RevokeReason, ServerEvent } from '@hearth/contracts';
import type { Actor } from '../http/actor.ts';
import type { Logger } from '../logger.ts';
import type { Bus } from './bus.ts';

/**
 * Ends live subscriptions on every node, at once, when access changes (a member removed or banned, a group archived, a
 * conversation closed, a session signed out). Owners call it after commit; it travels on the bus, so every node acts.
 *
 * - `sessionId` / `allSessions` (with `userId`): the sockets of that session (or of every session of the person) are
 *   told `revoked` for each room and closed (4401 "session revoked").
 * - otherwise the matching subscriptions (of `userId`, or of everyone in `room`; narrowed by `room` or `scope`) are held
 *   (nothing is delivered meanwhile), authorized again by their channel, and dropped with a `revoked` event when the
 *   answer is no. `check: false` drops them without asking (the room itself is gone).
 */
export type LiveRevocation = {
  userId?: string;
  room?: string;
  /** Every room of one scope, e.g. `room` for chat rooms. */
  scope?: string;
  sessionId?: string;
  allSessions?: boolean;
  check?: boolean;
  reason: RevokeReason;
};

/** The owners' port: modules that must end live access take `revokeLive` in their deps (main.ts passes the hub's). */
export type RevokeLive = (revocation: LiveRevocation) => Promise<void>;

/** The bus topic every node listens on for revocations (not a room: clients cannot subscribe to it). */
export const REVOKE_TOPIC = 'rt-control:revoke';
/** How often each node re-reads the sessions and memberships behind its sockets, for when a revoke did not arrive. */
export const DEFAULT_RECHECK_MS = 10_000;
/** Authorizations run at the same time by one re-check, for scopes without `authorizeMany` (one per distinct person and room). */
const RECHECK_CONCURRENCY = 4;
/** The most checks one `authorizeMany` call answers (bounds one statement's size; a bigger node makes a few calls). */
const BATCH_MAX = 5000;

/**
 * Answers many authorizations of one scope at once, with the same answers `authorize` would give one by one: answer i
 * is for check i. A channel offers it so a node's re-check is one statement per kind of room, not one per person and
 * room. A thrown error keeps every subscription of the batch (the next re-check asks again).
 */
export type AuthorizeMany = (checks: Array<{ actor: Actor; id: string }>) => Promise<boolean[]>;

export type HubOptions = {
  /** How often each socket's session and rooms are read again (batched per node); 0 turns it off. 10 s by default. */
  recheckMs?: number;
  /** Which session ids are still live, in one query; without it sessions are re-read only before a send. */
  checkSessions?: CheckSessions;
};

/** Returns which of these session ids are still live (not signed out, revoked or expired). One query for the node. */
export type CheckSessions = (sessionIds: string[]) => Promise<Set<string>>;

export type LiveSubscription = { buffer: unknown[] | null; holds: number; held: unknown[] };
export type LiveConnection = {
  actor: Actor;
  rooms: Map<string, LiveSubscription>;
  /** Raised by every revocation that touches this person, so a join authorized before it asks again. */
  revision: number;
  checkedAt: number;
  recheck?: () => Promise<Actor | null>;
};

type Context<C extends LiveConnection> = {
  bus: Bus;
  logger: Logger;
  connections: Set<C>;
  authorize(actor: Actor, room: string): Promise<boolean>;
  /** The batched form of `authorize` for a scope (`room`, `group`…), when its channel has one. */
  authorizeMany?(scope: string): AuthorizeMany | undefined;
  /** Stops delivery of `room` to `conn` now (synchronously) and leaves it in the background. */
  drop(conn: C, room: string): void;
  /** Delivers what a subscription held while it was being checked again. */
  release(conn: C, room: string): void;
  send(conn: C, event: ServerEvent): void;
  /** Tells the client and closes the socket; its close handler leaves every room. */
  closeSocket(conn: C, code: number, reason: string): void;
  checkSessions?: CheckSessions;
  recheckMs: number;
};

export function createLiveAccess<C extends LiveConnection>(ctx: Context<C>) {
  const { logger } = ctx;
  const log = logger.child({ component: 'realtime-access' });

  function matches(r: LiveRevocation, room: string) {
    if (r.room) return room === r.room;
    if (r.scope) return room.startsWith(`${r.scope}:`);
    return true;
  }

  function revokeRoom(conn: C, room: string, reason: RevokeReason) {
    if (!conn.rooms.has(room)) return;
    ctx.drop(conn, room);
    ctx.send(conn, { type: 'revoked', room, reason });
  }

  function endSession(conn: C, reason: RevokeReason) {
    for (const room of [...conn.rooms.keys()]) revokeRoom(conn, room, reason);
    ctx.send(conn, { type: 'error', code: 'unauthenticated', message: 'Please sign in again to keep chatting. Your draft is kept on this device.' });
    ctx.closeSocket(conn, 4401, 'session revoked');
  }

  type Pair = { conn: C; room: string; sub: LiveSubscription; held: boolean };

  /**
   * Authorizes each distinct person-and-room once; denied ones are revoked on every socket that holds them. Scopes whose
   * channel answers in batches are asked once (per BATCH_MAX checks) for all their pairs; the others one pair at a time.
   */
  async function recheckRooms(pairs: Pair[], reason: RevokeReason, why: string) {
    const byKey = new Map<string, Pair[]>();
    for (const p of pairs) {
      const key = `${p.conn.actor.userId} ${p.room}`;
      const same = byKey.get(key);
      if (same) same.push(p);
      else byKey.set(key, [p]);
    }
    const byScope = new Map<string, Pair[][]>();
    for (const group of byKey.values()) {
      const scope = scopeOf(group[0]!.room);
      const list = byScope.get(scope);
      if (list) list.push(group);
      else byScope.set(scope, [group]);
    }
    const single: Pair[][] = [];
    const batches: Promise<void>[] = [];
    for (const [scope, groups] of byScope) {
      const many = ctx.authorizeMany?.(scope);
      if (!many) single.push(...groups);
      else for (let i = 0; i < groups.length; i += BATCH_MAX) batches.push(recheckBatch(many, groups.slice(i, i + BATCH_MAX), reason, why));
    }
    let next = 0;
    const worker = async () => {
      while (next < single.length) {
        const group = single[next++]!;
        const { conn, room } = group[0]!;
        const allowed = await ctx.authorize(conn.actor, room).catch((err) => {
          // The database could not answer: keep the subscription; the next re-check asks again.
          log.error({ err, room }, 'realtime access re-check failed');
          return true;
        });
        settle(group, allowed, reason, why);
      }
    };
    await Promise.all([...batches, ...Array.from({ length: Math.min(RECHECK_CONCURRENCY, single.length) }, worker)]);
  }

  async function recheckBatch(many: AuthorizeMany, groups: Pair[][], reason: RevokeReason, why: string) {
    const checks = groups.map((g) => ({ actor: g[0]!.conn.actor, id: idOf(g[0]!.room) }));
    const answers = await many(checks).catch((err) => {
      // The database could not answer: keep every subscription of the batch; the next re-check asks again.
      log.error({ err, scope: scopeOf(groups[0]![0]!.room), checks: checks.length }, 'realtime access re-check failed');
      return null;
    });
    groups.forEach((group, i) => settle(group, answers ? answers[i] === true : true, reason, why));
  }

  /** Applies one answer to every socket holding that person-and-room, and releases what was held meanwhile. */
  function settle(group: Pair[], allowed: boolean, reason: RevokeReason, why: string) {
    for (const p of group) {
      if (!allowed && p.conn.rooms.get(p.room) === p.sub) {
        revokeRoom(p.conn, p.room, reason);
        if (why === 'sweep') log.warn({ room: p.room, userId: p.conn.actor.userId }, 'realtime re-check ended a subscription that no revoke had ended (a revoke did not reach this node)');
      }
      if (p.held) {
        p.sub.holds--;
        if (p.sub.holds === 0 && p.conn.rooms.get(p.room) === p.sub) ctx.release(p.conn, p.room);
      }
    }
  }

  /** A revocation heard on the bus (from this node or another). */
  function onRevoke(payload: unknown) {
    const r = payload as LiveRevocation;
    if (!r || typeof r !== 'object' || (!r.userId && !r.room)) return;
    const pairs: Pair[] = [];
    for (const conn of ctx.connections) {
      if (r.userId && conn.actor.userId !== r.userId) continue;
      if (r.sessionId || r.allSessions) {
        if (r.allSessions || conn.actor.sessionId === r.sessionId) endSession(conn, r.reason);
        continue;
      }
      conn.revision++;
      for (const [room, sub] of [...conn.rooms]) {
        if (!matches(r, room)) continue;
        if (r.check === false) revokeRoom(conn, room, r.reason);
        else {
          // Held from this instant: a message published right after the change is not delivered before the answer.
          sub.holds++;
          pairs.push({ conn, room, sub, held: true });
        }
      }
    }
    if (pairs.length) void recheckRooms(pairs, r.reason, 'revoke');
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  /** One pass over this node's sockets: sessions in one query, then rooms in one query per scope that batches (see recheckRooms). */
  async function sweep() {
    const conns = [...ctx.connections];
    if (conns.length === 0) return;
    if (ctx.checkSessions) {
      const live = await ctx.checkSessions([...new Set(conns.map((c) => c.actor.sessionId))]);
      for (const conn of conns) {
        if (live.has(conn.actor.sessionId)) conn.checkedAt = Date.now();
        else {
          log.warn({ userId: conn.actor.userId }, 'realtime re-check closed a socket whose session ended (a revoke did not reach this node)');
          endSession(conn, 'signed_out');
        }
      }
    }
    const pairs: Pair[] = [];
    for (const conn of conns) {
      if (!ctx.connections.has(conn)) continue;
      // Still joining: its own authorization has just been read.
      for (const [room, sub] of conn.rooms) if (!sub.buffer) pairs.push({ conn, room, sub, held: false });
    }
    await recheckRooms(pairs, 'access_changed', 'sweep');
  }

  function tick() {
    if (running) return;
    running = sweep()
      .catch((err) => log.error({ err }, 'realtime re-check failed'))
      .finally(() => {
        running = null;
      });
  }

  const subscribed = ctx.bus.subscribe(REVOKE_TOPIC, onRevoke);

  return {
    /** Publishes a revocation to every node (this one included). Call after commit. */
    async revoke(revocation: LiveRevocation) {
      await subscribed;
      await ctx.bus.publish(REVOKE_TOPIC, revocation);
    },
    start() {
      if (timer || ctx.recheckMs <= 0) return;
      timer = setInterval(tick, ctx.recheckMs);
      timer.unref();
    },
    /** Runs one re-check now (tests, and `close` waits for a running one). */
    async recheckNow() {
      tick();
      await running;
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      await (await subscribed)();
    },
  };
}

function scopeOf(room: string) {
  const i = room.indexOf(':');
  return i < 0 ? room : room.slice(0, i);
}

function idOf(room: string) {
  return room.slice(room.indexOf(':') + 1);
}
