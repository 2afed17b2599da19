import type { RiskContext, RiskLevel } from './types.ts';

const DAY = 24 * 60 * 60 * 1000;

export type ContextAdjustment = { level: RiskLevel; score: number; reason?: string };

/**
 * Layer 3: a person's recent assessments raise or lower the level.
 * - concern again within 24 h of another concern or urgent → urgent ("rising trend")
 * - a borderline score (just under concern) shortly after an urgent one → concern ("recent risk")
 * - a borderline urgent that no explicit phrase supports, after a long calm history → concern ("calm history")
 */
export function applyContext(level: RiskLevel, score: number, explicit: boolean, context: RiskContext | undefined, now: Date): ContextAdjustment {
  const recent = context?.recent ?? [];
  if (recent.length === 0) return { level, score };
  const within = (ms: number) => recent.filter((r) => now.getTime() - r.at.getTime() <= ms && r.at.getTime() <= now.getTime() + 60_000);
  const lastDay = within(DAY);
  const flaggedLastDay = lastDay.filter((r) => r.level !== 'none');
  const urgentLastDay = lastDay.some((r) => r.level === 'urgent');

  if (level === 'concern' && flaggedLastDay.length >= 1) {
    return { level: 'urgent', score: Math.max(score, 0.75), reason: 'rising trend' };
  }
  if (level === 'none' && score >= 0.25 && urgentLastDay) {
    return { level: 'concern', score: Math.max(score, 0.4), reason: 'recent risk' };
  }
  if (level === 'urgent' && !explicit && score < 0.8) {
    const calm = recent.filter((r) => r.level === 'none');
    const oldest = Math.min(...recent.map((r) => r.at.getTime()));
    if (calm.length === recent.length && recent.length >= 5 && now.getTime() - oldest >= 7 * DAY) {
      return { level: 'concern', score: Math.min(score, 0.69), reason: 'calm history' };
    }
  }
  return { level, score };
}
