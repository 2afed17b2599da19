import type { RiskAssessment } from './assessment/index.ts';
import { assessInContext } from './assess-in-context.ts';
import { openOrJoinCase } from './case-routing.ts';
import type { SafetyDeps } from './safety.deps.ts';
import * as repo from './safety.repo.ts';

/** Words a person writes to Hearth itself rather than to other people (today: the intake assistant). */
export type AssessedSource = { kind: 'intake'; id?: string | null };

/**
 * Assesses words written to Hearth itself and records the result on the person's risk history at every level, so
 * on-call sees the whole trajectory (a run of "none" answers before a concern matters). Concern and urgent also open
 * or join the person's case and alert on-call, like `raiseForPerson`, with one assessment row per message. It never
 * throws: a failure is logged and the level is still returned, so the caller can show crisis help.
 */
export function createAssessmentRecorder(deps: SafetyDeps) {
  const { db, logger } = deps;
  return {
    async assessAndRecord(author: { userId: string; orgId: string }, text: string, source: AssessedSource): Promise<{ level: RiskAssessment['level']; caseId: string | null }> {
      const assessed = await assessInContext(deps, author.userId, text);
      try {
        const routed = await db.transaction(async (tx) => {
          await repo.insertAssessment(tx, {
            orgId: author.orgId, userId: author.userId, sourceKind: source.kind, sourceId: source.id ?? null,
            level: assessed.level, score: assessed.score, reasons: assessed.reasons, aboutSomeoneElse: assessed.aboutSomeoneElse,
          });
          if (assessed.level === 'none') return null;
          return openOrJoinCase(deps, tx, {
            orgId: author.orgId, subjectUserId: author.userId, kind: 'raised', sourceKind: source.kind, sourceId: source.id ?? null, roomId: null,
            level: assessed.level, actorId: author.userId, data: { raised: { kind: source.kind }, reasons: assessed.reasons },
          });
        });
        // Crisis routing first: on-call hears before the caller answers the person.
        await routed?.after().catch((err) => logger.error({ err, caseId: routed.caseRow.id }, 'safety alert delivery failed'));
        return { level: assessed.level, caseId: routed?.caseRow.id ?? null };
      } catch (err) {
        // Never log the words; the source is enough to find them.
        logger.error({ err, sourceKind: source.kind, sourceId: source.id }, 'safety recording failed');
        return { level: assessed.level, caseId: null };
      }
    },
  };
}
