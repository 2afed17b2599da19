import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { forumBoards, forumPosts, forumReactions, forumThreads, users } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { ReactionKind } from './forums.schemas.ts';

export type BoardRow = typeof forumBoards.$inferSelect;
export type ThreadRow = typeof forumThreads.$inferSelect;
export type PostRow = typeof forumPosts.$inferSelect;

/** A board with the numbers a board list shows. */
export type BoardWithStats = { board: BoardRow; threadCount: number; lastActivityAt: Date | null };
/** A thread with its author's name and its opening post's content note. */
export type ThreadListRow = { thread: ThreadRow; authorName: string | null; contentNote: string | null };
export type PostListRow = { post: PostRow; authorName: string | null };
/** Who is looking: held posts are listed only for their author and for reviewers. */
export type HeldViewer = { userId: string; reviewer: boolean };

const boardStats = {
  threadCount: sql<number>`(select count(*)::int from forum_threads t where t.board_id = ${forumBoards.id} and t.deleted_at is null and t.held_at is null)`,
  lastActivityAt: sql<Date | null>`(select max(t.last_activity_at) from forum_threads t where t.board_id = ${forumBoards.id} and t.deleted_at is null)`.mapWith(
    (v: string | Date | null) => (v === null ? null : new Date(v)),
  ),
};

/** Public boards of the organization, then the boards of the given groups (the caller's active memberships). */
export async function listVisibleBoards(db: DbOrTx, orgId: string, groupIds: string[]): Promise<BoardWithStats[]> {
  const visible = groupIds.length > 0 ? or(isNull(forumBoards.groupId), inArray(forumBoards.groupId, groupIds)) : isNull(forumBoards.groupId);
  return db
    .select({ board: forumBoards, ...boardStats })
    .from(forumBoards)
    .where(and(eq(forumBoards.orgId, orgId), visible))
    .orderBy(sql`${forumBoards.groupId} is not null`, asc(forumBoards.name));
}

export async function findBoard(db: DbOrTx, id: string): Promise<BoardRow | null> {
  const [row] = await db.select().from(forumBoards).where(eq(forumBoards.id, id));
  return row ?? null;
}

export async function findBoardWithStats(db: DbOrTx, id: string): Promise<BoardWithStats | null> {
  const [row] = await db.select({ board: forumBoards, ...boardStats }).from(forumBoards).where(eq(forumBoards.id, id));
  return row ?? null;
}

export async function findBoardByGroup(db: DbOrTx, groupId: string): Promise<BoardRow | null> {
  const [row] = await db.select().from(forumBoards).where(eq(forumBoards.groupId, groupId));
  return row ?? null;
}

export async function findBoardBySlug(db: DbOrTx, orgId: string, slug: string): Promise<BoardRow | null> {
  const [row] = await db.select().from(forumBoards).where(and(eq(forumBoards.orgId, orgId), eq(forumBoards.slug, slug)));
  return row ?? null;
}

/** Inserts a board, or returns null when its slug is already taken (two first visits to a group board can race). */
export async function insertBoardIfAbsent(db: DbOrTx, values: typeof forumBoards.$inferInsert): Promise<BoardRow | null> {
  const [row] = await db.insert(forumBoards).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function insertThread(db: DbOrTx, values: typeof forumThreads.$inferInsert): Promise<ThreadRow> {
  const [row] = await db.insert(forumThreads).values(values).returning();
  return row!;
}

/** A live (not removed) thread. */
export async function findThread(db: DbOrTx, id: string): Promise<ThreadRow | null> {
  const [row] = await db.select().from(forumThreads).where(and(eq(forumThreads.id, id), isNull(forumThreads.deletedAt)));
  return row ?? null;
}

const openingNote = sql<string | null>`(select p.content_note from forum_posts p where p.thread_id = ${forumThreads.id} order by p.created_at, p.id limit 1)`;

export async function findThreadListRow(db: DbOrTx, id: string): Promise<ThreadListRow | null> {
  const [row] = await db
    .select({ thread: forumThreads, authorName: users.displayName, contentNote: openingNote })
    .from(forumThreads)
    .leftJoin(users, eq(users.id, forumThreads.authorId))
    .where(and(eq(forumThreads.id, id), isNull(forumThreads.deletedAt)));
  return row ?? null;
}

/** Live threads of a board, most recent activity first; `cursor` is the last thread id of the previous page. */
export async function listThreads(db: DbOrTx, boardId: string, page: { cursor?: string; limit: number }, viewer: HeldViewer): Promise<ThreadListRow[]> {
  const after = page.cursor
    ? sql`(${forumThreads.lastActivityAt}, ${forumThreads.id}) < (select c.last_activity_at, c.id from forum_threads c where c.id = ${page.cursor})`
    : undefined;
  return db
    .select({ thread: forumThreads, authorName: users.displayName, contentNote: openingNote })
    .from(forumThreads)
    .leftJoin(users, eq(users.id, forumThreads.authorId))
    .where(and(eq(forumThreads.boardId, boardId), isNull(forumThreads.deletedAt), after, viewer.reviewer ? undefined : or(isNull(forumThreads.heldAt), eq(forumThreads.authorId, viewer.userId))))
    .orderBy(desc(forumThreads.lastActivityAt), desc(forumThreads.id))
    .limit(page.limit);
}

/** Counts a new reply and moves the thread to the top of its board, in the reply's transaction. */
export async function recordReply(db: DbOrTx, threadId: string, at: Date): Promise<void> {
  await db
    .update(forumThreads)
    .set({ replyCount: sql`${forumThreads.replyCount} + 1`, lastActivityAt: sql`greatest(${forumThreads.lastActivityAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(forumThreads.id, threadId));
}

export async function recordReplyRemoved(db: DbOrTx, threadId: string): Promise<void> {
  await db
    .update(forumThreads)
    .set({ replyCount: sql`greatest(${forumThreads.replyCount} - 1, 0)` })
    .where(eq(forumThreads.id, threadId));
}

export async function softDeleteThread(db: DbOrTx, threadId: string, at: Date): Promise<void> {
  await db.update(forumThreads).set({ deletedAt: at }).where(eq(forumThreads.id, threadId));
}

export async function insertPost(db: DbOrTx, values: typeof forumPosts.$inferInsert): Promise<PostRow> {
  const [row] = await db.insert(forumPosts).values(values).returning();
  return row!;
}

export async function findPost(db: DbOrTx, id: string): Promise<PostRow | null> {
  const [row] = await db.select().from(forumPosts).where(eq(forumPosts.id, id));
  return row ?? null;
}

export async function findPostListRow(db: DbOrTx, id: string): Promise<PostListRow | null> {
  const [row] = await db
    .select({ post: forumPosts, authorName: users.displayName })
    .from(forumPosts)
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .where(eq(forumPosts.id, id));
  return row ?? null;
}

/** The opening post is the thread's first post. */
export async function findOpeningPostId(db: DbOrTx, threadId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: forumPosts.id })
    .from(forumPosts)
    .where(eq(forumPosts.threadId, threadId))
    .orderBy(asc(forumPosts.createdAt), asc(forumPosts.id))
    .limit(1);
  return row?.id ?? null;
}

/** Posts of a thread, oldest first, removed ones included as tombstones; `cursor` is the last post id seen. */
export async function listPosts(db: DbOrTx, threadId: string, page: { cursor?: string; limit: number }, viewer: HeldViewer): Promise<PostListRow[]> {
  const after = page.cursor
    ? sql`(${forumPosts.createdAt}, ${forumPosts.id}) > (select c.created_at, c.id from forum_posts c where c.id = ${page.cursor})`
    : undefined;
  return db
    .select({ post: forumPosts, authorName: users.displayName })
    .from(forumPosts)
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .where(and(eq(forumPosts.threadId, threadId), after, viewer.reviewer ? undefined : or(isNull(forumPosts.heldAt), eq(forumPosts.authorId, viewer.userId))))
    .orderBy(asc(forumPosts.createdAt), asc(forumPosts.id))
    .limit(page.limit);
}

export async function updatePost(db: DbOrTx, id: string, values: Partial<typeof forumPosts.$inferInsert>): Promise<PostRow> {
  const [row] = await db.update(forumPosts).set(values).where(eq(forumPosts.id, id)).returning();
  return row!;
}

/** Marks a live post removed; false when it was already removed (a double click, or two moderators at once). */
export async function softDeletePost(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(forumPosts)
    .set({ deletedAt: at })
    .where(and(eq(forumPosts.id, id), isNull(forumPosts.deletedAt)))
    .returning({ id: forumPosts.id });
  return rows.length > 0;
}

export async function countReactions(db: DbOrTx, postIds: string[]): Promise<{ postId: string; kind: ReactionKind; count: number }[]> {
  if (postIds.length === 0) return [];
  return db
    .select({ postId: forumReactions.postId, kind: forumReactions.kind, count: sql<number>`count(*)::int` })
    .from(forumReactions)
    .where(inArray(forumReactions.postId, postIds))
    .groupBy(forumReactions.postId, forumReactions.kind);
}

export async function listMyReactions(db: DbOrTx, postIds: string[], userId: string): Promise<{ postId: string; kind: ReactionKind }[]> {
  if (postIds.length === 0) return [];
  return db
    .select({ postId: forumReactions.postId, kind: forumReactions.kind })
    .from(forumReactions)
    .where(and(inArray(forumReactions.postId, postIds), eq(forumReactions.userId, userId)));
}

/** Adds a reaction; false when the person had already given it (reactions are idempotent). */
export async function insertReaction(db: DbOrTx, postId: string, userId: string, kind: ReactionKind): Promise<boolean> {
  const rows = await db.insert(forumReactions).values({ postId, userId, kind }).onConflictDoNothing().returning({ id: forumReactions.id });
  return rows.length > 0;
}

export async function deleteReaction(db: DbOrTx, postId: string, userId: string, kind: ReactionKind): Promise<boolean> {
  const rows = await db
    .delete(forumReactions)
    .where(and(eq(forumReactions.postId, postId), eq(forumReactions.userId, userId), eq(forumReactions.kind, kind)))
    .returning({ id: forumReactions.id });
  return rows.length > 0;
}

/** Releases a held post (and its thread when it is the opening post); false when it was not held. */
export async function releaseHeldPost(db: DbOrTx, postId: string, threadId: string, isOpening: boolean): Promise<boolean> {
  const rows = await db.update(forumPosts).set({ heldAt: null }).where(and(eq(forumPosts.id, postId), sql`${forumPosts.heldAt} is not null`)).returning({ id: forumPosts.id });
  if (rows.length > 0 && isOpening) await db.update(forumThreads).set({ heldAt: null }).where(eq(forumThreads.id, threadId));
  return rows.length > 0;
}

/** Supportive reactions other people gave to a person's live posts (their own reactions do not count). */
export async function countReactionsReceived(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(forumReactions)
    .innerJoin(forumPosts, eq(forumPosts.id, forumReactions.postId))
    .where(and(eq(forumPosts.authorId, userId), isNull(forumPosts.deletedAt), sql`${forumReactions.userId} <> ${userId}`));
  return row?.n ?? 0;
}

/** Replies a person wrote in other people's threads, and when (rewards places them in the person's own time zone). */
export async function listReplyDays(db: DbOrTx, userId: string): Promise<{ count: number; moments: Date[] }> {
  const rows = await db
    .select({ at: forumPosts.createdAt })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.authorId, userId), isNull(forumPosts.deletedAt), sql`${forumThreads.authorId} is distinct from ${userId}`));
  return { count: rows.length, moments: rows.map((r) => r.at) };
}
