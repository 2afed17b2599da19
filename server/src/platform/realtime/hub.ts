import type { WebSocket } from 'ws';
import { ClientEvent, type PresenceMember, type ServerEvent } from '@hearth/contracts';
import type { Actor } from '../http/actor.ts';
import { AppError, CommonErrors } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { uniquePresence, type Bus, type BusResume, type PresenceSnapshot } from './bus.ts';
import { createBacklogBatcher } from './backlog-batcher.ts';
import { createLiveAccess, DEFAULT_RECHECK_MS, type AuthorizeMany, type HubOptions, type LiveRevocation } from './live-access.ts';

/** `Omit` that keeps a union a union (plain `Omit` would collapse every event to the keys they share). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event on a room's bus topic. Events with `seq` are de-duplicated per connection (catch-up + live). */
export type RoomEvent = ServerEvent & { room: string; seq?: number };

/** What travels on the bus: presence snapshots carry their version (`v`) so every node keeps the newest one. */
type BusEvent = RoomEvent & { v?: number };

/**
 * How one scope of rooms (e.g. `room:`) behaves. Modules register a channel in their `<feature>.realtime.ts`;
 * joining is authorized by the same policy as reading.
 */
export type Channel = {
  authorize(actor: Actor, id: string): Promise<boolean>;
  /** `authorize` for many people and rooms at once (the periodic re-check: one statement per kind, not per pair). */
  authorizeMany?: AuthorizeMany;
  /** Everything after `after`, oldest first, so a reconnecting client loses nothing. */
  backlog?(actor: Actor, id: string, after: number): Promise<RoomEvent[]>;
  /**
   * The backlog read once for several connections that are all allowed in the room (they just joined, or joined
   * earlier and hear it live anyway). What it returns must not depend on who reads it. With it, concurrent backlog
   * reads of a room are coalesced (a failover's reconnects are one read per room per node); without it, each
   * connection reads its own through `backlog`.
   */
  sharedBacklog?(readers: Actor[], id: string, after: number): Promise<RoomEvent[]>;
  onJoin?(actor: Actor, id: string): Promise<void>;
  onLeave?(actor: Actor, id: string): Promise<void>;
  /**
   * Stores something sent over the socket (a chat message) and resolves once it is durable, with what the sender is
   * told. Throws an AppError to refuse it kindly. The same rules as the HTTP route apply; only the transport differs.
   */
  send?(actor: Actor, id: string, input: { clientId: string; body: string }): Promise<{ seq: number; message: Extract<ServerEvent, { type: 'sent' }>['message'] }>;
};

/** Re-reads the session behind a socket (null once it was signed out, expired or revoked). */
export type SessionRecheck = () => Promise<Actor | null>;
/** How a pre-encoded event is sent: as a text frame (a Buffer would otherwise go out as binary). */
const TEXT_FRAME = { binary: false } as const;
/** A socket's session is read again before a send when it was last confirmed longer ago than this. */
const SESSION_RECHECK_MS = 10_000;

/**
 * Per-connection state of one room. `floor` is the client's cursor: nothing at or below it is sent. Above it we
 * remember which seqs were sent, so a duplicate (catch-up overlapping live) is dropped but an event that arrives
 * out of order (two commits published in the other order, or across nodes) is still delivered.
 */
type Subscription = {
  floor: number;
  sent: Set<number>;
  buffer: RoomEvent[] | null;
  /** Everything up to here was sent (null: the client gave no cursor and no seq has arrived yet). */
  cursor: number | null;
  /** The highest seq sent; above `cursor` means a gap, e.g. a node died between commit and publish. */
  maxSeq: number;
  repair: NodeJS.Timeout | null;
  /** While revocations are being checked (above 0), events wait in `held` (see live-access.ts). */
  holds: number; held: RoomEvent[];
};
/** How many sent seqs a subscription remembers before raising its floor. */
const SENT_WINDOW = 1024;
/** How long a gap in seqs may last (an event still in flight from another node) before it is filled from the database. */
const GAP_REPAIR_MS = 1000;
type Connection = {
  socket: WebSocket;
  actor: Actor;
  rooms: Map<string, Subscription>;
  queue: Promise<void>;
  recheck?: SessionRecheck;
  checkedAt: number;
  /** A catch-up is queued and has not started: another request for one can ride on it. */
  catchUpQueued: boolean;
  /** Raised by each revocation touching this person: a join authorized before one asks again. */
  revision: number;
};
/** A presence write that failed (Redis away) is tried again after this, doubling up to PRESENCE_RETRY_MAX_MS, with jitter. */
const PRESENCE_RETRY_MS = 250;
const PRESENCE_RETRY_MAX_MS = 8000;

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;

/** Tracks websocket connections, their rooms and presence, and fans out bus events to local sockets. */
export function createRealtimeHub(bus: Bus, logger: Logger, options: HubOptions = {}) {
  const channels = new Map<string, Channel>();
  const connections = new Set<Connection>();
  /** Connections that closed and are still leaving their rooms. */
  const leaving = new Set<Promise<void>>();
  const localRooms = new Map<string, { members: Set<Connection>; unsubscribe: Promise<() => Promise<void>> }>();
  /** The newest cluster-wide presence per room this node has people in (from the shared presence store). */
  const clusterPresence = new Map<string, PresenceSnapshot>();
  const batcher = createBacklogBatcher();
  /** Rooms whose presence write failed and is waiting to be tried again, with the attempt number. */
  const presenceRetries = new Map<string, { attempt: number; timer: NodeJS.Timeout | null }>();
  let closed = false;

  /** What `actor` (allowed in `room`) missed after `after`: read together with whoever asks at the same time. */
  function readBacklog(actor: Actor, room: string, after: number): Promise<RoomEvent[]> {
    const [scope, id] = splitRoom(room);
    const channel = channels.get(scope);
    if (!channel?.backlog) return Promise.resolve([]);
    if (!channel.sharedBacklog) return channel.backlog(actor, id, after);
    return batcher.read(room, id, actor, after, channel.sharedBacklog, channel.backlog);
  }

  /**
   * `frame` is the event already serialized and UTF-8 encoded (a fan-out encodes once per event, not once per socket);
   * it still goes out as a text frame.
   */
  function send(conn: Connection, event: ServerEvent, frame?: Buffer) {
    if (conn.socket.readyState !== conn.socket.OPEN) return;
    if (frame) conn.socket.send(frame, TEXT_FRAME);
    else conn.socket.send(JSON.stringify(event));
  }

  function deliver(conn: Connection, sub: Subscription, event: RoomEvent, frame?: Buffer) {
    if (event.seq !== undefined) {
      if (event.seq <= sub.floor || sub.sent.has(event.seq)) return;
      sub.sent.add(event.seq);
      sub.maxSeq = Math.max(sub.maxSeq, event.seq);
      sub.cursor ??= event.seq - 1;
      while (sub.sent.has(sub.cursor + 1)) sub.cursor++;
      if (sub.sent.size > SENT_WINDOW) {
        const oldest = [...sub.sent].sort((a, b) => a - b).slice(0, sub.sent.size - SENT_WINDOW / 2);
        for (const seq of oldest) sub.sent.delete(seq);
        sub.floor = oldest[oldest.length - 1]!;
        sub.cursor = Math.max(sub.cursor, sub.floor);
      }
    }
    send(conn, event, frame);
    if (sub.cursor !== null && sub.cursor < sub.maxSeq) scheduleRepair(conn, event.room, sub);
  }

  /** A gap that outlives events in flight is filled from the database (the de-duplication keeps it exactly-once). */
  function scheduleRepair(conn: Connection, room: string, sub: Subscription) {
    if (sub.repair) return;
    sub.repair = setTimeout(() => {
      sub.repair = null;
      if (conn.rooms.get(room) !== sub || sub.cursor === null || sub.cursor >= sub.maxSeq) return;
      conn.queue = conn.queue.then(() => catchUpRoom(conn, room, sub)).catch((err) => {
        logger.error({ err, room }, 'realtime gap repair failed');
        scheduleRepair(conn, room, sub); // the gap is still there: try again
      });
    }, GAP_REPAIR_MS);
    sub.repair.unref();
  }

  /** Sends what this subscription is missing after its cursor, from the channel's backlog. */
  async function catchUpRoom(conn: Connection, room: string, sub: Subscription) {
    if (sub.buffer || sub.cursor === null || conn.rooms.get(room) !== sub) return;
    // Every seq up to here was committed before the read below (a room's seqs are assigned in commit order).
    const known = sub.maxSeq;
    const events = await readBacklog(conn.actor, room, sub.cursor);
    for (const event of events) deliver(conn, sub, event);
    // A seq the backlog does not hold is not this person's to see (or no longer exists): stop waiting for it.
    if (conn.rooms.get(room) !== sub || sub.cursor === null || events.some((e) => e.type === 'invalidate')) return;
    for (let seq = sub.cursor + 1; seq <= known; seq++) sub.sent.add(seq);
    while (sub.sent.has(sub.cursor + 1)) sub.cursor++;
  }

  function localPresenceOf(room: string): PresenceMember[] {
    return uniquePresence([...(localRooms.get(room)?.members ?? [])].map((c) => ({ userId: c.actor.userId, displayName: c.actor.displayName })));
  }

  /** Who is connected to a room on any node (as last heard from the presence store), or on this node alone. */
  function presenceOf(room: string): PresenceMember[] {
    return clusterPresence.get(room)?.members ?? localPresenceOf(room);
  }

  /** Keeps the newer snapshot; version 0 (Redis unreachable, local only) is always taken and beaten by the next real one. */
  function notePresence(room: string, snapshot: PresenceSnapshot): boolean {
    const known = clusterPresence.get(room);
    if (known && snapshot.version !== 0 && snapshot.version < known.version) return false;
    clusterPresence.set(room, snapshot);
    return true;
  }

  function onBusEvent(room: string, payload: unknown) {
    let event = payload as BusEvent;
    if (event.type === 'presence') {
      if (!notePresence(room, { version: event.v ?? 0, members: event.presence })) return;
      const { v: _v, ...rest } = event;
      event = rest as RoomEvent;
    }
    // Serialized and encoded once per event, not once per socket.
    let frame: Buffer | undefined;
    for (const conn of localRooms.get(room)?.members ?? []) {
      const sub = conn.rooms.get(room);
      if (!sub) continue;
      if (sub.buffer) sub.buffer.push(event);
      else if (sub.holds > 0) sub.held.push(event);
      else deliver(conn, sub, event, (frame ??= Buffer.from(JSON.stringify(event))));
    }
  }

  async function join(conn: Connection, room: string, after: number | undefined) {
    const [scope, id] = splitRoom(room);
    const channel = channels.get(scope);
    let allowed: boolean | null = false;
    // A revocation heard while authorizing may have been committed after the read: then ask again.
    for (let revision = -1; channel && revision !== conn.revision; ) {
      revision = conn.revision;
      allowed = await channel.authorize(conn.actor, id).catch((err) => (logger.error({ err, room }, 'realtime authorize failed'), null));
    }
    // The database could not answer (restarting, overloaded): "try again", never "not found", so the client asks again.
    if (allowed === null) {
      send(conn, { type: 'error', room, code: 'unavailable', message: 'We could not open this room just now. Please try again in a moment.' });
      return;
    }
    if (!channel || !allowed) {
      send(conn, { type: 'error', room, code: 'not_found', message: 'This room could not be found, or you do not have access to it.' });
      return;
    }
    if (conn.rooms.has(room)) await leave(conn, room);
    // Subscribe first and buffer, then read the backlog: no event can fall between the two. (With Redis, the bus
    // resolves the subscription once Redis has confirmed it, so this holds across nodes too.)
    const sub: Subscription = { floor: after ?? 0, sent: new Set(), buffer: [], cursor: after ?? null, maxSeq: after ?? 0, repair: null, holds: 0, held: [] };
    conn.rooms.set(room, sub);
    let entry = localRooms.get(room);
    if (!entry) {
      entry = { members: new Set(), unsubscribe: bus.subscribe(topicOf(room), (p) => onBusEvent(room, p)) };
      localRooms.set(room, entry);
    }
    entry.members.add(conn);
    try {
      await entry.unsubscribe;
      // A side effect such as attendance must not keep a person out of the room.
      await channel.onJoin?.(conn.actor, id).catch((err) => logger.error({ err, room }, 'realtime onJoin failed'));
      const backlog = after !== undefined ? await readBacklog(conn.actor, room, after) : [];
      await refreshPresence(room);
      if (conn.rooms.get(room) !== sub) return; // revoked while joining
      send(conn, { type: 'subscribed', room, presence: presenceOf(room) });
      for (const event of backlog) deliver(conn, sub, event);
    } catch (err) {
      // Without this the subscription would buffer forever and the client would wait for a reply that never comes.
      logger.error({ err, room }, 'realtime join failed');
      await leave(conn, room, { skipOnLeave: true });
      send(conn, { type: 'error', room, code: 'unavailable', message: 'We could not open this room just now. Please try again in a moment.' });
      return;
    }
    const buffered = sub.buffer ?? [];
    sub.buffer = null;
    if (sub.holds > 0) sub.held.unshift(...buffered);
    else for (const event of buffered) deliver(conn, sub, event);
    await publishPresence(room);
  }

  async function leave(conn: Connection, room: string, opts: { skipOnLeave?: boolean } = {}) {
    const sub = conn.rooms.get(room);
    if (!sub) return;
    conn.rooms.delete(room);
    if (sub.repair) clearTimeout(sub.repair);
    const entry = localRooms.get(room);
    entry?.members.delete(conn);
    const empty = Boolean(entry && entry.members.size === 0);
    if (entry && empty) {
      localRooms.delete(room);
      await (await entry.unsubscribe)();
    }
    // Recorded before onLeave, which asks whether the person is still here on another device (on any node).
    const snapshot = await refreshPresence(room);
    const [scope, id] = splitRoom(room);
    if (!opts.skipOnLeave) {
      await channels.get(scope)?.onLeave?.(conn.actor, id).catch((err) => logger.error({ err, room }, 'realtime onLeave failed'));
    }
    if (empty && !localRooms.has(room)) clusterPresence.delete(room);
    // Published even when nobody is left here: people on other nodes may still be in the room.
    await bus.publish(topicOf(room), { type: 'presence', room, presence: snapshot.members, v: snapshot.version } satisfies BusEvent);
  }

  async function leaveAll(conn: Connection) {
    for (const room of [...conn.rooms.keys()]) await leave(conn, room);
  }

  /**
   * Records this node's people in `room` in the shared store and notes the cluster-wide result. A write that failed
   * (version 0: Redis away) is tried again with backoff, so the others see this node's people again once it is back.
   */
  async function refreshPresence(room: string): Promise<PresenceSnapshot> {
    const snapshot = await bus.presence.set(room, localPresenceOf(room));
    notePresence(room, snapshot);
    if (snapshot.version === 0) schedulePresenceRetry(room);
    else clearPresenceRetry(room);
    return snapshot;
  }

  function clearPresenceRetry(room: string) {
    const retry = presenceRetries.get(room);
    if (retry?.timer) clearTimeout(retry.timer);
    presenceRetries.delete(room);
  }

  function schedulePresenceRetry(room: string) {
    const retry = presenceRetries.get(room) ?? { attempt: 0, timer: null };
    if (retry.timer || closed) return;
    presenceRetries.set(room, retry);
    const base = Math.min(PRESENCE_RETRY_MAX_MS, PRESENCE_RETRY_MS * 2 ** retry.attempt);
    retry.attempt++;
    // Jitter, so every node (and every room) does not hit a Redis that just came back in the same millisecond.
    retry.timer = setTimeout(() => {
      retry.timer = null;
      // Also when nobody is left here: the write that failed may be the one that takes this node's people out.
      if (closed) return clearPresenceRetry(room);
      void refreshPresence(room)
        .then((snapshot) => (snapshot.version !== 0 ? publishSnapshot(room, snapshot) : undefined))
        .catch((err) => {
          logger.error({ err, room }, 'realtime presence retry failed');
          schedulePresenceRetry(room);
        });
    }, Math.round(base * (0.5 + Math.random() * 0.5)));
    retry.timer.unref();
  }

  function publishSnapshot(room: string, snapshot: PresenceSnapshot) {
    return bus.publish(topicOf(room), { type: 'presence', room, presence: snapshot.members, v: snapshot.version } satisfies BusEvent);
  }

  async function publishPresence(room: string) {
    const snapshot = clusterPresence.get(room) ?? (await refreshPresence(room));
    await publishSnapshot(room, snapshot);
  }

  /**
   * The cluster changed: restore this node's presence in the shared store (it may have restarted empty, with versions
   * from 1 again) and, when events from other nodes may have been missed (Redis was unreachable, or a node died between
   * commit and publish), send every subscription what it missed from the database. The catch-up is coalesced into
   * one read per room, and the per-seq de-duplication makes it exactly-once. A node merely coming back (heartbeating
   * again) is a presence change only: nothing was missed, so nothing is read from the database.
   */
  function onClusterChange({ missed }: BusResume) {
    clusterPresence.clear();
    for (const room of [...localRooms.keys()]) {
      void publishPresence(room).catch((err) => logger.error({ err, room }, 'realtime presence refresh failed'));
    }
    if (!missed) return;
    for (const conn of connections) {
      // A catch-up still waiting in this connection's queue reads after this change too: one is enough.
      if (conn.catchUpQueued) continue;
      conn.catchUpQueued = true;
      conn.queue = conn.queue
        .then(() => {
          conn.catchUpQueued = false;
          return catchUp(conn);
        })
        .catch((err) => logger.error({ err }, 'realtime catch-up failed'));
    }
  }

  async function catchUp(conn: Connection) {
    // A subscription still joining is covered by its own backlog read.
    for (const [room, sub] of [...conn.rooms]) {
      // A catch-up that fails (the database is busy) is tried again: nothing may reveal the missed message later.
      await catchUpRoom(conn, room, sub).catch((err) => {
        logger.error({ err, room }, 'realtime catch-up failed');
        const retry = setTimeout(() => {
          conn.queue = conn.queue.then(() => catchUpRoom(conn, room, sub)).catch((e) => logger.error({ err: e, room }, 'realtime catch-up failed again'));
        }, GAP_REPAIR_MS);
        retry.unref();
      });
    }
  }
  bus.onResume(onClusterChange);

  const access = createLiveAccess<Connection>({
    bus, logger, connections, recheckMs: options.recheckMs ?? DEFAULT_RECHECK_MS, checkSessions: options.checkSessions,
    authorize: async (actor, room) => Boolean(await channels.get(splitRoom(room)[0])?.authorize(actor, splitRoom(room)[1])),
    authorizeMany: (scope) => channels.get(scope)?.authorizeMany,
    drop: (conn, room) => void leave(conn, room).catch((err) => logger.error({ err, room }, 'realtime leave after revoke failed')),
    release: (conn, room) => {
      const sub = conn.rooms.get(room);
      const held = sub?.held.splice(0) ?? [];
      if (sub?.buffer) sub.buffer.push(...held);
      else if (sub) for (const event of held) deliver(conn, sub, event);
    },
    send: (conn, event) => send(conn, event),
    closeSocket: (conn, code, reason) => conn.socket.close(code, reason),
  });
  access.start();

  /**
   * A chat message sent over the socket: stored (after the safety assessment and moderation, like over HTTP), then
   * acknowledged to the sender with `sent`; a refusal answers `send_failed` with a kind message, and the draft stays.
   */
  async function sendToRoom(conn: Connection, event: Extract<ClientEvent, { type: 'send' }>) {
    const { room, clientId } = event;
    const fail = (e: { code: string; status: number; message: string }) => send(conn, { type: 'send_failed', room, clientId, code: e.code, status: e.status, message: e.message });
    const [scope, id] = splitRoom(room);
    const channel = channels.get(scope);
    if (!channel?.send) return fail(CommonErrors.notFound('This room'));
    try {
      // A signed-out or revoked session stops sending within SESSION_RECHECK_MS, not only at the next connect.
      if (conn.recheck && Date.now() - conn.checkedAt > SESSION_RECHECK_MS) {
        const actor = await conn.recheck();
        if (!actor || actor.userId !== conn.actor.userId) {
          const e = CommonErrors.unauthenticated();
          send(conn, { type: 'error', code: e.code, message: 'Please sign in again to keep chatting. Your draft is kept on this device.' });
          fail(e);
          conn.socket.close(4401, 'unauthenticated');
          return;
        }
        conn.actor = actor;
        conn.checkedAt = Date.now();
      }
      const ack = await channel.send(conn.actor, id, { clientId, body: event.body });
      send(conn, { type: 'sent', room, clientId, seq: ack.seq, message: ack.message });
    } catch (err) {
      if (err instanceof AppError) return fail(err);
      logger.error({ err, room }, 'realtime send failed');
      fail(CommonErrors.unavailable());
    }
  }

  async function handle(conn: Connection, raw: string) {
    let parsed: ClientEvent;
    try {
      parsed = ClientEvent.parse(JSON.parse(raw));
    } catch {
      send(conn, { type: 'error', code: 'bad_event', message: 'That realtime message was not understood.' });
      return;
    }
    switch (parsed.type) {
      case 'subscribe':
        return join(conn, parsed.room, parsed.after);
      case 'send':
        return sendToRoom(conn, parsed);
      case 'unsubscribe':
        return leave(conn, parsed.room);
      case 'typing':
        if (!conn.rooms.has(parsed.room)) return;
        return bus.publish(topicOf(parsed.room), {
          type: 'typing',
          room: parsed.room,
          user: { userId: conn.actor.userId, displayName: conn.actor.displayName },
        } satisfies RoomEvent);
      case 'ping':
        return send(conn, { type: 'pong' });
    }
  }

  return {
    /** Registers how rooms named `<scope>:<id>` are authorized and caught up. */
    registerChannel(scope: string, channel: Channel) {
      channels.set(scope, channel);
    },
    /** Publishes an event to everyone in `room` on every node (call after commit). */
    publish(room: string, event: DistributiveOmit<RoomEvent, 'room'>) {
      return bus.publish(topicOf(room), { ...event, room } as RoomEvent);
    },
    /** Who is connected to a room on this node. */
    presenceOf,
    /** Ends live subscriptions on every node when access changed (after commit); see LiveRevocation. */
    revoke: (revocation: LiveRevocation) => access.revoke(revocation),
    /** Re-reads this node's sessions and memberships now instead of at the next period (tests). */
    recheckNow: () => access.recheckNow(),
    /** Adopts an authenticated websocket; `recheck` re-reads its session before sends (see SESSION_RECHECK_MS). */
    accept(socket: WebSocket, actor: Actor, recheck?: SessionRecheck) {
      const conn: Connection = { socket, actor, rooms: new Map(), queue: Promise.resolve(), recheck, checkedAt: Date.now(), catchUpQueued: false, revision: 0 };
      connections.add(conn);
      // Handle one client event at a time so subscribe/unsubscribe cannot interleave.
      socket.on('message', (data) => {
        conn.queue = conn.queue
          .then(() => handle(conn, data.toString()))
          .catch((err) => logger.error({ err }, 'realtime handler failed'));
      });
      socket.on('close', () => {
        connections.delete(conn);
        conn.queue = conn.queue.then(() => leaveAll(conn)).catch((err) => logger.error({ err }, 'realtime leave failed'));
        const done = conn.queue;
        leaving.add(done);
        void done.then(() => leaving.delete(done));
      });
    },
    /**
     * Graceful shutdown: tell clients to reconnect elsewhere, close, and wait until every leave (e.g. the end of
     * online attendance) is recorded, so nothing runs against a database that is about to close.
     */
    async close(reason = 'Hearth is restarting') {
      closed = true;
      await access.stop();
      for (const room of [...presenceRetries.keys()]) clearPresenceRetry(room);
      const draining: Promise<void>[] = [...leaving];
      for (const conn of connections) {
        send(conn, { type: 'reconnect', reason, retryAfterMs: 1000 });
        conn.socket.close(1012, 'service restart');
        conn.queue = conn.queue.then(() => leaveAll(conn)).catch((err) => logger.error({ err }, 'realtime leave failed'));
        draining.push(conn.queue);
      }
      connections.clear();
      await Promise.all(draining);
    },
    connectionCount: () => connections.size,
  };
}

function splitRoom(room: string): [string, string] {
  const i = room.indexOf(':');
  return [room.slice(0, i), room.slice(i + 1)];
}

/** Bus topic for a realtime room. */
export function topicOf(room: string) {
  return `rt:${room}`;
}
