import { describe, expect, it } from 'vitest';
import { evaluateCsv } from './evaluate.ts';
import { buildConfusion, collapseToBinary, levelMetrics, parseLabel, percentile } from './metrics.ts';
import type { RiskLevel } from './types.ts';

const fake = (map: Record<string, RiskLevel>) => (text: string) => ({ level: map[text] ?? 'none', ms: 0.1 });

describe('evaluation metrics', () => {
  it('builds the confusion matrix and per-level figures from a tiny CSV', () => {
    const csv = 'text,label\na,urgent\nb,urgent\nc,concern\nd,none\n"e, with comma",none\nf,maybe\n';
    const run = evaluateCsv(csv, fake({ a: 'urgent', b: 'concern', c: 'urgent', d: 'none', 'e, with comma': 'concern' }));
    expect(run.binary).toBe(false);
    expect(run.skipped).toBe(1);
    const c = buildConfusion(run.pairs);
    expect(c.urgent).toEqual({ none: 0, concern: 1, urgent: 1 });
    expect(c.concern).toEqual({ none: 0, concern: 0, urgent: 1 });
    expect(c.none).toEqual({ none: 1, concern: 1, urgent: 0 });
    const urgent = levelMetrics(c, 'urgent');
    expect(urgent).toMatchObject({ support: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(levelMetrics(c, 'concern')).toMatchObject({ support: 1, precision: 0, recall: 0, f1: 0 });
  });

  it('treats 0/1 labels as not urgent / urgent and counts concern as not urgent', () => {
    const run = evaluateCsv('text,label\na,1\nb,0\nc,0\n', fake({ a: 'urgent', b: 'concern', c: 'urgent' }));
    expect(run.binary).toBe(true);
    const c = collapseToBinary(buildConfusion(run.pairs));
    expect(c.urgent.urgent).toBe(1);
    expect(c.none.none).toBe(1);
    expect(c.none.urgent).toBe(1);
    expect(levelMetrics(c, 'urgent')).toMatchObject({ precision: 0.5, recall: 1 });
  });

  it('parses labels and percentiles', () => {
    expect(parseLabel(' Urgent ')).toEqual({ level: 'urgent', binary: false });
    expect(parseLabel('0')).toEqual({ level: 'none', binary: true });
    expect(parseLabel('x')).toBeNull();
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
  });
});
