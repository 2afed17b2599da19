import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useViewerZone } from '../auth/hooks.ts';
import * as sessionsApi from './api.ts';

export const sessionKeys = {
  all: ['sessions'] as const,
  upcoming: (tz: string) => ['sessions', 'upcoming', tz] as const,
  group: (groupId: string, tz: string) => ['sessions', 'group', groupId, tz] as const,
  detail: (id: string, tz: string) => ['sessions', 'detail', id, tz] as const,
};

export function useUpcomingSessions() {
  const tz = useViewerZone();
  // Refresh each minute so "join live room" appears when the room opens.
  return useQuery({ queryKey: sessionKeys.upcoming(tz), queryFn: () => sessionsApi.listUpcomingSessions(tz), refetchInterval: 60_000 });
}

export function useGroupSessions(groupId: string) {
  const tz = useViewerZone();
  return useQuery({ queryKey: sessionKeys.group(groupId, tz), queryFn: () => sessionsApi.listGroupSessions(groupId, tz), refetchInterval: 60_000 });
}

export function useSessionDetail(id: string) {
  const tz = useViewerZone();
  return useQuery({ queryKey: sessionKeys.detail(id, tz), queryFn: () => sessionsApi.getSession(id, tz) });
}

export function useRsvp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: sessionsApi.RsvpStatus }) => sessionsApi.setRsvp(id, status),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: sessionKeys.all }), client.invalidateQueries({ queryKey: ['groups'] })]),
  });
}

export function useCheckIn(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (code: string) => sessionsApi.checkIn(id, code), onSuccess: () => client.invalidateQueries({ queryKey: sessionKeys.all }) });
}

export function useCalendarFeedStatus() {
  return useQuery({ queryKey: ['calendar-feed'], queryFn: sessionsApi.getCalendarFeedStatus });
}

export function useCreateCalendarFeed() {
  const client = useQueryClient();
  return useMutation({ mutationFn: sessionsApi.createCalendarFeed, onSuccess: () => client.invalidateQueries({ queryKey: ['calendar-feed'] }) });
}

export function useRevokeCalendarFeed() {
  const client = useQueryClient();
  return useMutation({ mutationFn: sessionsApi.revokeCalendarFeed, onSuccess: () => client.invalidateQueries({ queryKey: ['calendar-feed'] }) });
}
