import type { Actor } from '../../platform/http/actor.ts';

/** The parts of an actor the forum rules look at (the demo seed builds these without a login session). */
export type ForumActor = Pick<Actor, 'userId' | 'orgId' | 'role'>;

export type BoardAccessFacts = {
  board: { orgId: string; groupId: string | null };
  /** Whether the actor is an active member of the board's group; irrelevant for public boards. */
  isActiveGroupMember: boolean;
};

export type PostFacts = { authorId: string | null; deletedAt: Date | null };

/** Moderators and admins look after the organization's public boards and may remove any post. */
export function isForumModerator(actor: Pick<ForumActor, 'role'>): boolean {
  return actor.role === 'moderator' || actor.role === 'admin';
}

/** Moderators, clinicians and admins review posts held by the safety check, and release them. */
export function canReviewHeldPosts(actor: Pick<ForumActor, 'role'>): boolean {
  return actor.role === 'moderator' || actor.role === 'clinician' || actor.role === 'admin';
}

/** A held post (or thread) is seen only by its author and by reviewers until it is released: never a silent drop. */
export function canSeeHeld(actor: ForumActor, item: { authorId: string | null; heldAt: Date | null }): boolean {
  return item.heldAt === null || (item.authorId !== null && item.authorId === actor.userId) || canReviewHeldPosts(actor);
}

/** Public boards are created by moderators and admins; group boards appear on their own. */
export function canCreatePublicBoard(actor: Pick<ForumActor, 'role'>): boolean {
  return isForumModerator(actor);
}

/**
 * Public boards are open to everyone signed in to the organization; a group board only to active members of that
 * group, because what people share in a group was shared with that group alone.
 */
export function canReadBoard(actor: ForumActor, facts: BoardAccessFacts): boolean {
  if (facts.board.orgId !== actor.orgId) return false;
  return facts.board.groupId === null || facts.isActiveGroupMember;
}

/** Everyone who can read a board can start threads and reply in it. */
export function canPostInBoard(actor: ForumActor, facts: BoardAccessFacts): boolean {
  return canReadBoard(actor, facts);
}

/** Only the author edits a post, so nobody's words are changed under their name. */
export function canEditPost(actor: ForumActor, post: PostFacts): boolean {
  return post.deletedAt === null && post.authorId !== null && post.authorId === actor.userId;
}

/** Authors remove their own posts; moderators and admins may remove any post. */
export function canDeletePost(actor: ForumActor, post: PostFacts): boolean {
  if (post.deletedAt !== null) return false;
  return (post.authorId !== null && post.authorId === actor.userId) || isForumModerator(actor);
}

/** Anyone who can read a post may send it a supportive reaction, while it has not been removed. */
export function canReactToPost(canRead: boolean, post: PostFacts): boolean {
  return canRead && post.deletedAt === null;
}
