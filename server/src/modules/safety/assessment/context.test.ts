import { describe, expect, it } from 'vitest';
import { applyContext } from './context.ts';

const now = new Date('2025-01-10T12:00:00Z');
const ago = (hours: number) => new Date(now.getTime() - hours * 3600_000);

describe('applyContext', () => {
  it('keeps a single borderline urgent from the classifier at concern after a long calm history', () => {
    const recent = Array.from({ length: 8 }, (_, i) => ({ level: 'none' as const, score: 0.1, at: ago(24 * (i + 2)) }));
    const r = applyContext('urgent', 0.72, false, { recent }, now);
    expect(r).toEqual({ level: 'concern', score: 0.69, reason: 'calm history' });
  });

  it('leaves a borderline urgent alone when the history is short', () => {
    expect(applyContext('urgent', 0.72, false, { recent: [{ level: 'none', score: 0, at: ago(2) }] }, now).level).toBe('urgent');
  });

  it('lifts a borderline none to concern shortly after an urgent message', () => {
    const r = applyContext('none', 0.3, false, { recent: [{ level: 'urgent', score: 0.9, at: ago(1) }] }, now);
    expect(r.level).toBe('concern');
    expect(r.reason).toBe('recent risk');
  });

  it('changes nothing without history', () => {
    expect(applyContext('concern', 0.5, false, undefined, now)).toEqual({ level: 'concern', score: 0.5 });
  });
});
