import type { Actor } from '../../platform/http/actor.ts';
import type { GroupAbilities } from './groups.schemas.ts';

type GroupRoleName = 'member' | 'co_facilitator' | 'facilitator';
type StatusName = 'active' | 'requested' | 'invited' | 'declined' | 'left';

export type PolicyActor = Pick<Actor, 'userId' | 'orgId' | 'role'>;
export type PolicyGroup = { orgId: string; visibility: 'open' | 'request' | 'invite'; archivedAt: Date | null };
export type PolicyMembership = { role: GroupRoleName; status: StatusName } | null;

const isAdmin = (actor: PolicyActor) => actor.role === 'admin';

/** True for an active member of any group role. */
export function isActive(m: PolicyMembership): boolean {
  return m?.status === 'active';
}

/** Facilitators and co-facilitators lead a group: they run its sessions and its membership. */
export function isLeader(m: PolicyMembership): boolean {
  return m?.status === 'active' && (m.role === 'facilitator' || m.role === 'co_facilitator');
}

/** Facilitators (user role facilitator or admin) may start new groups. */
export function canCreateGroup(actor: PolicyActor): boolean {
  return actor.role === 'facilitator' || actor.role === 'admin';
}

/**
 * Who may see a group at all. Invite-only groups stay hidden from everyone but their members and invitees, and
 * archived groups from everyone but their members, so a group's existence is never revealed by accident.
 */
export function canViewGroup(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership): boolean {
  if (group.orgId !== actor.orgId) return false;
  if (isAdmin(actor)) return true;
  if (group.archivedAt) return isActive(m);
  if (group.visibility === 'invite') return isActive(m) || m?.status === 'invited';
  return true;
}

export function canEditGroup(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership): boolean {
  return group.orgId === actor.orgId && !group.archivedAt && (isAdmin(actor) || isLeader(m));
}

/** Archiving ends a group for everyone, so only its facilitator (or an admin) may do it. */
export function canArchiveGroup(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership): boolean {
  return group.orgId === actor.orgId && !group.archivedAt && (isAdmin(actor) || (isActive(m) && m!.role === 'facilitator'));
}

export function canManageMembers(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership): boolean {
  return canEditGroup(actor, group, m);
}

export function canChangeRoles(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership): boolean {
  return canArchiveGroup(actor, group, m);
}

/**
 * Removing someone from a group. Leaders (and admins) remove members; removing a leader is the facilitator's (or an
 * admin's) call, like changing roles. Nobody removes themselves: that is leaving. Moderators use their own tools
 * (suspension, ban), which end access everywhere; a group is its leaders' to look after.
 */
export function canRemoveMember(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership, target: { userId: string; role: GroupRoleName; status: StatusName }): boolean {
  if (target.userId === actor.userId || target.status !== 'active') return false;
  if (target.role !== 'member') return canChangeRoles(actor, group, m);
  return canManageMembers(actor, group, m);
}

/** The member list is for the group itself: only active members (and admins) see who else belongs. */
export function canViewMembers(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership): boolean {
  return group.orgId === actor.orgId && (isAdmin(actor) || isActive(m));
}

/** Joining straight away: open groups, or accepting an invitation. */
export function canJoin(group: PolicyGroup, m: PolicyMembership): boolean {
  if (group.archivedAt || isActive(m)) return false;
  return group.visibility === 'open' || m?.status === 'invited';
}

export function canRequestToJoin(group: PolicyGroup, m: PolicyMembership): boolean {
  if (group.archivedAt || isActive(m) || m?.status === 'invited') return false;
  return group.visibility === 'request' && m?.status !== 'requested';
}

export function canLeave(m: PolicyMembership): boolean {
  return m?.status === 'active' || m?.status === 'requested' || m?.status === 'invited';
}

/** Everything the caller may do next with this group. A full group offers no join (requests can still wait for a place). */
export function groupAbilities(actor: PolicyActor, group: PolicyGroup, m: PolicyMembership, placesLeft: number | null = null): GroupAbilities {
  return {
    join: canJoin(group, m) && placesLeft !== 0,
    requestToJoin: canRequestToJoin(group, m),
    leave: canLeave(m),
    edit: canEditGroup(actor, group, m),
    archive: canArchiveGroup(actor, group, m),
    viewMembers: canViewMembers(actor, group, m),
    manageMembers: canManageMembers(actor, group, m),
    changeRoles: canChangeRoles(actor, group, m),
    manageSessions: canEditGroup(actor, group, m),
  };
}
