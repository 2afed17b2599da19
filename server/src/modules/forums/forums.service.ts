import type { Db } from '../../platform/db/index.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { Notify } from '../../platform/notify.ts';
import type { GroupsService } from '../groups/index.ts';
import { createForumAccess } from './forums.access.ts';
import type { ForumContext, OnPostsRead, PostGate, PostScreen } from './forums.context.ts';
import { createForumModerationHooks } from './forums.moderation.ts';
import type { ForumActor } from './forums.policy.ts';
import type { CreateBoardBody, CreatePostBody, CreateThreadBody, EditPostBody, PageQuery, ReactionKind } from './forums.schemas.ts';
import * as boards from './forum-boards.ts';
import * as threads from './forum-threads.ts';
import * as posts from './forum-posts.ts';
import * as repo from './forums.repo.ts';

export type ForumsService = ReturnType<typeof createForumsService>;

/**
 * Public and per-group boards, threads, replies and supportive reactions. Every method takes the acting person and
 * answers "not found" for anything they may not read.
 */
export function createForumsService(deps: { db: Db; hub: RealtimeHub; groups: GroupsService; now?: () => Date; screen?: PostScreen; notify?: Notify; moderation?: PostGate; onPostsRead?: OnPostsRead }) {
  const ctx: ForumContext = {
    db: deps.db,
    hub: deps.hub,
    groups: deps.groups,
    access: createForumAccess({ db: deps.db, groups: deps.groups }),
    now: deps.now ?? (() => new Date()),
    screen: deps.screen,
    notify: deps.notify,
    moderation: deps.moderation,
    onPostsRead: deps.onPostsRead,
  };
  return {
    ...createForumModerationHooks(ctx),
    listBoards: (actor: ForumActor) => boards.listBoards(ctx, actor),
    getBoard: (actor: ForumActor, boardId: string) => boards.getBoard(ctx, actor, boardId),
    createBoard: (actor: ForumActor, body: CreateBoardBody) => boards.createBoard(ctx, actor, body),
    getGroupBoard: (actor: ForumActor, groupId: string) => boards.getGroupBoard(ctx, actor, groupId),
    listThreads: (actor: ForumActor, boardId: string, page: PageQuery) => threads.listThreads(ctx, actor, boardId, page),
    createThread: (actor: ForumActor, boardId: string, body: CreateThreadBody) => threads.createThread(ctx, actor, boardId, body),
    getThread: (actor: ForumActor, threadId: string, page: PageQuery) => threads.getThread(ctx, actor, threadId, page),
    createReply: (actor: ForumActor, threadId: string, body: CreatePostBody) => posts.createReply(ctx, actor, threadId, body),
    editPost: (actor: ForumActor, postId: string, body: EditPostBody) => posts.editPost(ctx, actor, postId, body),
    deletePost: (actor: ForumActor, postId: string) => posts.deletePost(ctx, actor, postId),
    addReaction: (actor: ForumActor, postId: string, kind: ReactionKind) => posts.addReaction(ctx, actor, postId, kind),
    removeReaction: (actor: ForumActor, postId: string, kind: ReactionKind) => posts.removeReaction(ctx, actor, postId, kind),
    releaseHeldPost: (actor: ForumActor, postId: string) => posts.releaseHeldPost(ctx, actor, postId),
    /** For the safety case view (wired in main.ts): the post and its thread title, without an actor. */
    findPostForReview: (postId: string) => posts.findPostForReview(ctx, postId),
    /** Activity sources for a person's private rewards journey (wired in main.ts). */
    countReactionsReceived: (userId: string) => repo.countReactionsReceived(deps.db, userId),
    countRepliesWritten: (userId: string) => repo.listReplyDays(deps.db, userId),
    /** Used by the realtime channels: may this person watch this thread or board? */
    canReadThread: async (actor: ForumActor, threadId: string) => ctx.access.readableThread(actor, threadId).then(() => true, () => false),
    canReadBoard: async (actor: ForumActor, boardId: string) => ctx.access.readableBoard(actor, boardId).then(() => true, () => false),
  };
}
