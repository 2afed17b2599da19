import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as supervisionApi from './api.ts';

const keys = { all: ['supervision'] as const };

export const useDashboard = () => useQuery({ queryKey: [...keys.all, 'dashboard'], queryFn: supervisionApi.getDashboard });
export const useCaseload = () => useQuery({ queryKey: [...keys.all, 'caseload'], queryFn: supervisionApi.getCaseload, retry: false });
export const useMyActivities = () => useQuery({ queryKey: [...keys.all, 'activities'], queryFn: supervisionApi.listActivities });
export const useSupporterActivities = (id: string | null) =>
  useQuery({ queryKey: [...keys.all, 'supporter', id], queryFn: () => supervisionApi.listSupporterActivities(id!), enabled: id !== null });
/** Admins only: a 403 for everyone else hides the section (no retry). */
export const useCandidates = () => useQuery({ queryKey: [...keys.all, 'candidates'], queryFn: supervisionApi.listCandidates, retry: false });
export const useAssignments = (enabled: boolean) => useQuery({ queryKey: [...keys.all, 'assignments'], queryFn: supervisionApi.listAssignments, enabled });
export const usePrefill = (conversationId: string | null) =>
  useQuery({ queryKey: [...keys.all, 'prefill', conversationId], queryFn: () => supervisionApi.getPrefill(conversationId!), enabled: conversationId !== null, retry: false });
export const useFollowUp = (conversationId: string, enabled: boolean) =>
  useQuery({ queryKey: [...keys.all, 'follow-up', conversationId], queryFn: () => supervisionApi.getFollowUp(conversationId), enabled, retry: false });

/** A mutation that refreshes everything supervision shows once it succeeds. */
function useSupervisionMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useLogActivity = () => useSupervisionMutation(supervisionApi.logActivity);
export const useReviewActivity = () =>
  useSupervisionMutation(({ id, decision, comment }: { id: string; decision: 'sign_off' | 'return'; comment?: string }) => supervisionApi.reviewActivity(id, decision, comment));
export const useCommentOnActivity = () => useSupervisionMutation(({ id, body }: { id: string; body: string }) => supervisionApi.commentOnActivity(id, body));
export const useAssignSupervisor = () => useSupervisionMutation(supervisionApi.assignSupervisor);
export const useEndAssignment = () => useSupervisionMutation(supervisionApi.endAssignment);
export const useScheduleMeeting = () => useSupervisionMutation(supervisionApi.scheduleMeeting);
export const useRescheduleMeeting = () => useSupervisionMutation(({ id, startsAt }: { id: string; startsAt: string }) => supervisionApi.rescheduleMeeting(id, { startsAt }));
export const useCancelMeeting = () => useSupervisionMutation(supervisionApi.cancelMeeting);
export const useRateConversation = () => useSupervisionMutation(supervisionApi.rateConversation);
