import { writeAudit } from '../../platform/db/index.ts';
import { ForumErrors } from './forums.access.ts';
import { notifyReply, presentOnePost, publishInvalidation, type ForumContext, type ModerationNotice, type SafetyNotice } from './forums.context.ts';
import * as policy from './forums.policy.ts';
import type { ForumActor } from './forums.policy.ts';
import { tallyReactions } from './forums.presenter.ts';
import * as repo from './forums.repo.ts';
import { createForumModerationHooks } from './forums.moderation.ts';
import type { CreatePostBody, EditPostBody, ForumPost, ReactionKind } from './forums.schemas.ts';

/** Replies to a thread; the reply count and last activity move in the same transaction. */
export async function createReply(
  ctx: ForumContext,
  actor: ForumActor,
  threadId: string,
  input: CreatePostBody,
): Promise<ForumPost & { safety?: SafetyNotice; moderation?: ModerationNotice }> {
  const { thread, board } = await ctx.access.readableThread(actor, threadId);
  // Assessed before it is stored: an organization may hold urgent public posts until a person has looked.
  const screening = await ctx.screen?.screen(actor, input.body, { publicForum: board.groupId === null });
  // Moderation after safety: it may redact or hold, never for words the assessment was worried about.
  const gate = await ctx.moderation?.check(actor, {
    kind: 'forum_post', text: input.body, safetyLevel: screening?.level ?? 'none', place: { boardId: board.id, groupId: board.groupId, threadId },
  });
  const body = gate ? { ...input, body: gate.text } : input;
  const heldAt = screening?.hold || gate?.hold ? ctx.now() : null;
  const post = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertPost(tx, { threadId, authorId: actor.userId, body: body.body, contentNote: body.contentNote ?? null, heldAt });
    // A held reply is counted when it is released, so the count does not reveal it.
    if (!heldAt) await repo.recordReply(tx, threadId, row.createdAt);
    await writeAudit(tx, {
      orgId: board.orgId,
      actorId: actor.userId,
      action: 'forum_post.created',
      entityType: 'forum_post',
      entityId: row.id,
      data: { threadId, boardId: board.id, hasContentNote: row.contentNote !== null, held: heldAt !== null },
    });
    return row;
  });
  // Crisis routing runs before the thread hears about the reply.
  const safety = await screening?.route({ kind: 'forum_post', id: post.id });
  await gate?.record({ id: post.id });
  await publishInvalidation(ctx, thread.id, board.id);
  if (!heldAt) await notifyReply(ctx, thread, post);
  const presented = await presentOnePost(ctx, actor, post.id);
  return { ...presented, ...(safety ? { safety } : {}), ...(gate?.notice ? { moderation: gate.notice } : {}) };
}

/** A reviewer (moderator, clinician, admin) releases a post the safety check held; it then appears to everyone. */
export async function releaseHeldPost(ctx: ForumContext, actor: ForumActor, postId: string): Promise<ForumPost> {
  const { post, thread, board } = await ctx.access.readablePost(actor, postId);
  if (!policy.canReviewHeldPosts(actor)) throw ForumErrors.postNotFound();
  if (post.heldAt === null) return presentOnePost(ctx, actor, postId);
  const isOpening = (await repo.findOpeningPostId(ctx.db, thread.id)) === postId;
  const released = await ctx.db.transaction(async (tx) => {
    if (!(await repo.releaseHeldPost(tx, postId, thread.id, isOpening))) return false;
    if (!isOpening) await repo.recordReply(tx, thread.id, ctx.now());
    await writeAudit(tx, { orgId: board.orgId, actorId: actor.userId, action: 'forum_post.released', entityType: 'forum_post', entityId: postId, data: { threadId: thread.id } });
    return true;
  });
  await publishInvalidation(ctx, thread.id, board.id);
  if (released && !isOpening) await notifyReply(ctx, thread, post);
  return presentOnePost(ctx, actor, postId);
}

/** A post as a safety reviewer sees it in a case (no actor: safety's policy decided). */
export async function findPostForReview(ctx: ForumContext, postId: string) {
  const post = await repo.findPost(ctx.db, postId);
  const thread = post ? await repo.findThreadListRow(ctx.db, post.threadId) : null;
  if (!post || !thread) return null;
  return { id: post.id, threadId: post.threadId, title: thread.thread.title, body: post.deletedAt ? '' : post.body, held: post.heldAt !== null };
}

/** Authors change the words or the content note of their own post. New words get the same safety card as a new post. */
export async function editPost(ctx: ForumContext, actor: ForumActor, postId: string, input: EditPostBody): Promise<ForumPost & { safety?: SafetyNotice }> {
  const { post, thread, board } = await ctx.access.readablePost(actor, postId);
  if (post.deletedAt) throw ForumErrors.postNotFound();
  if (!policy.canEditPost(actor, post)) throw ForumErrors.cannotEditPost();
  // New words are assessed (safety first) and then checked by moderation, like a new post.
  const screening = input.body !== undefined ? await ctx.screen?.screen(actor, input.body, { publicForum: board.groupId === null }) : undefined;
  const gate = input.body !== undefined
    ? await ctx.moderation?.check(actor, {
        kind: 'forum_post', text: input.body, safetyLevel: screening?.level ?? 'none', place: { boardId: board.id, groupId: board.groupId, threadId: thread.id }, editOf: postId,
      })
    : undefined;
  const body = gate ? { ...input, body: gate.text } : input;
  // Urgent new words on a public board follow the organization's hold-for-review choice, as a new post does. A held
  // reply leaves the count until a reviewer releases it (release counts it again), so the count does not reveal it.
  const hold = screening?.hold === true && post.heldAt === null;
  const isOpening = hold && (await repo.findOpeningPostId(ctx.db, thread.id)) === postId;
  await ctx.db.transaction(async (tx) => {
    await repo.updatePost(tx, postId, {
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(body.contentNote !== undefined ? { contentNote: body.contentNote } : {}),
      ...(hold ? { heldAt: ctx.now() } : {}),
      editedAt: ctx.now(),
    });
    if (hold && !isOpening) await repo.recordReplyRemoved(tx, thread.id);
    await writeAudit(tx, {
      orgId: board.orgId,
      actorId: actor.userId,
      action: 'forum_post.edited',
      entityType: 'forum_post',
      entityId: postId,
      data: { threadId: thread.id, fields: Object.keys(body).filter((k) => body[k as keyof EditPostBody] !== undefined), held: hold },
    });
  });
  const safety = screening ? await screening.route({ kind: 'forum_post', id: postId }) : null;
  // An edit can bring back a post hidden for review (the author fixed it), or hold one that now needs a look.
  if (gate?.hold || gate?.unhide) await createForumModerationHooks(ctx).setPostHidden(postId, gate.hold, ctx.now(), null);
  await gate?.record({ id: postId });
  await publishInvalidation(ctx, thread.id, board.id);
  const presented = await presentOnePost(ctx, actor, postId);
  return { ...presented, ...(safety ? { safety } : {}) };
}

/**
 * Removes a post, leaving a tombstone so the conversation still reads in order. Removing the opening post removes
 * the whole thread: a person who regrets sharing something must be able to take it back completely.
 */
export async function deletePost(ctx: ForumContext, actor: ForumActor, postId: string): Promise<{ threadRemoved: boolean }> {
  const { post, thread, board } = await ctx.access.readablePost(actor, postId);
  if (post.deletedAt) throw ForumErrors.postNotFound();
  if (!policy.canDeletePost(actor, post)) throw ForumErrors.cannotDeletePost();
  const isOpening = (await repo.findOpeningPostId(ctx.db, thread.id)) === postId;
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    if (!(await repo.softDeletePost(tx, postId, at))) throw ForumErrors.postNotFound();
    if (isOpening) await repo.softDeleteThread(tx, thread.id, at);
    else await repo.recordReplyRemoved(tx, thread.id);
    await writeAudit(tx, {
      orgId: board.orgId,
      actorId: actor.userId,
      action: 'forum_post.deleted',
      entityType: 'forum_post',
      entityId: postId,
      data: { threadId: thread.id, byAuthor: post.authorId === actor.userId, threadRemoved: isOpening },
    });
  });
  await publishInvalidation(ctx, thread.id, board.id);
  return { threadRemoved: isOpening };
}

/** Gives a supportive reaction. Giving the same one twice changes nothing. */
export async function addReaction(ctx: ForumContext, actor: ForumActor, postId: string, kind: ReactionKind) {
  return changeReaction(ctx, actor, postId, kind, 'add');
}

/** Takes a reaction back. Taking back one never given changes nothing. */
export async function removeReaction(ctx: ForumContext, actor: ForumActor, postId: string, kind: ReactionKind) {
  return changeReaction(ctx, actor, postId, kind, 'remove');
}

async function changeReaction(ctx: ForumContext, actor: ForumActor, postId: string, kind: ReactionKind, change: 'add' | 'remove') {
  const { post, thread, board } = await ctx.access.readablePost(actor, postId);
  if (!policy.canReactToPost(true, post)) throw ForumErrors.postNotFound();
  const changed = await ctx.db.transaction(async (tx) => {
    const done = change === 'add' ? await repo.insertReaction(tx, postId, actor.userId, kind) : await repo.deleteReaction(tx, postId, actor.userId, kind);
    if (done) {
      await writeAudit(tx, {
        orgId: board.orgId,
        actorId: actor.userId,
        action: change === 'add' ? 'forum_reaction.added' : 'forum_reaction.removed',
        entityType: 'forum_post',
        entityId: postId,
        data: { kind },
      });
    }
    return done;
  });
  if (changed) await publishInvalidation(ctx, thread.id, board.id);
  const [counts, mine] = await Promise.all([repo.countReactions(ctx.db, [postId]), repo.listMyReactions(ctx.db, [postId], actor.userId)]);
  const tally = tallyReactions(counts, mine);
  return { postId, reactions: tally.countsFor(postId), myReactions: tally.mineFor(postId) };
}
