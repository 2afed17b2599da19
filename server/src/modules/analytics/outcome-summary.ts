import type { ReliabilityParams } from '../../db/schema/analytics.ts';
import { classifyChange, mean, meanWithCi, reliableChangeThreshold, type ChangeCategory } from './stats.ts';

export type Instrument = 'phq9' | 'gad7';
export type ScorePoint = { userId: string; instrument: Instrument; total: number; at: Date };
export type ScorePair = { userId: string; baseline: number; followUp: number };

/** A follow-up counts from two weeks after the first questionnaire (the PHQ-9 and GAD-7 ask about two weeks). */
export const FOLLOW_UP_MIN_DAYS = 14;

/**
 * Default Jacobson–Truax inputs. Reliability is each instrument's published internal consistency (PHQ-9 α = 0.89,
 * Kroenke, Spitzer & Williams 2001; GAD-7 α = 0.92, Spitzer et al. 2006). The SDs are reference baseline SDs chosen
 * so that 1.96·√2·SD·√(1 − r) gives the reliable-change criteria used in NHS Talking Therapies (PHQ-9 ≥ 6 points,
 * GAD-7 ≥ 4 points; Richards & Borglin 2011): 6.5 → 5.98 and 5.1 → 4.00. Organizations can set their own.
 */
export const DEFAULT_RELIABILITY: ReliabilityParams = { phq9: { sd: 6.5, reliability: 0.89 }, gad7: { sd: 5.1, reliability: 0.92 } };
/** Caseness cut-offs for "recovered" (NHS Talking Therapies): PHQ-9 ≥ 10, GAD-7 ≥ 8. */
export const CASENESS: Record<Instrument, number> = { phq9: 10, gad7: 8 };

const DAY_MS = 86_400_000;

/** Each person's first score and their latest score at least FOLLOW_UP_MIN_DAYS later; people without one are left out. */
export function pairScores(points: readonly ScorePoint[], instrument: Instrument): ScorePair[] {
  const byUser = new Map<string, ScorePoint[]>();
  for (const p of points) if (p.instrument === instrument) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
  const pairs: ScorePair[] = [];
  for (const [userId, list] of byUser) {
    const sorted = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
    const first = sorted[0]!;
    const follow = sorted.filter((p) => p.at.getTime() - first.at.getTime() >= FOLLOW_UP_MIN_DAYS * DAY_MS).at(-1);
    if (follow) pairs.push({ userId, baseline: first.total, followUp: follow.total });
  }
  return pairs;
}

export type CategoryShare = { count: number; share: number };
export type OutcomeSummary =
  | { instrument: Instrument; suppressed: true; n: null; minN: number }
  | {
      instrument: Instrument;
      suppressed: false;
      n: number;
      minN: number;
      baselineMean: number;
      followUpMean: number;
      /** Follow-up minus baseline: negative is improvement. */
      change: { mean: number; ciLow: number; ciHigh: number; sd: number };
      reliableChangePoints: number;
      caseness: number;
      categories: Record<ChangeCategory, CategoryShare>;
    };

/** Mean change with its 95% CI and reliable-change shares, or nothing at all when fewer than `minN` people. */
export function summarizeOutcomes(pairs: readonly ScorePair[], instrument: Instrument, minN: number, params: ReliabilityParams = DEFAULT_RELIABILITY): OutcomeSummary {
  // The rule applies whatever minN is set to: never fewer than two, or a CI cannot exist.
  if (pairs.length < Math.max(minN, 2)) return { instrument, suppressed: true, n: null, minN };
  const threshold = reliableChangeThreshold(params[instrument].sd, params[instrument].reliability);
  const changes = pairs.map((p) => p.followUp - p.baseline);
  const ci = meanWithCi(changes)!;
  const counts: Record<ChangeCategory, number> = { recovered: 0, improved: 0, unchanged: 0, deteriorated: 0 };
  for (const p of pairs) counts[classifyChange(p.baseline, p.followUp, threshold, CASENESS[instrument])]++;
  const share = (c: number): CategoryShare => ({ count: c, share: c / pairs.length });
  return {
    instrument,
    suppressed: false,
    n: pairs.length,
    minN,
    baselineMean: mean(pairs.map((p) => p.baseline)),
    followUpMean: mean(pairs.map((p) => p.followUp)),
    change: { mean: ci.mean, ciLow: ci.ciLow, ciHigh: ci.ciHigh, sd: ci.sd },
    reliableChangePoints: threshold,
    caseness: CASENESS[instrument],
    categories: { recovered: share(counts.recovered), improved: share(counts.improved), unchanged: share(counts.unchanged), deteriorated: share(counts.deteriorated) },
  };
}
