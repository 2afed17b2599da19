import { describe, expect, it } from 'vitest';
import { retentionByCohort } from './engagement.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-06-30T12:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY);

/** Ten people who joined on 1 March; the first `came` of them attended the day after and again `lastDay` days after joining. */
function cohortOfTen(came: number, lastDay: number, joinOffsetDays = 0) {
  const joinedAt = new Date('2026-03-01T10:00:00Z');
  const people = Array.from({ length: 10 }, (_, i) => `person-${i}`);
  const joined = people.map((userId) => ({ userId, joinedAt: new Date(joinedAt.getTime() + joinOffsetDays * DAY) }));
  const attended = people.slice(0, came).flatMap((userId) => [
    { userId, at: new Date(joinedAt.getTime() + DAY) },
    { userId, at: new Date(joinedAt.getTime() + lastDay * DAY) },
  ]);
  return { joined, attended };
}

describe('retention by joining month', () => {
  it('counts everyone who came at least once at week 0', () => {
    const { joined, attended } = cohortOfTen(10, 20);
    const [row] = retentionByCohort(joined, attended, NOW, 10);
    expect(row).toMatchObject({ cohort: '2026-03', suppressed: false, size: 10 });
    expect(row!.retention).toEqual([
      { week: 0, share: 1 },
      { week: 2, share: 1 },
      { week: 4, share: 0 },
      { week: 8, share: 0 },
      { week: 12, share: 0 },
    ]);
  });

  it('gives week 0 as the share who came at all, not 100% by default', () => {
    const { joined, attended } = cohortOfTen(7, 40);
    const [row] = retentionByCohort(joined, attended, NOW, 10);
    expect(row!.retention![0]).toEqual({ week: 0, share: 0.7 });
    expect(row!.retention![2]).toEqual({ week: 4, share: 0.7 });
    expect(row!.retention![3]).toEqual({ week: 8, share: 0 });
  });

  it('starts a person at their first session when the join date on record is later (a rejoin or a back-dated session)', () => {
    // The membership rows say everyone joined 30 days after they first came: before the fix this read as week 0 = 0%.
    const { joined, attended } = cohortOfTen(10, 20, 30);
    const [row] = retentionByCohort(joined, attended, NOW, 10);
    expect(row).toMatchObject({ cohort: '2026-03', size: 10 });
    expect(row!.retention![0]).toEqual({ week: 0, share: 1 });
    expect(row!.retention![1]).toEqual({ week: 2, share: 1 });
  });

  it('leaves weeks nobody has reached yet empty and suppresses small cohorts', () => {
    const recent = Array.from({ length: 10 }, (_, i) => ({ userId: `new-${i}`, joinedAt: daysBefore(20) }));
    const small = [{ userId: 'alone', joinedAt: new Date('2026-01-15T00:00:00Z') }];
    const rows = retentionByCohort([...recent, ...small], recent.map((j) => ({ userId: j.userId, at: daysBefore(19) })), NOW, 10);
    expect(rows.map((r) => r.cohort)).toEqual(['2026-01', '2026-06']);
    expect(rows[0]).toEqual({ cohort: '2026-01', suppressed: true, size: null, retention: null });
    expect(rows[1]!.retention!.map((r) => r.share)).toEqual([1, 0, null, null, null]);
  });

  it('ignores attendance by people who are not members of the program', () => {
    const { joined } = cohortOfTen(0, 0);
    const [row] = retentionByCohort(joined, [{ userId: 'visitor', at: daysBefore(100) }], NOW, 10);
    expect(row!.size).toBe(10);
    expect(row!.retention![0]).toEqual({ week: 0, share: 0 });
  });
});
