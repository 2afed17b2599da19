import type { Actor } from '../../platform/http/actor.ts';

/** Facilitators, clinicians (who supervise) and admins see program analytics: aggregates only. */
export function canViewAnalytics(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'facilitator' || actor.role === 'clinician' || actor.role === 'admin';
}

/** Clinicians and admins see every group's row; a facilitator sees the groups they lead. */
export function seesAllGroups(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'clinician' || actor.role === 'admin';
}

/** Admins define programs, the minimum group size, unit costs and reliable-change inputs. */
export function canManageAnalytics(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}
