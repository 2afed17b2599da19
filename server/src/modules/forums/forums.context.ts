import type { Db } from '../../platform/db/index.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { Notify } from '../../platform/notify.ts';
import type { GroupsService } from '../groups/index.ts';
import type { ForumAccess } from './forums.access.ts';
import * as policy from './forums.policy.ts';
import type { ForumActor } from './forums.policy.ts';
import { presentPost, tallyReactions } from './forums.presenter.ts';
import * as repo from './forums.repo.ts';
import type { ForumPost } from './forums.schemas.ts';

/** What the author sees privately after a post that worried the safety check. */
export type SafetyNotice = { card: 'concern' | 'urgent'; aboutSomeoneElse: boolean; held?: boolean; notice?: string };

/**
 * The safety check, wired in main.ts (safety reads forums for case context, so forums must not import safety).
 * `screen` runs before the post is stored (an organization may hold urgent public posts for review); `route` after.
 */
export type PostScreen = {
  screen(author: { userId: string; orgId: string }, text: string, opts: { publicForum: boolean }): Promise<{
    level?: 'none' | 'concern' | 'urgent';
    hold: boolean;
    route(source: { kind: 'forum_post'; id: string }): Promise<SafetyNotice | null>;
  }>;
};

/** What moderation tells the author of a post it changed or held. */
export type ModerationNotice = { kind: 'held' | 'redacted' | 'censored'; message: string };

/**
 * Moderation, wired in main.ts (forums must not import it). `check` runs after the safety screen and before storing:
 * it throws a kind error to stop a post, or returns the words to store and whether to hold them for review. It never
 * holds or blocks words the safety screen was worried about.
 */
export type PostGate = {
  check(
    author: { userId: string; orgId: string; role: string },
    input: { kind: 'forum_post'; text: string; safetyLevel: 'none' | 'concern' | 'urgent'; place: { boardId: string; groupId: string | null; threadId?: string }; editOf?: string },
  ): Promise<{ text: string; hold: boolean; unhide: boolean; notice: ModerationNotice | null; record(source: { id: string }): Promise<void> }>;
};

/** What every forum use case needs. */
/** Told after a page of a thread was delivered to a reader (moderation counts posts read for trust levels; wired in main.ts). */
export type OnPostsRead = (
  reader: { userId: string; orgId: string },
  place: { kind: 'thread'; id: string },
  posts: { authorId: string | null; createdAt: string; hidden?: boolean; deleted?: boolean }[],
) => Promise<unknown>;

export type ForumContext = { db: Db; hub: RealtimeHub; groups: GroupsService; access: ForumAccess; now: () => Date; screen?: PostScreen; notify?: Notify; moderation?: PostGate; onPostsRead?: OnPostsRead };

/** Tells a thread's author someone replied (after commit; never the words, never who). A failure never fails the reply. */
export async function notifyReply(ctx: ForumContext, thread: { id: string; authorId: string | null }, post: { id: string; authorId: string | null }): Promise<void> {
  if (!ctx.notify || !thread.authorId || thread.authorId === post.authorId) return;
  await ctx.notify({ userId: thread.authorId, kind: 'forum.reply', url: `/forums/threads/${thread.id}`, params: { threadId: thread.id }, dedupeKey: `forum.reply:${post.id}` }).catch(() => {});
}

/** Presents posts of one readable thread with reaction counts, the caller's own reactions and abilities. */
export async function presentPosts(ctx: ForumContext, actor: ForumActor, rows: repo.PostListRow[], openingPostId: string | null): Promise<ForumPost[]> {
  const ids = rows.map((r) => r.post.id);
  const [counts, mine] = await Promise.all([repo.countReactions(ctx.db, ids), repo.listMyReactions(ctx.db, ids, actor.userId)]);
  const tally = tallyReactions(counts, mine);
  // Every post here belongs to a board the caller can read, so reading and replying are allowed.
  return rows.map((row) =>
    presentPost(row, {
      isOpening: row.post.id === openingPostId,
      reactions: tally.countsFor(row.post.id),
      myReactions: tally.mineFor(row.post.id),
      abilities: {
        reply: true,
        edit: policy.canEditPost(actor, row.post),
        delete: policy.canDeletePost(actor, row.post),
        react: policy.canReactToPost(true, row.post),
      },
    }),
  );
}

export async function presentOnePost(ctx: ForumContext, actor: ForumActor, postId: string): Promise<ForumPost> {
  const row = await repo.findPostListRow(ctx.db, postId);
  if (!row) throw new Error(`post ${postId} vanished while presenting it`);
  const openingId = await repo.findOpeningPostId(ctx.db, row.post.threadId);
  const [post] = await presentPosts(ctx, actor, [row], openingId);
  return post!;
}

/** Query keys the web refetches when a thread or a board changes. */
export function invalidationKeys(threadId: string, boardId: string) {
  return [`forums.thread.${threadId}`, `forums.board.${boardId}`];
}

/**
 * After commit, tells open thread and board pages to refetch. Best effort: the change is already saved, and a client
 * that misses this sees it on its next fetch.
 */
export async function publishInvalidation(ctx: ForumContext, threadId: string, boardId: string): Promise<void> {
  // A named value, not a literal: the hub's `Omit<RoomEvent, 'room'>` parameter type flattens the event union.
  const event = { type: 'invalidate' as const, keys: invalidationKeys(threadId, boardId) };
  await Promise.all([ctx.hub.publish(`thread:${threadId}`, event), ctx.hub.publish(`board:${boardId}`, event)]).catch(() => {});
}
