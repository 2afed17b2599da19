import type { Actor } from '../../platform/http/actor.ts';

type Who = Pick<Actor, 'userId' | 'orgId' | 'role'>;
type CaseFacts = { orgId: string; subjectUserId: string; status: string };

/** Moderators, clinicians and admins look after safety cases in their organization. */
export function isSafetyStaff(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'moderator' || actor.role === 'clinician' || actor.role === 'admin';
}

/** Moderators and clinicians keep on-call shifts. */
export function canKeepShifts(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'moderator' || actor.role === 'clinician';
}

export function canManageSafetySettings(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/**
 * Safety staff of the same organization see its cases, except a case about themselves: nobody handles their own
 * crisis, and their colleagues take it.
 */
export function canViewCase(actor: Who, c: CaseFacts): boolean {
  return isSafetyStaff(actor) && c.orgId === actor.orgId && c.subjectUserId !== actor.userId;
}

export function canActOnCase(actor: Who, c: CaseFacts): boolean {
  return canViewCase(actor, c) && c.status !== 'resolved';
}

export function canAcknowledgeCase(actor: Who, c: CaseFacts): boolean {
  return canViewCase(actor, c) && c.status === 'open';
}

/** Who may hear the on-call dashboard of an organization. */
export function canWatchOncall(actor: Who, orgId: string): boolean {
  return isSafetyStaff(actor) && actor.orgId === orgId;
}

/** The next tier when nobody has acknowledged: 1 on-call now → 2 clinicians → 3 admins. */
export function nextTier(tier: number): number | null {
  return tier < 3 ? tier + 1 : null;
}

/** Queue order: higher severity first. */
export function severityOf(kind: 'risk_message' | 'self_request' | 'screener' | 'raised', level: 'none' | 'concern' | 'urgent'): number {
  if (level === 'urgent') return kind === 'self_request' ? 2 : 3;
  return level === 'concern' ? 1 : 0;
}

export function levelRank(level: 'none' | 'concern' | 'urgent'): number {
  return level === 'urgent' ? 2 : level === 'concern' ? 1 : 0;
}
