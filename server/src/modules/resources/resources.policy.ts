import type { Actor } from '../../platform/http/actor.ts';

export type LibraryActor = Pick<Actor, 'userId' | 'orgId' | 'role'>;

/** Moderators, clinicians and admins look after their organization's library. */
export function canManageLibrary(actor: Pick<LibraryActor, 'role'>): boolean {
  return actor.role === 'moderator' || actor.role === 'clinician' || actor.role === 'admin';
}

/** Everyone signed in reads the starter library and their own organization's resources. */
export function canReadResource(actor: LibraryActor, resource: { orgId: string | null }): boolean {
  return resource.orgId === null || resource.orgId === actor.orgId;
}

/**
 * Staff edit their organization's resources. The starter library is shared by every organization and changes only
 * through the repository's reviewed files, so no one organization can rewrite it for the others.
 */
export function canEditResource(actor: LibraryActor, resource: { orgId: string | null }): boolean {
  return canManageLibrary(actor) && resource.orgId !== null && resource.orgId === actor.orgId;
}

/** The same staff curate their organization's own collections; the starter collections follow the repository's files. */
export function canEditCollection(actor: LibraryActor, collection: { orgId: string | null }): boolean {
  return canEditResource(actor, collection);
}
