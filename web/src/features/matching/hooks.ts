import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLiveInvalidation } from '../../lib/use-live-invalidation.ts';
import { useMe } from '../auth/hooks.ts';
import * as matchingApi from './api.ts';

export const matchingKeys = {
  all: ['matching'] as const,
  groups: (text?: string) => ['matching', 'groups', text ?? ''] as const,
  request: (id: string) => ['matching', 'request', id] as const,
  queue: ['matching', 'queue'] as const,
  smallGroup: ['matching', 'small-group'] as const,
};

export function useGroupRecommendations(text?: string) {
  return useQuery({ queryKey: matchingKeys.groups(text), queryFn: () => matchingApi.getGroupRecommendations(text) });
}

/** How often a waiting request is re-read when no realtime push arrives (the socket is down or missed one). */
const FALLBACK_POLL_MS = 30_000;

/**
 * A request's status, pushed live: the server publishes an invalidation on my private `user:<id>` room when a
 * supporter accepts or the request goes to on-call, and the page refetches at once. Polling stays only as a slow
 * fallback while it waits.
 */
export function useSupportRequest(id: string) {
  const client = useQueryClient();
  const me = useMe();
  useLiveInvalidation(me ? `user:${me.id}` : null, (keys) => {
    if (keys.includes('matching.requests')) void client.invalidateQueries({ queryKey: matchingKeys.request(id) });
  });
  return useQuery({ queryKey: matchingKeys.request(id), queryFn: () => matchingApi.getSupportRequest(id), refetchInterval: (q) => (q.state.data?.status === 'waiting' ? FALLBACK_POLL_MS : false) });
}

export function useQueue() {
  return useQuery({ queryKey: matchingKeys.queue, queryFn: matchingApi.listQueue, refetchInterval: 15_000 });
}

export function useMatchingMutation<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: matchingKeys.all }) });
}
