import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { forumPosts, forumReactions, forumThreads, users } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

/** Hides a published post (and its thread, when it is the opening post). Returns false when it was already hidden. */
export async function holdPost(db: DbOrTx, postId: string, threadId: string, isOpening: boolean, at: Date): Promise<boolean> {
  const rows = await db.update(forumPosts).set({ heldAt: at }).where(and(eq(forumPosts.id, postId), isNull(forumPosts.heldAt))).returning({ id: forumPosts.id });
  if (rows.length > 0 && isOpening) await db.update(forumThreads).set({ heldAt: at }).where(eq(forumThreads.id, threadId));
  return rows.length > 0;
}

/** Posts just before and after one post in its thread, each side nearest first. */
export async function listPostsBeside(db: DbOrTx, threadId: string, at: { createdAt: Date; id: string }, side: 'before' | 'after', limit: number) {
  const cursor = sql`(${forumPosts.createdAt}, ${forumPosts.id})`;
  const point = sql`(${at.createdAt.toISOString()}::timestamptz, ${at.id}::uuid)`;
  return db
    .select({ post: forumPosts, authorName: users.displayName })
    .from(forumPosts)
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .where(and(eq(forumPosts.threadId, threadId), side === 'before' ? sql`${cursor} < ${point}` : sql`${cursor} > ${point}`))
    .orderBy(...(side === 'before' ? [desc(forumPosts.createdAt), desc(forumPosts.id)] : [asc(forumPosts.createdAt), asc(forumPosts.id)]))
    .limit(limit);
}

/** Supportive reactions other people gave to a person's live posts (for trust levels). */
export async function countReactionsReceived(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(forumReactions)
    .innerJoin(forumPosts, eq(forumPosts.id, forumReactions.postId))
    .where(and(eq(forumPosts.authorId, userId), isNull(forumPosts.deletedAt), sql`${forumReactions.userId} <> ${userId}`));
  return row?.n ?? 0;
}

