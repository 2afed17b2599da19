import { eq } from 'drizzle-orm';
import { caseEvents, oncallShifts, riskAssessments, safetyCases, safetyPlans, screenerResults } from '../../db/schema/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';

/**
 * The safety part of "export my data" and "delete my account" (the module's personal-data repo).
 * The export shows what Hearth noticed and did (levels, reasons, case timeline), the person's own safety plan
 * and screener answers. Staff notes stay out of the export; they are deleted with the case.
 */
export function createSafetyPersonalData(deps: { db: Db; cipher: FieldCipher }): PersonalDataContributor {
  const { db, cipher } = deps;
  return {
    name: 'safety',
    async export(userId) {
      const assessments = await db
        .select({ sourceKind: riskAssessments.sourceKind, level: riskAssessments.level, score: riskAssessments.score, reasons: riskAssessments.reasons, createdAt: riskAssessments.createdAt })
        .from(riskAssessments)
        .where(eq(riskAssessments.userId, userId));
      const cases = await db
        .select({ id: safetyCases.id, kind: safetyCases.kind, level: safetyCases.level, status: safetyCases.status, openedAt: safetyCases.openedAt, acknowledgedAt: safetyCases.acknowledgedAt, resolvedAt: safetyCases.resolvedAt, outcome: safetyCases.outcome })
        .from(safetyCases)
        .where(eq(safetyCases.subjectUserId, userId));
      const timeline = await db
        .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, at: caseEvents.at })
        .from(caseEvents)
        .innerJoin(safetyCases, eq(safetyCases.id, caseEvents.caseId))
        .where(eq(safetyCases.subjectUserId, userId));
      const [plan] = await db.select().from(safetyPlans).where(eq(safetyPlans.userId, userId));
      const screeners = await db.select().from(screenerResults).where(eq(screenerResults.subjectUserId, userId));
      const shifts = await db
        .select({ weekday: oncallShifts.weekday, startMinute: oncallShifts.startMinute, endMinute: oncallShifts.endMinute, timezone: oncallShifts.timezone })
        .from(oncallShifts)
        .where(eq(oncallShifts.userId, userId));
      return {
        assessments,
        cases,
        caseTimeline: timeline,
        safetyPlan: plan ? { plan: JSON.parse(cipher.decrypt(plan.planCiphertext)), sharedWithOncall: plan.shareWithOncall, updatedAt: plan.updatedAt } : null,
        screenerResults: screeners.map((s) => ({ level: s.level, answers: JSON.parse(cipher.decrypt(s.answersCiphertext)), createdAt: s.createdAt })),
        oncallShifts: shifts,
      };
    },
    async erase(tx: Tx, userId) {
      await tx.delete(screenerResults).where(eq(screenerResults.subjectUserId, userId));
      await tx.delete(safetyCases).where(eq(safetyCases.subjectUserId, userId));
      await tx.delete(riskAssessments).where(eq(riskAssessments.userId, userId));
      await tx.delete(safetyPlans).where(eq(safetyPlans.userId, userId));
      await tx.delete(oncallShifts).where(eq(oncallShifts.userId, userId));
      // Work the person did as on-call staff stays in other people's cases, without their name on it.
      await tx.update(safetyCases).set({ acknowledgedBy: null }).where(eq(safetyCases.acknowledgedBy, userId));
      await tx.update(caseEvents).set({ actorId: null }).where(eq(caseEvents.actorId, userId));
      await tx.update(screenerResults).set({ administeredBy: null }).where(eq(screenerResults.administeredBy, userId));
    },
  };
}
