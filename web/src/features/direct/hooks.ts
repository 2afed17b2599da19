import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as directApi from './api.ts';

export const directKeys = { all: ['direct'] as const, list: ['direct', 'list'] as const, one: (id: string) => ['direct', 'one', id] as const, supporters: ['direct', 'supporters'] as const };

export function useSupporters() {
  return useQuery({ queryKey: directKeys.supporters, queryFn: directApi.listSupporters });
}

export function useConversations() {
  return useQuery({ queryKey: directKeys.list, queryFn: directApi.listConversations, refetchInterval: 30_000 });
}

export function useConversation(id: string) {
  return useQuery({ queryKey: directKeys.one(id), queryFn: () => directApi.getConversation(id) });
}

export function useRequestConversation() {
  const client = useQueryClient();
  return useMutation({ mutationFn: directApi.requestConversation, onSuccess: () => client.invalidateQueries({ queryKey: directKeys.all }) });
}

export function useRespondToConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'accept' | 'decline' | 'close' }) => directApi.respondToConversation(id, action),
    onSuccess: () => client.invalidateQueries({ queryKey: directKeys.all }),
  });
}
