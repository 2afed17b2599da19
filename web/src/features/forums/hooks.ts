import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import * as forumsApi from './api.ts';
import { showSafetyCardFor } from '../safety/card-store.ts';
import { editCardAnchor, type EditChanges } from './edit.ts';

export const forumKeys = {
  all: ['forums'] as const,
  boards: ['forums', 'boards'] as const,
  board: (id: string) => ['forums', 'board', id] as const,
  threads: (boardId: string) => ['forums', 'threads', boardId] as const,
  thread: (id: string) => ['forums', 'thread', id] as const,
};

export function useBoards() {
  return useQuery({ queryKey: forumKeys.boards, queryFn: forumsApi.listBoards });
}

export function useBoard(id: string) {
  return useQuery({ queryKey: forumKeys.board(id), queryFn: () => forumsApi.getBoard(id) });
}

export function useThreads(boardId: string) {
  return useInfiniteQuery({
    queryKey: forumKeys.threads(boardId),
    queryFn: ({ pageParam }) => forumsApi.listThreads(boardId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useThread(threadId: string) {
  return useInfiniteQuery({
    queryKey: forumKeys.thread(threadId),
    queryFn: ({ pageParam }) => forumsApi.getThread(threadId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateThread(boardId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; body: string; contentNote?: string | null }) => forumsApi.createThread(boardId, body),
    onSuccess: (result) => {
      showSafetyCardFor(result);
      return client.invalidateQueries({ queryKey: forumKeys.all });
    },
  });
}

export function useCreatePost(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; contentNote?: string | null }) => forumsApi.createPost(threadId, body),
    onSuccess: (result) => {
      showSafetyCardFor(result);
      return client.invalidateQueries({ queryKey: forumKeys.all });
    },
  });
}

/** Saves an edit of my post. The server assesses new words again; its private card appears next to the post. */
export function useEditPost(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, changes }: { postId: string; changes: EditChanges }) => forumsApi.editPost(postId, changes),
    onSuccess: (result) => {
      showSafetyCardFor(result, editCardAnchor(result.id));
      return client.invalidateQueries({ queryKey: forumKeys.thread(threadId) });
    },
  });
}

export function useDeletePost(threadId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: forumsApi.deletePost, onSuccess: () => client.invalidateQueries({ queryKey: forumKeys.thread(threadId) }) });
}

/** Toggles a reaction and writes the server's counts straight into the cached thread. */
export function useReaction(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, kind, on }: { postId: string; kind: forumsApi.ReactionKind; on: boolean }) => forumsApi.setReaction(postId, kind, on),
    onSuccess: (state) => {
      client.setQueryData<InfiniteData<forumsApi.ThreadView>>(forumKeys.thread(threadId), (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((page) => ({
                ...page,
                posts: page.posts.map((p) => (p.id === state.postId ? { ...p, reactions: state.reactions, myReactions: state.myReactions } : p)),
              })),
            }
          : old,
      );
    },
  });
}
