import { assessRiskSafely, type RiskAssessment, type RiskContext } from './assessment/index.ts';
import type { SafetyDeps } from './safety.deps.ts';
import * as repo from './safety.repo.ts';

/** How far back a person's own assessments count as context. */
const CONTEXT_WINDOW_MS = 24 * 3600_000;

/**
 * Assesses a person's words against their recent trajectory. It never throws: a failed context lookup assesses the
 * words on their own, and a crash in the assessment fails safe as concern, so a person reviews the words.
 */
export async function assessInContext(
  deps: Pick<SafetyDeps, 'db' | 'logger' | 'now'>,
  userId: string,
  text: string,
  /** How the recent assessments are read (the message path passes a batched reader; the same rows either way). */
  listRecent: (userId: string, since: Date) => Promise<Array<{ level: RiskAssessment['level']; score: number; at: Date }>> = (id, since) => repo.listRecentAssessments(deps.db, id, since),
): Promise<RiskAssessment> {
  const { logger, now } = deps;
  let context: RiskContext | undefined;
  try {
    const recent = await listRecent(userId, new Date(now().getTime() - CONTEXT_WINDOW_MS));
    context = { recent: recent.map((r) => ({ level: r.level, score: r.score, at: r.at })) };
  } catch (err) {
    logger.error({ err }, 'safety context lookup failed');
  }
  return assessRiskSafely(text, context, (err) => logger.error({ err }, 'safety assessment failed; treated as concern'));
}
