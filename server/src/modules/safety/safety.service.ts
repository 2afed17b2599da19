import { createCaseWork } from './case-work.ts';
import { registerEscalation } from './case-routing.ts';
import { createOncall } from './oncall.ts';
import { createRaiseForPerson } from './raise-for-person.ts';
import { createAssessmentRecorder } from './record-assessment.ts';
import { createRiskScreener } from './risk-screener.ts';
import { createSafetyPlans } from './safety-plan.ts';
import type { SafetyDeps } from './safety.deps.ts';
import { isSafetyStaff, canWatchOncall } from './safety.policy.ts';
import { createScreening } from './safety.screen.ts';
import { describeScreener } from './screener.ts';
import * as repo from './safety.repo.ts';

export type SafetyService = ReturnType<typeof createSafetyService>;

/**
 * Safety: every message is assessed before it is broadcast; urgent ones open a case and alert on-call at once, with
 * escalation when nobody acknowledges in time. Also the member's safety plan and the risk screener.
 */
export function createSafetyService(input: Omit<SafetyDeps, 'now'> & { now?: () => Date }) {
  const deps: SafetyDeps = { ...input, now: input.now ?? (() => new Date()) };
  registerEscalation(deps);
  return {
    ...createScreening(deps),
    ...createCaseWork(deps),
    ...createOncall(deps),
    ...createSafetyPlans(deps),
    ...createRiskScreener(deps),
    ...createRaiseForPerson(deps),
    ...createAssessmentRecorder(deps),
    describeScreener,
    canWatchOncall,
    isSafetyStaff,
    /** Cases each person worked on since a date (for supervisors' caseload view). */
    countCasesWorkedOn: (userIds: string[], since: Date) => repo.countCasesWorkedOn(deps.db, userIds, since),
  };
}
