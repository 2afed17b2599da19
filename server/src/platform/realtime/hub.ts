import type { WebSocket } from 'ws';
import { ClientEvent, type PresenceMember, type ServerEvent } from '@hearth/contracts';
import type { Actor } from '../http/actor.ts';
import type { Logger } from '../logger.ts';
import type { Bus } from './bus.ts';

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

type Subscription = { lastSeq: number; buffer: RoomEvent[] | null };
type Connection = { socket: WebSocket; actor: Actor; rooms: Map<string, Subscription> };

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;

/** Tracks websocket connections, their rooms and presence, and fans out bus events to local sockets. */
export function createRealtimeHub(bus: Bus, logger: Logger) {
  const channels = new Map<string, Channel>();
  const connections = new Set<Connection>();
  const localRooms = new Map<string, { members: Set<Connection>; unsubscribe: Promise<() => Promise<void>> }>();

  function send(conn: Connection, event: ServerEvent) {
    if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(event));
  }

  function deliver(conn: Connection, sub: Subscription, event: RoomEvent) {
    if (event.seq !== undefined) {
      if (event.seq <= sub.lastSeq) return;
      sub.lastSeq = event.seq;
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
    if (!channel || !(await channel.authorize(conn.actor, id))) {
      send(conn, { type: 'error', room, code: 'not_found', message: 'This room could not be found, or you do not have access to it.' });
      return;
    }
    if (conn.rooms.has(room)) await leave(conn, room);
    // Subscribe first and buffer, then read the backlog: no event can fall between the two.
    const sub: Subscription = { lastSeq: after ?? 0, buffer: [] };
    conn.rooms.set(room, sub);
    let entry = localRooms.get(room);
    if (!entry) {
      entry = { members: new Set(), unsubscribe: bus.subscribe(topicOf(room), (p) => onBusEvent(room, p)) };
      localRooms.set(room, entry);
    }
    entry.members.add(conn);
    await entry.unsubscribe;
    await channel.onJoin?.(conn.actor, id);
    send(conn, { type: 'subscribed', room, presence: presenceOf(room) });
    if (after !== undefined && channel.backlog) {
      for (const event of await channel.backlog(conn.actor, id, after)) deliver(conn, sub, event);
    }
    const buffered = sub.buffer ?? [];
    sub.buffer = null;
    for (const event of buffered) deliver(conn, sub, event);
    await publishPresence(room);
  }

  async function leave(conn: Connection, room: string) {
    if (!conn.rooms.delete(room)) return;
    const entry = localRooms.get(room);
    entry?.members.delete(conn);
    if (entry && entry.members.size === 0) {
      localRooms.delete(room);
      await (await entry.unsubscribe)();
    }
    const [scope, id] = splitRoom(room);
    await channels.get(scope)?.onLeave?.(conn.actor, id);
    if (localRooms.has(room)) await publishPresence(room);
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
    publish(room: string, event: Omit<RoomEvent, 'room'> & { seq?: number }) {
      return bus.publish(topicOf(room), { ...event, room });
    },
    /** Who is connected to a room on this node. */
    presenceOf,
    /** Adopts an authenticated websocket. */
    accept(socket: WebSocket, actor: Actor) {
      const conn: Connection = { socket, actor, rooms: new Map() };
      connections.add(conn);
      // Handle one client event at a time so subscribe/unsubscribe cannot interleave.
      let queue = Promise.resolve();
      socket.on('message', (data) => {
        queue = queue
          .then(() => handle(conn, data.toString()))
          .catch((err) => logger.error({ err }, 'realtime handler failed'));
      });
      socket.on('close', () => {
        connections.delete(conn);
        queue = queue.then(async () => {
          for (const room of [...conn.rooms.keys()]) await leave(conn, room);
        }).catch((err) => logger.error({ err }, 'realtime leave failed'));
      });
    },
    /** Graceful shutdown: tell clients to reconnect elsewhere, then close. */
    async close(reason = 'Hearth is restarting') {
      for (const conn of connections) {
        send(conn, { type: 'reconnect', reason, retryAfterMs: 1000 });
        conn.socket.close(1012, 'service restart');
      }
      connections.clear();
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
