import type { Actor } from '../../platform/http/actor.ts';

type Who = Pick<Actor, 'userId' | 'orgId' | 'role'>;

/** Admins assign supervisors to supporters. */
export function canManageAssignments(actor: Who): boolean {
  return actor.role === 'admin';
}

/** Supervisors are clinicians, or senior supporters who hold a current Peer supporter certificate. */
export function canBeSupervisor(person: { role: string }, holdsSupporterCertificate: boolean): boolean {
  return person.role === 'clinician' || holdsSupporterCertificate;
}

/** A supporter sees their own entries; their assigned supervisors see, comment on and review them. */
export function canViewActivity(actor: Who, activity: { supporterId: string }, isAssignedSupervisor: boolean): boolean {
  return activity.supporterId === actor.userId || isAssignedSupervisor;
}

/** Only an assigned supervisor signs off hours, and never their own. */
export function canReviewActivity(actor: Who, activity: { supporterId: string }, isAssignedSupervisor: boolean): boolean {
  return isAssignedSupervisor && activity.supporterId !== actor.userId;
}

type MeetingPeople = { supervisorId: string; supporterId: string };

/** Only the two people in a supervision meeting see it (others get a 404). */
export function canViewMeeting(actor: Who, meeting: MeetingPeople): boolean {
  return meeting.supervisorId === actor.userId || meeting.supporterId === actor.userId;
}

/** The supervisor who arranged the meeting moves it. */
export function canRescheduleMeeting(actor: Who, meeting: MeetingPeople): boolean {
  return meeting.supervisorId === actor.userId;
}

/** Either person may cancel: a supporter who cannot come should be able to say so. */
export function canCancelMeeting(actor: Who, meeting: MeetingPeople): boolean {
  return canViewMeeting(actor, meeting);
}
