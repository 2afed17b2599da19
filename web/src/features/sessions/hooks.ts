import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useViewerZone } from '../auth/hooks.ts';
import * as sessionsApi from './api.ts';

export const sessionKeys = {
  all: ['sessions'] as const,
  upcoming: (tz: string) => ['sessions', 'upcoming', tz] as const,
  privateUpcoming: (tz: string) => ['sessions', 'private', tz] as const,
  group: (groupId: string, tz: string) => ['sessions', 'group', groupId, tz] as const,
  detail: (id: string, tz: string) => ['sessions', 'detail', id, tz] as const,
};

export function useUpcomingSessions() {
  const tz = useViewerZone();
  // Refresh each minute so "join live room" appears when the room opens.
  return useQuery({ queryKey: sessionKeys.upcoming(tz), queryFn: () => sessionsApi.listUpcomingSessions(tz), refetchInterval: 60_000 });
}

/** My private sessions (supervision) for my own lists; the server only ever returns ones I take part in. */
export function useMyPrivateSessions() {
  const tz = useViewerZone();
  return useQuery({ queryKey: sessionKeys.privateUpcoming(tz), queryFn: () => sessionsApi.listMyPrivateSessions(tz), refetchInterval: 60_000 });
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

const scheduleKeys = { group: (groupId: string) => ['sessions', 'schedules', groupId] as const };

/** Schedules, sessions and group summaries (next session) all change together. */
function useInvalidateSessionsAndGroups() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: sessionKeys.all }), client.invalidateQueries({ queryKey: ['groups'] })]);
}

export function useSchedules(groupId: string) {
  return useQuery({ queryKey: scheduleKeys.group(groupId), queryFn: () => sessionsApi.listSchedules(groupId) });
}

export function useCreateSchedule(groupId: string) {
  const invalidate = useInvalidateSessionsAndGroups();
  return useMutation({ mutationFn: (body: sessionsApi.ScheduleInput) => sessionsApi.createSchedule(groupId, body), onSuccess: invalidate });
}

export function useDeleteSchedule() {
  const invalidate = useInvalidateSessionsAndGroups();
  return useMutation({ mutationFn: sessionsApi.deleteSchedule, onSuccess: invalidate });
}

export function useCreateOneOffSession(groupId: string) {
  const invalidate = useInvalidateSessionsAndGroups();
  return useMutation({ mutationFn: (body: sessionsApi.OneOffInput) => sessionsApi.createOneOffSession(groupId, body), onSuccess: invalidate });
}

export function useMoveSession(id: string) {
  const invalidate = useInvalidateSessionsAndGroups();
  return useMutation({ mutationFn: (body: { startsAt: string; endsAt: string }) => sessionsApi.moveSession(id, body), onSuccess: invalidate });
}

export function useCancelSession(id: string) {
  const invalidate = useInvalidateSessionsAndGroups();
  return useMutation({ mutationFn: () => sessionsApi.cancelSession(id), onSuccess: invalidate });
}

export function useCheckInCode(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['sessions', 'check-in-code', id], queryFn: () => sessionsApi.getCheckInCode(id), enabled, staleTime: Infinity });
}

/** Who has arrived; refreshed often while the facilitator has it open at the venue. */
export function useAttendance(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['sessions', 'attendance', id], queryFn: () => sessionsApi.getAttendance(id), enabled, refetchInterval: 15_000 });
}

export function useCheckInMember(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => sessionsApi.checkInMember(id, userId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sessions', 'attendance', id] }),
  });
}
