import { describe, expect, it } from 'vitest';
import { createRoomIndex, mayJoin, placeByScan, type LiveRoom, type Seeker } from './on-demand-placement.ts';
import { seededRandom } from '../../platform/ml/random.ts';
import { TOPICS } from './text-model/topics.ts';

const room = (over: Partial<LiveRoom> = {}): LiveRoom => ({ id: 'r', topic: 'grief', language: 'en', size: 2, capacity: 6, urgent: 0, acute: 0, ...over });
const seeker = (over: Partial<Seeker> = {}): Seeker => ({ topics: [{ topic: 'grief', p: 0.9 }], language: 'en', level: 'none', ...over });

describe('on-demand placement', () => {
  it('never lets a second urgent person into a room', () => {
    expect(mayJoin(room({ urgent: 1, acute: 1 }), seeker({ level: 'urgent' }))).toBe(false);
    expect(mayJoin(room({ urgent: 0 }), seeker({ level: 'urgent' }))).toBe(true);
  });

  it('keeps rooms to six, in one language, and balanced', () => {
    expect(mayJoin(room({ size: 6 }), seeker())).toBe(false);
    expect(mayJoin(room({ language: 'es' }), seeker())).toBe(false);
    expect(mayJoin(room({ size: 2, acute: 2 }), seeker({ level: 'concern' }))).toBe(false);
  });

  it('opens a new room when nothing fits', () => {
    expect(createRoomIndex().place(seeker())).toEqual({ kind: 'open', topic: 'grief' });
  });

  it('the index decides exactly like a scan of every room', () => {
    const r = seededRandom(3);
    const rooms: LiveRoom[] = Array.from({ length: 400 }, (_, i) => ({
      id: `r${i}`, topic: TOPICS[Math.floor(r() * TOPICS.length)]!, language: r() < 0.7 ? 'en' : 'es', size: 1 + Math.floor(r() * 5), capacity: 6, urgent: r() < 0.2 ? 1 : 0, acute: 0,
    }));
    const index = createRoomIndex();
    rooms.forEach((x) => index.upsert(x));
    for (let k = 0; k < 300; k++) {
      const s: Seeker = {
        topics: [0, 1, 2].map(() => ({ topic: TOPICS[Math.floor(r() * TOPICS.length)]!, p: r() })).sort((a, b) => b.p - a.p),
        language: r() < 0.7 ? 'en' : 'es',
        level: r() < 0.2 ? 'urgent' : 'none',
      };
      // The scan considers every topic; restrict it to the seeker's top three, as the index does.
      const scanned = placeByScan(rooms.filter((x) => s.topics.some((t) => t.topic === x.topic)), s);
      expect(index.place(s)).toEqual(scanned);
    }
  });
});
