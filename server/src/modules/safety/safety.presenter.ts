import type { Actor } from '../../platform/http/actor.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import { canAcknowledgeCase, canActOnCase, canViewCase } from './safety.policy.ts';
import type { CaseListRow, CaseEventRow } from './safety.repo.ts';
import type { CaseSummary, PlanSections, SafetyPlan } from './safety.schemas.ts';

/** A case as the queue shows it, with what the caller may do next. */
export function presentCaseSummary(row: CaseListRow, actor: Actor, now: Date): CaseSummary {
  const { c } = row;
  const act = canActOnCase(actor, c);
  const until = c.acknowledgedAt ?? c.resolvedAt ?? now;
  return {
    id: c.id,
    kind: c.kind,
    level: c.level,
    status: c.status,
    severity: c.severity,
    tier: c.tier,
    subject: { id: c.subjectUserId, displayName: row.subjectName },
    sourceKind: c.sourceKind,
    openedAt: c.openedAt.toISOString(),
    waitingSeconds: Math.max(0, Math.round((until.getTime() - c.openedAt.getTime()) / 1000)),
    acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: c.acknowledgedBy && row.ackName !== null ? { id: c.acknowledgedBy, displayName: row.ackName } : null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    outcome: c.outcome,
    abilities: { acknowledge: canAcknowledgeCase(actor, c), note: canViewCase(actor, c), contact: act, recordOutcome: act, screen: act },
  };
}

/** Timeline entries; note text is decrypted for the staff who may read the case. */
export function presentCaseEvent(row: { event: CaseEventRow; actorName: string | null }, cipher: FieldCipher) {
  const { event } = row;
  const { textCiphertext, ...data } = event.data as { textCiphertext?: string } & Record<string, unknown>;
  return {
    id: event.id,
    kind: event.kind,
    actor: event.actorId && row.actorName !== null ? { id: event.actorId, displayName: row.actorName } : null,
    at: event.at.toISOString(),
    data: textCiphertext ? { ...data, text: cipher.decrypt(textCiphertext) } : data,
  };
}

export function presentPlan(sections: PlanSections, shareWithOnCall: boolean, updatedAt: Date): SafetyPlan {
  return { ...sections, shareWithOnCall, updatedAt: updatedAt.toISOString() };
}

export const PLAN_KEYS = [
  'warningSigns',
  'copingStrategies',
  'distractionsPeopleAndPlaces',
  'peopleToAskForHelp',
  'professionalsAndServices',
  'makingEnvironmentSafer',
  'reasonsForLiving',
] as const;

/** Only the seven sections go into the ciphertext. */
export function pickSections(source: Partial<Record<(typeof PLAN_KEYS)[number], string[]>>): PlanSections {
  return Object.fromEntries(PLAN_KEYS.map((k) => [k, source[k] ?? []])) as PlanSections;
}
