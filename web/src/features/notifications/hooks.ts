import { useEffect } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServerEvent } from '@hearth/contracts';
import { getRealtimeClient } from '../../lib/realtime-client.ts';
import { useMe } from '../auth/hooks.ts';
import * as notificationsApi from './api.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** The unread count for the bell, kept live from my private `user:<id>` room (any tab, any device). */
export function useUnreadCount() {
  const me = useMe();
  const client = useQueryClient();
  const query = useQuery({ queryKey: notificationKeys.unread, queryFn: notificationsApi.getUnreadCount, enabled: Boolean(me), staleTime: 60_000 });
  const myId = me?.id ?? null;
  useEffect(() => {
    if (!myId) return;
    return getRealtimeClient().subscribe(
      `user:${myId}`,
      (event: ServerEvent) => {
        if (event.type !== 'notification.created' && event.type !== 'notification.read') return;
        client.setQueryData(notificationKeys.unread, { unreadCount: event.unreadCount });
        if (event.type === 'notification.created') void client.invalidateQueries({ queryKey: notificationKeys.list });
      },
      () => 0,
    );
  }, [myId, client]);
  return me ? (query.data?.unreadCount ?? 0) : 0;
}

export function useNotificationList() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => notificationsApi.listNotifications(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

function useRefreshAfter<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }) });
}

export const useMarkRead = () => useRefreshAfter((id: string) => notificationsApi.markRead(id));
export const useMarkAllRead = () => useRefreshAfter(() => notificationsApi.markAllRead());

export function usePreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.getPreferences });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({ mutationFn: notificationsApi.savePreferences, onSuccess: (prefs) => client.setQueryData(notificationKeys.preferences, prefs) });
}
