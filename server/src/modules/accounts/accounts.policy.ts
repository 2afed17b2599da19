import type { Actor, UserRole } from '../../platform/http/actor.ts';

const STAFF: UserRole[] = ['facilitator', 'moderator', 'clinician', 'admin'];

/** Facilitators (and admins) create and run groups. */
export function canCreateGroups(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'facilitator' || actor.role === 'admin';
}

/** Moderators, clinicians and admins see and act on moderation queues. */
export function canModerate(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'moderator' || actor.role === 'clinician' || actor.role === 'admin';
}

export function canAdminister(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** Staff roles may see more of an organization's people than members may. */
export function isStaff(actor: Pick<Actor, 'role'>): boolean {
  return STAFF.includes(actor.role);
}

/** Peer supporters (and staff who also support) can accept one-to-one conversations. */
export function canSupportOneToOne(role: UserRole): boolean {
  return role === 'peer_supporter' || role === 'facilitator' || role === 'clinician';
}
