import type { WebSocket } from 'ws';
import { ClientEvent, type PresenceMember, type ServerEvent } from '@hearth/contracts';
import type { Actor } from '../http/actor.ts';
import type { Logger } from '../logger.ts';
import type { Bus } from './bus.ts';

/** `Omit` that keeps a union a union (plain `Omit` would collapse every event to the keys they share). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event on a room's bus topic. Events with `seq` are de-duplicated per connection (catch-up + live). */
export type RoomEvent = ServerEvent & { room: string; seq?: number };

/**
 * How one scope of rooms (e.g. `room:`) behaves. Modules register a channel in their `<feature>.realtime.ts`;
 * joining is authorized by the same policy as reading.
 */
export type Channel = {
  authorize(actor: Actor, id: string): Promise<boolean>;
  /** Everything after `after`, oldest first, so a reconnecting client loses nothing. */
  backlog?(actor: Actor, id: string, after: number): Promise<RoomEvent[]>;
  onJoin?(actor: Actor, id: string): Promise<void>;
  onLeave?(actor: Actor, id: string): Promise<void>;
};

/**
 * Per-connection state of one room. `floor` is the client's cursor: nothing at or below it is sent. Above it we
 * remember which seqs were sent, so a duplicate (catch-up overlapping live) is dropped but an event that arrives
 * out of order (two commits published in the other order, or across nodes) is still delivered.
 */
type Subscription = { floor: number; sent: Set<number>; buffer: RoomEvent[] | null };
/** How many sent seqs a subscription remembers before raising its floor. */
const SENT_WINDOW = 1024;
type Connection = { socket: WebSocket; actor: Actor; rooms: Map<string, Subscription>; queue: Promise<void> };

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;

/** Tracks websocket connections, their rooms and presence, and fans out bus events to local sockets. */
export function createRealtimeHub(bus: Bus, logger: Logger) {
  const channels = new Map<string, Channel>();
  const connections = new Set<Connection>();
  /** Connections that closed and are still leaving their rooms. */
  const leaving = new Set<Promise<void>>();
  const localRooms = new Map<string, { members: Set<Connection>; unsubscribe: Promise<() => Promise<void>> }>();

  function send(conn: Connection, event: ServerEvent) {
    if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(event));
  }

  function deliver(conn: Connection, sub: Subscription, event: RoomEvent) {
    if (event.seq !== undefined) {
      if (event.seq <= sub.floor || sub.sent.has(event.seq)) return;
      sub.sent.add(event.seq);
      if (sub.sent.size > SENT_WINDOW) {
        const oldest = [...sub.sent].sort((a, b) => a - b).slice(0, sub.sent.size - SENT_WINDOW / 2);
        for (const seq of oldest) sub.sent.delete(seq);
        sub.floor = oldest[oldest.length - 1]!;
      }
    }
    send(conn, event);
  }

  function presenceOf(room: string): PresenceMember[] {
    const byUser = new Map<string, PresenceMember>();
    for (const c of localRooms.get(room)?.members ?? []) {
      byUser.set(c.actor.userId, { userId: c.actor.userId, displayName: c.actor.displayName });
    }
    return [...byUser.values()];
  }

  function onBusEvent(room: string, payload: unknown) {
    const event = payload as RoomEvent;
    for (const conn of localRooms.get(room)?.members ?? []) {
      const sub = conn.rooms.get(room);
      if (!sub) continue;
      if (sub.buffer) sub.buffer.push(event);
      else deliver(conn, sub, event);
    }
  }

  async function join(conn: Connection, room: string, after: number | undefined) {
    const [scope, id] = splitRoom(room);
    const channel = channels.get(scope);
    const allowed = channel ? await channel.authorize(conn.actor, id).catch((err) => {
      logger.error({ err, room }, 'realtime authorize failed');
      return false;
    }) : false;
    if (!channel || !allowed) {
      send(conn, { type: 'error', room, code: 'not_found', message: 'This room could not be found, or you do not have access to it.' });
      return;
    }
    if (conn.rooms.has(room)) await leave(conn, room);
    // Subscribe first and buffer, then read the backlog: no event can fall between the two.
    const sub: Subscription = { floor: after ?? 0, sent: new Set(), buffer: [] };
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
      const backlog = after !== undefined && channel.backlog ? await channel.backlog(conn.actor, id, after) : [];
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
    for (const event of buffered) deliver(conn, sub, event);
    await publishPresence(room);
  }

  async function leave(conn: Connection, room: string, opts: { skipOnLeave?: boolean } = {}) {
    if (!conn.rooms.delete(room)) return;
    const entry = localRooms.get(room);
    entry?.members.delete(conn);
    if (entry && entry.members.size === 0) {
      localRooms.delete(room);
      await (await entry.unsubscribe)();
    }
    const [scope, id] = splitRoom(room);
    if (!opts.skipOnLeave) {
      await channels.get(scope)?.onLeave?.(conn.actor, id).catch((err) => logger.error({ err, room }, 'realtime onLeave failed'));
    }
    if (localRooms.has(room)) await publishPresence(room);
  }

  async function leaveAll(conn: Connection) {
    for (const room of [...conn.rooms.keys()]) await leave(conn, room);
  }

  async function publishPresence(room: string) {
    await bus.publish(topicOf(room), { type: 'presence', room, presence: presenceOf(room) } satisfies RoomEvent);
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
    /** Adopts an authenticated websocket. */
    accept(socket: WebSocket, actor: Actor) {
      const conn: Connection = { socket, actor, rooms: new Map(), queue: Promise.resolve() };
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
