import type { Actor } from '../../platform/http/actor.ts';

export type DirectoryActor = Pick<Actor, 'userId' | 'orgId' | 'role'>;

/** Admins import the organization's directory from CSV. */
export function canImport(actor: Pick<DirectoryActor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** Moderators and admins review suggested corrections. */
export function canReviewSuggestions(actor: Pick<DirectoryActor, 'role'>): boolean {
  return actor.role === 'moderator' || actor.role === 'admin';
}

/** Everyone signed in reads their organization's directory and may suggest a correction. */
export function canReadService(actor: DirectoryActor, service: { orgId: string }): boolean {
  return service.orgId === actor.orgId;
}
