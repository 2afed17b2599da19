import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useViewerZone } from '../auth/hooks.ts';
import * as groupsApi from './api.ts';

export const groupKeys = {
  all: ['groups'] as const,
  list: (filters: groupsApi.GroupFilters, tz: string) => ['groups', 'list', filters, tz] as const,
  mine: (tz: string) => ['groups', 'mine', tz] as const,
  detail: (id: string, tz: string) => ['groups', 'detail', id, tz] as const,
  members: (id: string) => ['groups', 'members', id] as const,
};

export function useGroups(filters: groupsApi.GroupFilters) {
  const tz = useViewerZone();
  return useQuery({ queryKey: groupKeys.list(filters, tz), queryFn: () => groupsApi.listGroups(filters, tz), placeholderData: keepPreviousData });
}

export function useMyGroups() {
  const tz = useViewerZone();
  return useQuery({ queryKey: groupKeys.mine(tz), queryFn: () => groupsApi.listMyGroups(tz) });
}

export function useGroup(id: string) {
  const tz = useViewerZone();
  return useQuery({ queryKey: groupKeys.detail(id, tz), queryFn: () => groupsApi.getGroup(id, tz) });
}

export function useGroupMembers(id: string, enabled: boolean) {
  return useQuery({ queryKey: groupKeys.members(id), queryFn: () => groupsApi.listMembers(id), enabled });
}

function useInvalidateGroupsAndSessions() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: groupKeys.all }), client.invalidateQueries({ queryKey: ['sessions'] })]);
}

export function useJoinGroup(id: string) {
  const invalidate = useInvalidateGroupsAndSessions();
  return useMutation({ mutationFn: (acceptAgreements: boolean) => groupsApi.joinGroup(id, acceptAgreements), onSuccess: invalidate });
}

export function useLeaveGroup(id: string) {
  const invalidate = useInvalidateGroupsAndSessions();
  return useMutation({ mutationFn: () => groupsApi.leaveGroup(id), onSuccess: invalidate });
}

export function useCreateGroup() {
  const invalidate = useInvalidateGroupsAndSessions();
  return useMutation({ mutationFn: groupsApi.createGroup, onSuccess: invalidate });
}

export function useUpdateGroup(id: string) {
  const invalidate = useInvalidateGroupsAndSessions();
  return useMutation({ mutationFn: (body: Partial<groupsApi.GroupInput>) => groupsApi.updateGroup(id, body), onSuccess: invalidate });
}

export function useArchiveGroup(id: string) {
  const invalidate = useInvalidateGroupsAndSessions();
  return useMutation({ mutationFn: () => groupsApi.archiveGroup(id), onSuccess: invalidate });
}

/** Approve or decline a join request (facilitators). */
export function useDecideRequest(id: string) {
  const invalidate = useInvalidateGroupsAndSessions();
  return useMutation({
    mutationFn: ({ userId, decision }: { userId: string; decision: 'approve' | 'decline' }) => groupsApi.decideRequest(id, userId, decision),
    onSuccess: invalidate,
  });
}

/** Remove someone from the group (its leaders); the member list and the group refresh. */
export function useRemoveMember(id: string) {
  const invalidate = useInvalidateGroupsAndSessions();
  return useMutation({ mutationFn: (userId: string) => groupsApi.removeMember(id, userId), onSuccess: invalidate });
}
