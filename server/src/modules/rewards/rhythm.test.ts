import { describe, expect, it } from 'vitest';
import { computeRhythm } from './rhythm.ts';

// 2026-03-02 is a Monday.
const TODAY = '2026-03-18'; // Wednesday of the week starting 2026-03-16

describe('computeRhythm (weekly, forgiving)', () => {
  it('counts active weeks, however many days inside them were missed', () => {
    const r = computeRhythm(['2026-03-02', '2026-03-11', '2026-03-16'], TODAY, 1);
    expect(r).toMatchObject({ current: 3, longest: 3, activeThisWeek: true });
  });

  it('does not break the rhythm because this week has had no activity yet', () => {
    const r = computeRhythm(['2026-03-02', '2026-03-09'], TODAY, 1);
    expect(r.current).toBe(2);
    expect(r.activeThisWeek).toBe(false);
  });

  it('forgives one quiet week in a row', () => {
    // Weeks of 02-09 (active), 02-16 (quiet), 02-23 (active), 03-02 (active).
    const r = computeRhythm(['2026-02-09', '2026-02-24', '2026-03-05'], '2026-03-06', 1);
    expect(r.current).toBe(3);
    expect(r.longest).toBe(3);
  });

  it('rests after two quiet weeks in a row, and keeps the longest rhythm', () => {
    const r = computeRhythm(['2026-02-02', '2026-02-09', '2026-02-16'], TODAY, 1);
    // Quiet: 02-23, 03-02, 03-09 (three weeks) → resting.
    expect(r.current).toBe(0);
    expect(r.longest).toBe(3);
    expect(r.graceLeft).toBe(0);
  });

  it('starts a new rhythm after a rest without losing the longest one', () => {
    const r = computeRhythm(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-03-16'], TODAY, 1);
    expect(r).toMatchObject({ current: 1, longest: 4 });
  });

  it('with no grace, one quiet week rests the rhythm', () => {
    const r = computeRhythm(['2026-03-02'], TODAY, 0);
    expect(r.current).toBe(0);
  });

  it('shows grace left after a quiet week', () => {
    const r = computeRhythm(['2026-03-02'], TODAY, 1);
    // 03-09 quiet (forgiven), this week not over.
    expect(r).toMatchObject({ current: 1, graceLeft: 0 });
    expect(computeRhythm(['2026-03-09'], TODAY, 1).graceLeft).toBe(1);
  });

  it('ignores future days and returns twelve weeks, oldest first', () => {
    const r = computeRhythm(['2026-04-01'], TODAY, 1);
    expect(r.current).toBe(0);
    expect(r.weeks).toHaveLength(12);
    expect(r.weeks.at(-1)).toEqual({ weekStart: '2026-03-16', active: false });
  });
});
