import type { BoardWithStats, PostListRow, ThreadListRow } from './forums.repo.ts';
import type { ForumBoard, ForumPost, ForumThread, ReactionCounts, ReactionKind } from './forums.schemas.ts';

/** Shown in place of a removed post's words, so a conversation still reads in order. */
export const REMOVED_POST_TEXT = 'This post was removed.';

export function presentBoard(row: BoardWithStats, abilities: ForumBoard['abilities']): ForumBoard {
  const { board } = row;
  return {
    id: board.id,
    kind: board.groupId === null ? 'public' : 'group',
    groupId: board.groupId,
    slug: board.slug,
    name: board.name,
    description: board.description,
    threadCount: row.threadCount,
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
    createdAt: board.createdAt.toISOString(),
    abilities,
  };
}

export function presentThread(row: ThreadListRow, abilities: ForumThread['abilities']): ForumThread {
  const { thread } = row;
  return {
    id: thread.id,
    boardId: thread.boardId,
    title: thread.title,
    author: thread.authorId && row.authorName !== null ? { id: thread.authorId, displayName: row.authorName } : null,
    contentNote: row.contentNote,
    replyCount: thread.replyCount,
    heldForReview: thread.heldAt !== null,
    lastActivityAt: thread.lastActivityAt.toISOString(),
    createdAt: thread.createdAt.toISOString(),
    abilities,
  };
}

export type PostExtras = {
  isOpening: boolean;
  reactions: ReactionCounts;
  myReactions: ReactionKind[];
  abilities: ForumPost['abilities'];
};

/** A post as readers see it. A removed post keeps its place but not its words, author, note or reactions. */
export function presentPost(row: PostListRow, extras: PostExtras): ForumPost {
  const { post } = row;
  const removed = post.deletedAt !== null;
  return {
    id: post.id,
    threadId: post.threadId,
    author: !removed && post.authorId && row.authorName !== null ? { id: post.authorId, displayName: row.authorName } : null,
    body: removed ? REMOVED_POST_TEXT : post.body,
    contentNote: removed ? null : post.contentNote,
    isOpening: extras.isOpening,
    heldForReview: post.heldAt !== null,
    removed,
    createdAt: post.createdAt.toISOString(),
    editedAt: removed ? null : (post.editedAt?.toISOString() ?? null),
    reactions: removed ? emptyCounts() : extras.reactions,
    myReactions: removed ? [] : extras.myReactions,
    abilities: extras.abilities,
  };
}

export function emptyCounts(): ReactionCounts {
  return { hug: 0, thank_you: 0, me_too: 0 };
}

/** Folds reaction rows into per-post counts and the caller's own reactions. */
export function tallyReactions(
  counts: { postId: string; kind: ReactionKind; count: number }[],
  mine: { postId: string; kind: ReactionKind }[],
) {
  const byPost = new Map<string, ReactionCounts>();
  for (const c of counts) {
    const entry = byPost.get(c.postId) ?? emptyCounts();
    entry[c.kind] = c.count;
    byPost.set(c.postId, entry);
  }
  const myByPost = new Map<string, ReactionKind[]>();
  for (const m of mine) myByPost.set(m.postId, [...(myByPost.get(m.postId) ?? []), m.kind]);
  return {
    countsFor: (postId: string) => byPost.get(postId) ?? emptyCounts(),
    mineFor: (postId: string) => (myByPost.get(postId) ?? []).sort(),
  };
}
