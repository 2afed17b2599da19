import { describe, expect, it } from 'vitest';
import { describeAttendance, describeMood, describeScoreChange } from './progress-words.ts';

const s = (instrument: 'phq9' | 'gad7', total: number, at: string, severity: 'minimal' | 'mild' | 'moderate' = 'mild') => ({ id: at, instrument, total, severity, at });

describe('progress in plain words', () => {
  it('says a questionnaire score went down from first to latest', () => {
    expect(describeScoreChange([s('phq9', 14, '2026-01-01', 'moderate'), s('gad7', 3, '2026-01-02'), s('phq9', 8, '2026-02-01')], 'phq9')).toEqual({
      key: 'outcomes.words.scoreDown', values: { first: 14, last: 8, firstBand: 'moderate', lastBand: 'mild' },
    });
    expect(describeScoreChange([s('gad7', 3, '2026-01-02')], 'gad7')!.key).toBe('outcomes.words.scoreFirst');
    expect(describeScoreChange([], 'phq9')).toBeNull();
  });

  it('compares recent mood with the check-ins before', () => {
    const moods = [3, 3, 4, 4, 6, 7, 7, 8].map((mood, i) => ({ mood, at: `2026-01-0${i + 1}` }));
    expect(describeMood(moods)).toEqual({ key: 'outcomes.words.moodUp', values: { recent: 7, before: 3.5 } });
    expect(describeMood(moods.slice(0, 2))).toEqual({ key: 'outcomes.words.moodRecent', values: { recent: 3 } });
  });

  it('counts sessions in the last eight weeks', () => {
    expect(describeAttendance([{ weekStart: '2025-01-06', sessions: 3 }, { weekStart: '2026-03-02', sessions: 2 }], new Date('2026-03-20'))).toEqual({ key: 'outcomes.words.attendance', values: { count: 2 } });
  });
});
