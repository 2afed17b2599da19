import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { openOrJoinCase } from './case-routing.ts';
import { SAFETY_COPY } from './safety.copy.ts';
import { userRoom, type SafetyDeps } from './safety.deps.ts';
import { SafetyErrors } from './safety.errors.ts';
import { canActOnCase } from './safety.policy.ts';
import * as repo from './safety.repo.ts';
import type { ScreenerAnswers, SafetyNotice } from './safety.schemas.ts';
import { scoreScreener } from './screener.ts';

const SCORE = { none: 0, concern: 0.5, urgent: 1 } as const;

/**
 * Stores a screener result (answers encrypted) and lets it set the level. On-call staff screen for a case; a member
 * screens themselves, and a concerning or urgent result opens (or joins) their case so a person follows up.
 */
export function createRiskScreener(deps: SafetyDeps) {
  const { db, cipher, hub, now, logger } = deps;

  return {
    async submitScreener(actor: Actor, answers: ScreenerAnswers, caseId?: string) {
      const level = scoreScreener(answers);
      let subjectUserId = actor.userId;
      let staffCase = false;
      if (caseId) {
        const row = await repo.findCaseListRow(db, caseId);
        const ownCase = row?.c.subjectUserId === actor.userId && row.c.status !== 'resolved';
        if (!row || (!ownCase && !canActOnCase(actor, row.c))) throw SafetyErrors.screenerCaseNotFound();
        subjectUserId = row.c.subjectUserId;
        staffCase = !ownCase;
      }
      const result = await db.transaction(async (tx) => {
        // Staff screening within a case are already with the person: no new alert, the result sets the level.
        const routed = staffCase ? null : await openOrJoinCase(deps, tx, {
          orgId: actor.orgId, subjectUserId, kind: 'screener', sourceKind: 'screener', sourceId: null, roomId: null, level, actorId: actor.userId,
          data: { screener: true },
        });
        const targetCaseId = caseId ?? routed?.caseRow.id ?? null;
        const stored = await repo.insertScreenerResult(tx, {
          orgId: actor.orgId, subjectUserId, caseId: targetCaseId, administeredBy: actor.userId, answersCiphertext: cipher.encrypt(JSON.stringify(answers)), level,
        });
        await repo.insertAssessment(tx, { orgId: actor.orgId, userId: subjectUserId, sourceKind: 'screener', sourceId: stored.id, level, score: SCORE[level], reasons: ['screener'] });
        if (targetCaseId) {
          // A screener given by staff sets the case's level, down as well as up: it is a person's judgement.
          if (staffCase && caseId) await repo.updateCase(tx, caseId, { level, severity: level === 'urgent' ? 3 : level === 'concern' ? 1 : 0 });
          await repo.insertCaseEvent(tx, { caseId: targetCaseId, kind: 'screener', actorId: actor.userId, at: now(), data: { level, resultId: stored.id } });
        }
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'screener.submitted', entityType: 'screener_result', entityId: stored.id, data: { level, caseId: targetCaseId } });
        return { stored, routed, caseId: targetCaseId };
      });
      await result.routed?.after().catch((err) => logger.error({ err }, 'safety alert delivery failed'));
      let safety: SafetyNotice | null = null;
      if (level !== 'none' && subjectUserId === actor.userId) {
        safety = { card: level, aboutSomeoneElse: false };
        await hub.publish(userRoom(actor.userId), { type: 'safety.card', level, aboutSomeoneElse: false, ...(result.caseId ? { caseId: result.caseId } : {}) }).catch(() => {});
      }
      return { id: result.stored.id, level, caseId: result.caseId, message: SAFETY_COPY.screener.results[level], safety };
    },
  };
}
