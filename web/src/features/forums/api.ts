import { api, toQuery } from '../../lib/api-client.ts';
import type { SafetyCard } from '../safety/api.ts';

export type ReactionKind = 'hug' | 'thank_you' | 'me_too';
export const REACTION_KINDS: ReactionKind[] = ['hug', 'thank_you', 'me_too'];
export type ReactionCounts = Record<ReactionKind, number>;
export type Author = { id: string; displayName: string } | null;

export type ForumBoard = {
  id: string;
  kind: 'public' | 'group';
  groupId: string | null;
  slug: string;
  name: string;
  description: string;
  threadCount: number;
  lastActivityAt: string | null;
  createdAt: string;
  abilities: { post: boolean };
};

export type ForumThread = {
  id: string;
  boardId: string;
  title: string;
  author: Author;
  contentNote: string | null;
  replyCount: number;
  lastActivityAt: string;
  createdAt: string;
  abilities: { reply: boolean };
};

export type ForumPost = {
  id: string;
  threadId: string;
  author: Author;
  body: string;
  contentNote: string | null;
  isOpening: boolean;
  heldForReview: boolean;
  removed: boolean;
  createdAt: string;
  editedAt: string | null;
  reactions: ReactionCounts;
  myReactions: ReactionKind[];
  abilities: { reply: boolean; edit: boolean; delete: boolean; react: boolean };
};

export type ThreadView = { board: ForumBoard; thread: ForumThread; posts: ForumPost[]; nextCursor: string | null };
export type ThreadPage = { threads: ForumThread[]; nextCursor: string | null };
export type ReactionState = { postId: string; reactions: ReactionCounts; myReactions: ReactionKind[] };

export const listBoards = () => api.get<{ boards: ForumBoard[] }>('/api/forums/boards');
export const getBoard = (id: string) => api.get<ForumBoard>(`/api/forums/boards/${id}`);
export const getGroupBoard = (groupId: string) => api.get<ForumBoard>(`/api/groups/${groupId}/board`);
export const listThreads = (boardId: string, cursor?: string) => api.get<ThreadPage>(`/api/forums/boards/${boardId}/threads${toQuery({ cursor })}`);
export const createThread = (boardId: string, body: { title: string; body: string; contentNote?: string | null }) =>
  api.post<ThreadView>(`/api/forums/boards/${boardId}/threads`, body);
export const getThread = (threadId: string, cursor?: string) => api.get<ThreadView>(`/api/forums/threads/${threadId}${toQuery({ cursor })}`);
export const createPost = (threadId: string, body: { body: string; contentNote?: string | null }) => api.post<ForumPost>(`/api/forums/threads/${threadId}/posts`, body);
/** What an edit returns: the post, plus (for its author only) the private support card when the new words need it. */
export type EditedPost = ForumPost & { safety?: SafetyCard };
export const editPost = (postId: string, body: { body?: string; contentNote?: string | null }) => api.patch<EditedPost>(`/api/forums/posts/${postId}`, body);
export const deletePost = (postId: string) => api.delete<{ ok: true; threadRemoved: boolean }>(`/api/forums/posts/${postId}`);
export const setReaction = (postId: string, kind: ReactionKind, on: boolean) =>
  on ? api.put<ReactionState>(`/api/forums/posts/${postId}/reactions/${kind}`) : api.delete<ReactionState>(`/api/forums/posts/${postId}/reactions/${kind}`);
