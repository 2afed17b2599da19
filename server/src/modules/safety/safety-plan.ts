import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { SafetyDeps } from './safety.deps.ts';
import { pickSections, presentPlan } from './safety.presenter.ts';
import * as repo from './safety.repo.ts';
import type { SafetyPlan, SafetyPlanBody } from './safety.schemas.ts';

/** A member's own Stanley–Brown safety plan: one encrypted document, shared with on-call only if they choose. */
export function createSafetyPlans(deps: SafetyDeps) {
  const { db, cipher } = deps;
  return {
    async getPlan(actor: Actor): Promise<SafetyPlan | null> {
      const row = await repo.findPlan(db, actor.userId);
      return row ? presentPlan(pickSections(JSON.parse(cipher.decrypt(row.planCiphertext))), row.shareWithOncall, row.updatedAt) : null;
    },

    async savePlan(actor: Actor, body: SafetyPlanBody): Promise<SafetyPlan> {
      const sections = pickSections(body);
      const row = await db.transaction(async (tx) => {
        const saved = await repo.upsertPlan(tx, { orgId: actor.orgId, userId: actor.userId, planCiphertext: cipher.encrypt(JSON.stringify(sections)), shareWithOncall: body.shareWithOnCall });
        // The audit row records that it changed and whether it is shared, never what it says.
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'safety_plan.saved', entityType: 'safety_plan', entityId: saved.id, data: { shareWithOnCall: body.shareWithOnCall } });
        return saved;
      });
      return presentPlan(sections, row.shareWithOncall, row.updatedAt);
    },

    async deletePlan(actor: Actor): Promise<boolean> {
      return db.transaction(async (tx) => {
        const removed = await repo.deletePlan(tx, actor.userId);
        if (removed) await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'safety_plan.deleted', entityType: 'safety_plan', entityId: actor.userId });
        return removed;
      });
    },
  };
}
