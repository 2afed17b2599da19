import { EventEmitter } from 'node:events';
import type { PresenceMember } from '@hearth/contracts';

export type BusHandler = (payload: unknown) => void;

/** Everyone connected to a room on any node. `version` orders snapshots: a node keeps the highest it has seen. */
export type PresenceSnapshot = { version: number; members: PresenceMember[] };

/**
 * Who is in which room across the cluster. Each node records its own people per room; reading unions every node's.
 * A node that dies without saying goodbye drops out when its heartbeat expires (a few seconds).
 */
export interface PresenceStore {
  /** Records who of this node is in `room` (an empty list: nobody) and returns everyone in it on any node. */
  set(room: string, local: PresenceMember[]): Promise<PresenceSnapshot>;
}

/**
 * Why the hub is asked to resync. `missed`: events from other nodes may not have reached this node (Redis was away, a
 * node died between commit and publish), so clients catch up from the database; otherwise only presence changed.
 */
export type BusResume = { missed: boolean };

/**
 * Publishes events after commit to every node, and shares presence. In-process for a single node; Redis pub/sub
 * when REDIS_URL is set. Both implementations share this interface.
 */
export interface Bus {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>>;
  presence: PresenceStore;
  /**
   * Called when cross-node delivery resumes after an outage, or when another node died or came back (events may have
   * been missed meanwhile, presence changed), so the hub can catch its clients up from the database.
   */
  onResume(handler: (change: BusResume) => void): void;
  close(): Promise<void>;
}

/** The single-node bus. */
export function createLocalBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let version = 0;
  return {
    async publish(topic, payload) {
      emitter.emit(topic, payload);
    },
    async subscribe(topic, handler) {
      emitter.on(topic, handler);
      return async () => {
        emitter.off(topic, handler);
      };
    },
    presence: {
      async set(_room, local) {
        return { version: ++version, members: local };
      },
    },
    onResume() {
      // One process never loses its own events.
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** One entry per person, first seen first. */
export function uniquePresence(members: Iterable<PresenceMember>): PresenceMember[] {
  const byUser = new Map<string, PresenceMember>();
  for (const m of members) if (!byUser.has(m.userId)) byUser.set(m.userId, { userId: m.userId, displayName: m.displayName });
  return [...byUser.values()];
}
