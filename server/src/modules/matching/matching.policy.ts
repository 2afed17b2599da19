import type { Actor } from '../../platform/http/actor.ts';

type Who = Pick<Actor, 'userId' | 'orgId' | 'role'>;

/** Peer supporters work the one-to-one queue (certification is checked separately, when the training module is wired). */
export function canSeeQueue(actor: Who): boolean {
  return actor.role === 'peer_supporter';
}

/** A request is seen by the member who asked and the supporter who took it. Everyone else gets a 404. */
export function canSeeRequest(actor: Who, row: { orgId: string; memberId: string; acceptedBy: string | null }): boolean {
  return row.orgId === actor.orgId && (row.memberId === actor.userId || row.acceptedBy === actor.userId);
}

/** Peer supporters (certified, when known) and moderators host on-demand small groups. */
export function canHostRoom(candidate: { role: string }): boolean {
  return candidate.role === 'peer_supporter' || candidate.role === 'moderator';
}

/** Only the host ends an on-demand small group for everyone; members leave on their own. */
export function canEndRoom(presence: { role: 'member' | 'host' }): boolean {
  return presence.role === 'host';
}

/** Only peer supporters keep a one-to-one matching profile. */
export function canKeepSupporterProfile(actor: Who): boolean {
  return actor.role === 'peer_supporter';
}

/** Facilitators and admins run cohort programs: create them, see applicants, preview and apply the assignment. */
export function canManagePrograms(actor: Who): boolean {
  return actor.role === 'facilitator' || actor.role === 'admin';
}

/** Admins set how on-demand small groups run in their organization (idle time, rooms per host). */
export function canManageMatchingSettings(actor: Who): boolean {
  return actor.role === 'admin';
}
