import { writeAudit } from '../../platform/db/index.ts';
import { publishInvalidation, type ForumContext } from './forums.context.ts';
import * as repo from './forums.repo.ts';
import * as modRepo from './forums.moderation.repo.ts';

/** A forum post as moderation sees it: its words (always), where it is, and whether it is hidden. */
export type PostForModeration = {
  id: string;
  threadId: string;
  boardId: string;
  orgId: string;
  groupId: string | null;
  authorId: string | null;
  authorName: string | null;
  title: string;
  body: string;
  hidden: boolean;
  deleted: boolean;
  createdAt: Date;
};

/**
 * What the moderation module needs from forums (wired in main.ts; forums never imports moderation). Hiding reuses
 * the held state: a hidden post is seen only by its author and reviewers, is not counted, and is never a silent drop.
 * No actor: the moderation policy has already decided.
 */
export function createForumModerationHooks(ctx: ForumContext) {
  const { db } = ctx;

  async function findPostForModeration(postId: string): Promise<PostForModeration | null> {
    const row = await repo.findPostListRow(db, postId);
    const thread = row && (await repo.findThread(db, row.post.threadId));
    const board = thread && (await repo.findBoard(db, thread.boardId));
    if (!row || !thread || !board) return null;
    const { post } = row;
    return {
      id: post.id, threadId: thread.id, boardId: board.id, orgId: board.orgId, groupId: board.groupId, authorId: post.authorId, authorName: row.authorName,
      title: thread.title, body: post.deletedAt ? '' : post.body, hidden: post.heldAt !== null, deleted: post.deletedAt !== null, createdAt: post.createdAt,
    };
  }

  return {
    findPostForModeration,

    /** Hides or shows a post for everyone but its author and reviewers; the reply count follows. */
    async setPostHidden(postId: string, hidden: boolean, at: Date, moderatorId: string | null): Promise<void> {
      const found = await findPostForModeration(postId);
      if (!found || found.deleted) return;
      const isOpening = (await repo.findOpeningPostId(db, found.threadId)) === postId;
      await db.transaction(async (tx) => {
        const changed = hidden ? await modRepo.holdPost(tx, postId, found.threadId, isOpening, at) : await repo.releaseHeldPost(tx, postId, found.threadId, isOpening);
        if (!changed) return;
        if (!isOpening) await (hidden ? repo.recordReplyRemoved(tx, found.threadId) : repo.recordReply(tx, found.threadId, at));
        await writeAudit(tx, {
          orgId: found.orgId, actorId: moderatorId, action: hidden ? 'forum_post.hidden' : 'forum_post.unhidden', entityType: 'forum_post', entityId: postId, data: { threadId: found.threadId },
        });
      });
      await publishInvalidation(ctx, found.threadId, found.boardId);
    },

    /** The posts around one post, oldest first, with their words, for a moderator reviewing it in context. */
    async listPostsAround(postId: string, around: number) {
      const target = await repo.findPostListRow(db, postId);
      if (!target) return [];
      const [before, after] = await Promise.all([
        modRepo.listPostsBeside(db, target.post.threadId, target.post, 'before', around),
        modRepo.listPostsBeside(db, target.post.threadId, target.post, 'after', around),
      ]);
      return [...before.reverse(), target, ...after].map(({ post, authorName }) => ({
        id: post.id,
        author: post.authorId ? { id: post.authorId, displayName: authorName ?? '' } : null,
        body: post.deletedAt ? '' : post.body,
        createdAt: post.createdAt.toISOString(),
        hidden: post.heldAt !== null,
      }));
    },

    countReactionsReceived: (userId: string) => modRepo.countReactionsReceived(db, userId),
  };
}
