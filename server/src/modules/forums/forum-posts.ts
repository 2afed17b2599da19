import { writeAudit } from '../../platform/db/index.ts';
import { ForumErrors } from './forums.access.ts';
import { presentOnePost, publishInvalidation, type ForumContext } from './forums.context.ts';
import * as policy from './forums.policy.ts';
import type { ForumActor } from './forums.policy.ts';
import { tallyReactions } from './forums.presenter.ts';
import * as repo from './forums.repo.ts';
import type { CreatePostBody, EditPostBody, ForumPost, ReactionKind } from './forums.schemas.ts';

/** Replies to a thread; the reply count and last activity move in the same transaction. */
export async function createReply(ctx: ForumContext, actor: ForumActor, threadId: string, body: CreatePostBody): Promise<ForumPost> {
  const { thread, board } = await ctx.access.readableThread(actor, threadId);
  const post = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertPost(tx, { threadId, authorId: actor.userId, body: body.body, contentNote: body.contentNote ?? null });
    await repo.recordReply(tx, threadId, row.createdAt);
    await writeAudit(tx, {
      orgId: board.orgId,
      actorId: actor.userId,
      action: 'forum_post.created',
      entityType: 'forum_post',
      entityId: row.id,
      data: { threadId, boardId: board.id, hasContentNote: row.contentNote !== null },
    });
    return row;
  });
  await publishInvalidation(ctx, thread.id, board.id);
  return presentOnePost(ctx, actor, post.id);
}

/** Authors change the words or the content note of their own post. */
export async function editPost(ctx: ForumContext, actor: ForumActor, postId: string, body: EditPostBody): Promise<ForumPost> {
  const { post, thread, board } = await ctx.access.readablePost(actor, postId);
  if (post.deletedAt) throw ForumErrors.postNotFound();
  if (!policy.canEditPost(actor, post)) throw ForumErrors.cannotEditPost();
  await ctx.db.transaction(async (tx) => {
    await repo.updatePost(tx, postId, {
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(body.contentNote !== undefined ? { contentNote: body.contentNote } : {}),
      editedAt: ctx.now(),
    });
    await writeAudit(tx, {
      orgId: board.orgId,
      actorId: actor.userId,
      action: 'forum_post.edited',
      entityType: 'forum_post',
      entityId: postId,
      data: { threadId: thread.id, fields: Object.keys(body).filter((k) => body[k as keyof EditPostBody] !== undefined) },
    });
  });
  await publishInvalidation(ctx, thread.id, board.id);
  return presentOnePost(ctx, actor, postId);
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
