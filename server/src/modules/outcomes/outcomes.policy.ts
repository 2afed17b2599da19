import type { Actor } from '../../platform/http/actor.ts';

type Who = Pick<Actor, 'userId' | 'orgId' | 'role'>;

/** Admins set how often questionnaires and check-ins are offered in their organization. */
export function canManageOutcomeSettings(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** The de-identified research export is for admins and clinicians; it holds only people who opted in. */
export function canExportResearch(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'clinician';
}

/** Feedback on a session comes from people who were there, or who are active members of its group. */
export function canGiveSessionFeedback(actor: Who, session: { orgId: string; memberStatus: string | null; attended: boolean }): boolean {
  return session.orgId === actor.orgId && (session.attended || session.memberStatus === 'active');
}
