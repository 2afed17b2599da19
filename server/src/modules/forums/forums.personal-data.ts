import { eq, sql } from 'drizzle-orm';
import { forumPosts, forumReactions, forumThreads } from '../../db/schema/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';

/** Shown as the title of a thread whose author deleted their account; replies by others stay readable. */
export const ERASED_THREAD_TITLE = 'A conversation whose author has left';

/**
 * The forums part of "export my data" and "delete my account" (the module's personal-data repo).
 * Posts keep their place in a thread but lose their words and author, like a removed post.
 */
export function createForumsPersonalData(deps: { db: Db }): PersonalDataContributor {
  const { db } = deps;
  return {
    name: 'forums',
    async export(userId) {
      const threads = await db
        .select({ id: forumThreads.id, title: forumThreads.title, createdAt: forumThreads.createdAt })
        .from(forumThreads)
        .where(eq(forumThreads.authorId, userId));
      const posts = await db
        .select({ id: forumPosts.id, threadId: forumPosts.threadId, body: forumPosts.body, contentNote: forumPosts.contentNote, createdAt: forumPosts.createdAt, editedAt: forumPosts.editedAt, deletedAt: forumPosts.deletedAt })
        .from(forumPosts)
        .where(eq(forumPosts.authorId, userId));
      const reactions = await db
        .select({ postId: forumReactions.postId, kind: forumReactions.kind, createdAt: forumReactions.createdAt })
        .from(forumReactions)
        .where(eq(forumReactions.userId, userId));
      return { threads, posts, reactions };
    },
    async erase(tx: Tx, userId) {
      await tx.delete(forumReactions).where(eq(forumReactions.userId, userId));
      await tx
        .update(forumPosts)
        .set({ body: '', contentNote: null, authorId: null, editedAt: null, deletedAt: sql`coalesce(${forumPosts.deletedAt}, now())` })
        .where(eq(forumPosts.authorId, userId));
      await tx.update(forumThreads).set({ title: ERASED_THREAD_TITLE, authorId: null }).where(eq(forumThreads.authorId, userId));
    },
  };
}
