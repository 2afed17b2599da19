import type { Actor } from '../http/actor.ts';

/** What a backlog holds: room events, with a seq when they are messages (`invalidate` says the read was cut short). */
type RoomEvent = { type: string; seq?: number };

/** One read of a room's backlog on behalf of several connections that are all allowed in the room. */
export type SharedBacklogRead<E extends RoomEvent = RoomEvent> = (readers: Actor[], id: string, after: number) => Promise<E[]>;
/** One connection's own read (used when a shared read was cut short before this connection's cursor). */
export type OwnBacklogRead<E extends RoomEvent = RoomEvent> = (actor: Actor, id: string, after: number) => Promise<E[]>;

type Waiter = { actor: Actor; after: number; resolve(events: RoomEvent[]): void; reject(err: unknown): void };
type Batch = { id: string; shared: SharedBacklogRead; own: OwnBacklogRead; waiters: Waiter[] };

/**
 * How long a room's first backlog request waits for others to join its read. Short: a reconnect burst (a node died,
 * Redis came back) arrives within a few milliseconds on the node that receives it, and a lone join barely notices.
 */
const GATHER_MS = 5;

export type BacklogBatcher = ReturnType<typeof createBacklogBatcher>;

/**
 * Coalesces backlog reads per room: connections of one room that ask at about the same time (after a failover, or a
 * catch-up for every client when Redis returns) share one database read from the lowest cursor among them, so 2,000
 * reconnects are a read per room, not 2,000. A read serves only requests made before it started (later ones wait for
 * the next read), because each requester subscribed before asking: an event committed after that read began reaches
 * it live, and one committed before is in the read. The per-connection seq de-duplication keeps delivery exactly-once.
 */
export function createBacklogBatcher(opts: { gatherMs?: number } = {}) {
  const gatherMs = opts.gatherMs ?? GATHER_MS;
  /** The batch still gathering for a room (its read has not started). */
  const gathering = new Map<string, Batch>();
  /** The read in flight for a room; the next batch starts after it, so a slow database gathers bigger batches. */
  const reading = new Map<string, Promise<void>>();

  async function run(room: string, batch: Batch) {
    gathering.delete(room);
    const after = Math.min(...batch.waiters.map((w) => w.after));
    let events: RoomEvent[];
    try {
      events = await batch.shared(uniqueActors(batch.waiters), batch.id, after);
    } catch (err) {
      for (const w of batch.waiters) w.reject(err);
      return;
    }
    // Cut short (more than the channel replays at once): whoever is further along reads its own, or it would miss
    // the messages between the end of this read and the end of its own.
    const cutShort = events.some((e) => e.type === 'invalidate');
    for (const w of batch.waiters) {
      if (cutShort && w.after > after) batch.own(w.actor, batch.id, w.after).then(w.resolve, w.reject);
      else w.resolve(events.filter((e) => e.seq === undefined || e.seq > w.after));
    }
  }

  function start(room: string, batch: Batch) {
    const before = reading.get(room) ?? Promise.resolve();
    const gathered = new Promise<void>((r) => setTimeout(r, gatherMs).unref());
    const done = Promise.all([before, gathered]).then(() => run(room, batch));
    reading.set(room, done);
    void done.finally(() => {
      if (reading.get(room) === done) reading.delete(room);
    });
  }

  return {
    /** Everything in `room` after `after` for `actor` (already allowed in the room), read together with others. */
    read<E extends RoomEvent>(room: string, id: string, actor: Actor, after: number, shared: SharedBacklogRead<E>, own: OwnBacklogRead<E>): Promise<E[]> {
      return new Promise<E[]>((resolve, reject) => {
        let batch = gathering.get(room);
        if (!batch) {
          batch = { id, shared, own, waiters: [] };
          gathering.set(room, batch);
          start(room, batch);
        }
        batch.waiters.push({ actor, after, resolve: resolve as (events: RoomEvent[]) => void, reject });
      });
    },
  };
}

function uniqueActors(waiters: Waiter[]): Actor[] {
  const byUser = new Map<string, Actor>();
  for (const w of waiters) if (!byUser.has(w.actor.userId)) byUser.set(w.actor.userId, w.actor);
  return [...byUser.values()];
}
