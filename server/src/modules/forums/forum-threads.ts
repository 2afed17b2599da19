import { writeAudit } from '../../platform/db/index.ts';
import { ForumErrors } from './forums.access.ts';
import { presentPosts, publishInvalidation, type ForumContext, type ModerationNotice, type SafetyNotice } from './forums.context.ts';
import type { ForumActor } from './forums.policy.ts';
import { presentThread } from './forums.presenter.ts';
import * as repo from './forums.repo.ts';
import type { CreateThreadBody, ForumThread, PageQuery, ThreadView } from './forums.schemas.ts';
import { presentReadableBoard } from './forum-boards.ts';
import { canReviewHeldPosts } from './forums.policy.ts';

const heldViewer = (actor: ForumActor) => ({ userId: actor.userId, reviewer: canReviewHeldPosts(actor) });

/** Live threads of a readable board, most recent activity first, a page at a time. */
export async function listThreads(ctx: ForumContext, actor: ForumActor, boardId: string, page: PageQuery) {
  await ctx.access.readableBoard(actor, boardId);
  const rows = await repo.listThreads(ctx.db, boardId, { cursor: page.cursor, limit: page.limit + 1 }, heldViewer(actor));
  const threads: ForumThread[] = rows.slice(0, page.limit).map((row) => presentThread(row, { reply: true }));
  return { threads, nextCursor: rows.length > page.limit ? threads.at(-1)!.id : null };
}

/** Starts a thread: the thread and its opening post are written together, with one audit row. */
export async function createThread(
  ctx: ForumContext,
  actor: ForumActor,
  boardId: string,
  input: CreateThreadBody,
): Promise<ThreadView & { safety?: SafetyNotice; moderation?: ModerationNotice }> {
  const board = await ctx.access.readableBoard(actor, boardId);
  // Assessed before it is stored: an organization may hold urgent public posts until a person has looked.
  const screening = await ctx.screen?.screen(actor, `${input.title}\n${input.body}`, { publicForum: board.groupId === null });
  // Moderation after safety: it may redact or hold, never for words the assessment was worried about. Titles have no
  // blank lines, so the checked text splits back into title and body at the first one.
  const gate = await ctx.moderation?.check(actor, {
    kind: 'forum_post', text: `${input.title}\n\n${input.body}`, safetyLevel: screening?.level ?? 'none', place: { boardId: board.id, groupId: board.groupId },
  });
  const checked = gate ? gate.text.indexOf('\n\n') : -1;
  const body = checked >= 0 ? { ...input, title: gate!.text.slice(0, checked), body: gate!.text.slice(checked + 2) } : input;
  const heldAt = screening?.hold || gate?.hold ? ctx.now() : null;
  let openingPostId = '';
  const thread = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertThread(tx, { boardId: board.id, authorId: actor.userId, title: body.title, heldAt });
    const post = await repo.insertPost(tx, { threadId: row.id, authorId: actor.userId, body: body.body, contentNote: body.contentNote ?? null, heldAt });
    openingPostId = post.id;
    await writeAudit(tx, {
      orgId: board.orgId,
      actorId: actor.userId,
      action: 'forum_thread.created',
      entityType: 'forum_thread',
      entityId: row.id,
      data: { boardId: board.id, openingPostId: post.id, hasContentNote: post.contentNote !== null, held: heldAt !== null },
    });
    return row;
  });
  // Crisis routing runs before the board hears about the new thread.
  const safety = await screening?.route({ kind: 'forum_post', id: openingPostId });
  await gate?.record({ id: openingPostId });
  await publishInvalidation(ctx, thread.id, board.id);
  const view = await getThread(ctx, actor, thread.id, { limit: 50 });
  return { ...view, ...(safety ? { safety } : {}), ...(gate?.notice ? { moderation: gate.notice } : {}) };
}

/** A thread with a page of its posts (the opening post first), reactions and what the caller may do. */
export async function getThread(ctx: ForumContext, actor: ForumActor, threadId: string, page: PageQuery): Promise<ThreadView> {
  const { board } = await ctx.access.readableThread(actor, threadId);
  const [threadRow, rows, openingId, boardView] = await Promise.all([
    repo.findThreadListRow(ctx.db, threadId),
    repo.listPosts(ctx.db, threadId, { cursor: page.cursor, limit: page.limit + 1 }, heldViewer(actor)),
    repo.findOpeningPostId(ctx.db, threadId),
    presentReadableBoard(ctx, board.id),
  ]);
  if (!threadRow) throw ForumErrors.threadNotFound();
  const pageRows = rows.slice(0, page.limit);
  const posts = await presentPosts(ctx, actor, pageRows, openingId);
  // Reading counts toward trust levels; a failure there never fails the read.
  await ctx.onPostsRead?.(actor, { kind: 'thread', id: threadId }, posts.map((p) => ({ authorId: p.author?.id ?? null, createdAt: p.createdAt, hidden: p.heldForReview, deleted: p.removed }))).catch(() => {});
  return {
    board: boardView,
    thread: presentThread(threadRow, { reply: true }),
    posts,
    nextCursor: rows.length > page.limit ? pageRows.at(-1)!.post.id : null,
  };
}
