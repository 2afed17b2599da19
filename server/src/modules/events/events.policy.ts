import type { Actor } from '../../platform/http/actor.ts';

export type EventsActor = Pick<Actor, 'userId' | 'orgId' | 'role'>;

/** Facilitators, moderators, clinicians and admins publish their organization's events. */
export function canOrganize(actor: Pick<EventsActor, 'role'>): boolean {
  return actor.role === 'facilitator' || actor.role === 'moderator' || actor.role === 'clinician' || actor.role === 'admin';
}

/** Everyone in the organization sees its events. */
export function canReadEvent(actor: EventsActor, event: { orgId: string }): boolean {
  return event.orgId === actor.orgId;
}

/** Registration is open until the event starts, unless it was cancelled. */
export function canRegister(event: { status: string; startsAt: Date }, now: Date, registered: boolean): boolean {
  return !registered && event.status === 'scheduled' && event.startsAt > now;
}

/** Places fill in order; when full, a waitlist (if the event has one) takes the next people. */
export function decideRegistration(event: { capacity: number | null; waitlist: boolean }, registeredCount: number): 'registered' | 'waitlisted' | 'full' {
  if (event.capacity === null || registeredCount < event.capacity) return 'registered';
  return event.waitlist ? 'waitlisted' : 'full';
}
