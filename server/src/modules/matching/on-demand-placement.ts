import type { Topic } from './text-model/index.ts';

export type RiskLevel = 'none' | 'concern' | 'urgent';

/** A live small group as placement sees it. */
export type LiveRoom = { id: string; topic: Topic; language: string; size: number; capacity: number; urgent: number; acute: number };

/** One person looking for a live small group right now. */
export type Seeker = { topics: { topic: Topic; p: number }[]; language: string; level: RiskLevel };

export type Placement = { kind: 'join'; roomId: string; score: number } | { kind: 'open'; topic: Topic };

/** Rooms hold 3–6 people; a room that cannot reach 3 soon is still joined while it fills. */
export const ROOM_MIN = 3;
export const ROOM_MAX = 6;
const MIN_FIT = 0.2;

/**
 * Whether the person may be placed in the room at all. Safety rule: never two people whose latest assessment is
 * urgent in one room. Balance: at most one more person in acute distress than half the room.
 */
export function mayJoin(room: LiveRoom, seeker: Seeker): boolean {
  if (room.size >= Math.min(room.capacity, ROOM_MAX)) return false;
  if (room.language !== seeker.language) return false;
  if (seeker.level === 'urgent' && room.urgent > 0) return false;
  if (seeker.level !== 'none' && room.acute + 1 > Math.ceil((room.size + 1) / 2)) return false;
  return true;
}

/** How well the room fits: topic probability, with a nudge towards rooms still below three people. */
export function roomFit(room: LiveRoom, seeker: Seeker): number {
  const p = seeker.topics.find((t) => t.topic === room.topic)?.p ?? 0;
  const filling = room.size < ROOM_MIN ? 0.1 : 0;
  return p + filling - room.size * 0.01;
}

/** Linear scan over every room: the baseline the bench compares the index against. */
export function placeByScan(rooms: Iterable<LiveRoom>, seeker: Seeker): Placement {
  let best: LiveRoom | null = null;
  let bestScore = -Infinity;
  for (const room of rooms) {
    if (!mayJoin(room, seeker)) continue;
    const s = roomFit(room, seeker);
    if (s > bestScore) {
      best = room;
      bestScore = s;
    }
  }
  if (best && bestScore >= MIN_FIT) return { kind: 'join', roomId: best.id, score: bestScore };
  return { kind: 'open', topic: seeker.topics[0]!.topic };
}

/**
 * Open rooms bucketed by language and topic, so placing a person looks only at rooms in their language about their
 * top topics (a few dozen at most), not at every room.
 */
export function createRoomIndex() {
  const buckets = new Map<string, Map<string, LiveRoom>>();
  const byId = new Map<string, LiveRoom>();
  const key = (language: string, topic: string) => `${language}\u0000${topic}`;
  return {
    upsert(room: LiveRoom) {
      const old = byId.get(room.id);
      if (old) buckets.get(key(old.language, old.topic))?.delete(old.id);
      byId.set(room.id, room);
      const k = key(room.language, room.topic);
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = new Map()));
      b.set(room.id, room);
    },
    remove(id: string) {
      const old = byId.get(id);
      if (!old) return;
      buckets.get(key(old.language, old.topic))?.delete(id);
      byId.delete(id);
    },
    get: (id: string) => byId.get(id) ?? null,
    size: () => byId.size,
    /** The best room among the person's top three topics, or "open a new one". */
    place(seeker: Seeker): Placement {
      let best: LiveRoom | null = null;
      let bestScore = -Infinity;
      for (const t of seeker.topics.slice(0, 3)) {
        const bucket = buckets.get(key(seeker.language, t.topic));
        if (!bucket) continue;
        for (const room of bucket.values()) {
          if (!mayJoin(room, seeker)) continue;
          const s = roomFit(room, seeker);
          if (s > bestScore) {
            best = room;
            bestScore = s;
          }
        }
      }
      if (best && bestScore >= MIN_FIT) return { kind: 'join', roomId: best.id, score: bestScore };
      return { kind: 'open', topic: seeker.topics[0]!.topic };
    },
  };
}
