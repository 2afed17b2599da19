import { parseCsvRecords } from './csv.ts';
import { parseLabel } from './metrics.ts';
import type { RiskLevel } from './types.ts';

export type EvaluationRun = { pairs: Array<{ actual: RiskLevel; predicted: RiskLevel }>; times: number[]; binary: boolean; skipped: number };

/** Runs `assess` over a `text,label` CSV. Binary when every label is 0/1 (then concern counts as not urgent). */
export function evaluateCsv(csv: string, assess: (text: string) => { level: RiskLevel; ms: number }): EvaluationRun {
  const pairs: EvaluationRun['pairs'] = [];
  const times: number[] = [];
  let skipped = 0;
  let allBinary = true;
  for (const r of parseCsvRecords(csv)) {
    const label = parseLabel(r.label ?? '');
    const text = r.text ?? '';
    if (!label || text.trim() === '') {
      skipped++;
      continue;
    }
    allBinary &&= label.binary;
    const { level, ms } = assess(text);
    times.push(ms);
    pairs.push({ actual: label.level, predicted: level });
  }
  return { pairs, times, binary: allBinary && pairs.length > 0, skipped };
}
