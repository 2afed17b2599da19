import type { RiskLevel } from './types.ts';

export const LEVELS: RiskLevel[] = ['none', 'concern', 'urgent'];

/** Accepts none/concern/urgent, or 0/1 (not urgent / urgent). Returns null for anything else. */
export function parseLabel(raw: string): { level: RiskLevel; binary: boolean } | null {
  const v = raw.trim().toLowerCase();
  if (v === 'none' || v === 'concern' || v === 'urgent') return { level: v, binary: false };
  if (v === '0' || v === 'false') return { level: 'none', binary: true };
  if (v === '1' || v === 'true') return { level: 'urgent', binary: true };
  return null;
}

export type Confusion = Record<RiskLevel, Record<RiskLevel, number>>;
export type LevelMetrics = { level: RiskLevel; support: number; precision: number; recall: number; f1: number };

export function emptyConfusion(): Confusion {
  return { none: { none: 0, concern: 0, urgent: 0 }, concern: { none: 0, concern: 0, urgent: 0 }, urgent: { none: 0, concern: 0, urgent: 0 } };
}

/** confusion[actual][predicted]. */
export function buildConfusion(pairs: Array<{ actual: RiskLevel; predicted: RiskLevel }>): Confusion {
  const c = emptyConfusion();
  for (const p of pairs) c[p.actual][p.predicted]++;
  return c;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function levelMetrics(c: Confusion, level: RiskLevel): LevelMetrics {
  const tp = c[level][level];
  const predicted = LEVELS.reduce((s, a) => s + c[a][level], 0);
  const support = LEVELS.reduce((s, p) => s + c[level][p], 0);
  const precision = ratio(tp, predicted);
  const recall = ratio(tp, support);
  return { level, support, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

/** Binary view (urgent vs not urgent): concern and none are both "not urgent". */
export function collapseToBinary(c: Confusion): Confusion {
  const b = emptyConfusion();
  for (const a of LEVELS) for (const p of LEVELS) b[a === 'urgent' ? 'urgent' : 'none'][p === 'urgent' ? 'urgent' : 'none'] += c[a][p];
  return b;
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

export function formatConfusion(c: Confusion, levels: RiskLevel[] = LEVELS): string {
  const pad = (s: string | number) => String(s).padStart(9);
  const lines = [`${'actual\\pred'.padEnd(12)}${levels.map(pad).join('')}`];
  for (const a of levels) lines.push(`${a.padEnd(12)}${levels.map((p) => pad(c[a][p])).join('')}`);
  return lines.join('\n');
}

export function formatMetrics(c: Confusion, levels: RiskLevel[] = LEVELS): string {
  const lines = ['level       support precision  recall      f1'];
  for (const l of levels) {
    const m = levelMetrics(c, l);
    lines.push(`${l.padEnd(12)}${String(m.support).padStart(7)}${m.precision.toFixed(3).padStart(10)}${m.recall.toFixed(3).padStart(8)}${m.f1.toFixed(3).padStart(8)}`);
  }
  return lines.join('\n');
}
