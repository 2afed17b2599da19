import type { Instrument, Progress, Severity } from './api.ts';

/** A sentence for the person, as an i18n key and its values (so it translates). */
export type Sentence = { key: string; values: Record<string, string | number> };

/** How a questionnaire's score moved, in plain words: first to latest, lower is better. */
export function describeScoreChange(points: Progress['screenings'], instrument: Instrument): Sentence | null {
  const mine = points.filter((p) => p.instrument === instrument).sort((a, b) => a.at.localeCompare(b.at));
  if (mine.length === 0) return null;
  const first = mine[0]!;
  const last = mine.at(-1)!;
  const values = { first: first.total, last: last.total, firstBand: first.severity, lastBand: last.severity };
  if (mine.length === 1) return { key: 'outcomes.words.scoreFirst', values };
  if (last.total < first.total) return { key: 'outcomes.words.scoreDown', values };
  if (last.total > first.total) return { key: 'outcomes.words.scoreUp', values };
  return { key: 'outcomes.words.scoreSame', values };
}

/** Recent mood (last four check-ins) against the four before, in plain words. */
export function describeMood(points: Progress['mood']): Sentence | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => a.at.localeCompare(b.at));
  const avg = (xs: { mood: number }[]) => Math.round((xs.reduce((s, x) => s + x.mood, 0) / xs.length) * 10) / 10;
  const recent = sorted.slice(-4);
  const before = sorted.slice(-8, -4);
  if (before.length === 0) return { key: 'outcomes.words.moodRecent', values: { recent: avg(recent) } };
  const [r, b] = [avg(recent), avg(before)];
  return { key: r > b ? 'outcomes.words.moodUp' : r < b ? 'outcomes.words.moodDown' : 'outcomes.words.moodSame', values: { recent: r, before: b } };
}

/** Sessions attended in the last eight weeks. */
export function describeAttendance(weeks: Progress['attendance'], now = new Date()): Sentence {
  const since = new Date(now.getTime() - 56 * 86_400_000).toISOString().slice(0, 10);
  const count = weeks.filter((w) => w.weekStart >= since).reduce((s, w) => s + w.sessions, 0);
  return { key: 'outcomes.words.attendance', values: { count } };
}

export const SEVERITIES: Severity[] = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'];
