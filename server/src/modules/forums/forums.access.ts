import type { Db } from '../../platform/db/index.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { GroupsService } from '../groups/index.ts';
import * as policy from './forums.policy.ts';
import type { ForumActor } from './forums.policy.ts';
import * as repo from './forums.repo.ts';

export const ForumErrors = {
  boardNotFound: () => CommonErrors.notFound('That board'),
  groupBoardNotFound: () => CommonErrors.notFound('That group board'),
  threadNotFound: () => CommonErrors.notFound('That thread'),
  postNotFound: () => CommonErrors.notFound('That post'),
  cannotCreateBoard: () =>
    new AppError('forbidden', 403, 'Only moderators and admins can create public boards. If a new board would help, please suggest it to a moderator.'),
  cannotEditPost: () =>
    new AppError('forbidden', 403, 'You can only edit your own posts. If something here worries you, please let a moderator know.'),
  cannotDeletePost: () =>
    new AppError('forbidden', 403, 'You can only remove your own posts. If a post worries you, please let a moderator know and they will take a look.'),
  slugTaken: () =>
    new AppError('slug_taken', 409, 'Another board already uses that short name. Please choose a different one.', [{ path: 'slug', message: 'Already in use.' }]),
};

export type ForumAccess = ReturnType<typeof createForumAccess>;

/**
 * Loads boards, threads and posts only when the actor may read them. Anything unreadable is "not found" (404, never
 * 403), so a group's private board does not reveal that it exists.
 */
export function createForumAccess(deps: { db: Db; groups: GroupsService }) {
  const { db, groups } = deps;

  async function canRead(actor: ForumActor, board: repo.BoardRow): Promise<boolean> {
    const isActiveGroupMember =
      board.groupId !== null && board.orgId === actor.orgId ? await groups.isActiveMember(board.groupId, actor.userId) : false;
    return policy.canReadBoard(actor, { board, isActiveGroupMember });
  }

  async function readableBoard(actor: ForumActor, boardId: string) {
    const board = await repo.findBoard(db, boardId);
    if (!board || !(await canRead(actor, board))) throw ForumErrors.boardNotFound();
    return board;
  }

  async function readableThread(actor: ForumActor, threadId: string) {
    const thread = await repo.findThread(db, threadId);
    if (!thread) throw ForumErrors.threadNotFound();
    const board = await repo.findBoard(db, thread.boardId);
    if (!board || !(await canRead(actor, board)) || !policy.canSeeHeld(actor, thread)) throw ForumErrors.threadNotFound();
    return { thread, board };
  }

  /** A post in a live thread the actor can read; removed posts load too, as tombstones. */
  async function readablePost(actor: ForumActor, postId: string) {
    const post = await repo.findPost(db, postId);
    if (!post) throw ForumErrors.postNotFound();
    const thread = await repo.findThread(db, post.threadId);
    const board = thread ? await repo.findBoard(db, thread.boardId) : null;
    if (!thread || !board || !(await canRead(actor, board)) || !policy.canSeeHeld(actor, post) || !policy.canSeeHeld(actor, thread)) throw ForumErrors.postNotFound();
    return { post, thread, board };
  }

  return { canRead, readableBoard, readableThread, readablePost };
}
