import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../auth/hooks.ts';
import { privacyApi } from './api.ts';

export const dataSummaryKey = ['privacy', 'summary'] as const;

/** How many records each part of Hearth holds about me. */
export function useDataSummary() {
  return useQuery({ queryKey: dataSummaryKey, queryFn: privacyApi.summary });
}

/** Deletes the account; afterwards nothing cached about the person stays in the page. */
export function useDeleteAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: privacyApi.deleteAccount,
    onSuccess: () => {
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}
