import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** Polls while the request waits, so the status on screen stays current. */
export function useSupportRequest(id: string) {
  return useQuery({ queryKey: matchingKeys.request(id), queryFn: () => matchingApi.getSupportRequest(id), refetchInterval: (q) => (q.state.data?.status === 'waiting' ? 5000 : false) });
}

export function useQueue() {
  return useQuery({ queryKey: matchingKeys.queue, queryFn: matchingApi.listQueue, refetchInterval: 15_000 });
}

export function useMatchingMutation<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: matchingKeys.all }) });
}
