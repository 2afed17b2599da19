import { groupsPolicy } from '../groups/index.ts';
import type { SessionAbilities } from './sessions.schemas.ts';

type PolicyActor = groupsPolicy.PolicyActor;
type PolicyGroup = groupsPolicy.PolicyGroup;
type PolicyMembership = groupsPolicy.PolicyMembership;

/** The live room opens this long before a session starts. */
export const LIVE_ROOM_OPENS_BEFORE_MS = 15 * 60_000;
/** Members can check themselves in with the venue code from this long before the start until the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * 60_000;

export type PolicySession = { status: 'scheduled' | 'cancelled'; startsAt: Date; endsAt: Date };
type Group = PolicyGroup & { format: 'online' | 'in_person' | 'hybrid' };

/** A session is readable by whoever may see its group. */
export function canReadSession(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership): boolean {
  return groupsPolicy.canViewGroup(actor, group, m);
}

/** Leaders of the group (and admins) add, move and cancel its sessions. */
export function canManageSessions(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership): boolean {
  return groupsPolicy.canEditGroup(actor, group, m);
}

/** A session's live room is open from 15 minutes before the start to the end, unless cancelled. */
export function isLiveRoomOpen(session: { startsAt: Date; endsAt: Date; status: string }, at: Date): boolean {
  return session.status !== 'cancelled' && at.getTime() >= session.startsAt.getTime() - LIVE_ROOM_OPENS_BEFORE_MS && at < session.endsAt;
}

export function isCheckInOpen(session: PolicySession, at: Date): boolean {
  return session.status === 'scheduled' && at.getTime() >= session.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS && at < session.endsAt;
}

export const meetsOnline = (group: { format: string }) => group.format !== 'in_person';
export const meetsInPerson = (group: { format: string }) => group.format !== 'online';

/** Everything the caller may do next with this session. */
export function sessionAbilities(
  actor: PolicyActor,
  group: Group,
  m: PolicyMembership,
  session: PolicySession,
  at: Date,
  me: { checkedIn: boolean },
): SessionAbilities {
  const manage = canManageSessions(actor, group, m);
  const member = groupsPolicy.isActive(m) && !group.archivedAt;
  const scheduled = session.status === 'scheduled';
  return {
    edit: manage && scheduled && session.endsAt > at,
    cancel: manage && scheduled && session.endsAt > at,
    rsvp: member && scheduled && session.endsAt > at,
    checkIn: member && meetsInPerson(group) && !me.checkedIn && isCheckInOpen(session, at),
    joinLiveRoom: member && meetsOnline(group) && isLiveRoomOpen(session, at),
    manageAttendance: manage || (actor.role === 'admin' && group.orgId === actor.orgId),
  };
}
