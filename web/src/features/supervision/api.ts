import { api } from '../../lib/api-client.ts';

export const CATEGORIES = ['emotional_support', 'informational_guidance', 'skill_building', 'advocacy', 'community_connection', 'crisis_referral', 'group_facilitation'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Person = { id: string; displayName: string };
export type Activity = {
  id: string; supporter: Person; category: Category; occurredAt: string; durationMinutes: number; notes: string | null; conversationId: string | null;
  status: 'logged' | 'signed_off' | 'returned'; reviewedBy: Person | null; reviewedAt: string | null;
  comments: Array<{ id: string; author: Person | null; body: string; createdAt: string }>; abilities: { review: boolean; comment: boolean };
};
type Hours = { signedOffMinutes: number; pendingMinutes: number; last30DaysMinutes: number };
export type Meeting = {
  id: string; sessionId: string; supervisor: Person; supporter: Person; startsAt: string; endsAt: string; durationMinutes: number; status: 'scheduled' | 'cancelled';
  agenda: string | null; abilities: { reschedule: boolean; cancel: boolean };
};
export type Dashboard = {
  hours: Hours; byCategory: Array<{ category: Category; minutes: number }>; supervisors: Person[]; meetings: Meeting[];
  feedback: { count: number; average: number | null; recent: Array<{ rating: number; comment: string | null; createdAt: string }> };
  due: Array<{ kind: string; params: Record<string, string | number> }>;
};
export type Caseload = {
  supporters: Array<{
    supporter: Person; load: { openConversations: number | null; activitiesLast30Days: number; minutesLast30Days: number };
    recentEscalations: { safetyCases: number | null; crisisReferrals: number }; feedback: { count: number; average: number | null }; hours: Hours; awaitingReview: number;
  }>;
  meetings: Meeting[];
};

export const getDashboard = () => api.get<Dashboard>('/api/supervision/dashboard');
export const getCaseload = () => api.get<Caseload>('/api/supervision/caseload');
export const listActivities = () => api.get<{ activities: Activity[] }>('/api/supervision/activities');
export const listSupporterActivities = (id: string) => api.get<{ activities: Activity[] }>(`/api/supervision/supporters/${id}/activities`);
export type Assignment = { id: string; supervisor: Person; supporter: Person; createdAt: string };
export type Prefill = { category: Category; occurredAt: string; durationMinutes: number; conversationId: string };
export type FollowUp = { rating: number | null; abilities: { rate: boolean; logActivity: boolean } };

export const logActivity = (body: { category: Category; occurredAt: string; durationMinutes: number; notes?: string; conversationId?: string }) => api.post<Activity>('/api/supervision/activities', body);
export const reviewActivity = (id: string, decision: 'sign_off' | 'return', comment?: string) =>
  api.post<Activity>(`/api/supervision/activities/${id}/review`, { decision, ...(comment ? { comment } : {}) });
export const commentOnActivity = (id: string, body: string) => api.post<Activity>(`/api/supervision/activities/${id}/comments`, { body });
export const getPrefill = (conversationId: string) => api.get<Prefill>(`/api/supervision/prefill/${conversationId}`);
export const listAssignments = () => api.get<{ assignments: Assignment[] }>('/api/supervision/assignments');
export const listCandidates = () => api.get<{ supervisors: Person[]; supporters: Person[] }>('/api/supervision/candidates');
export const assignSupervisor = (body: { supervisorId: string; supporterId: string }) => api.post<Assignment>('/api/supervision/assignments', body);
export const endAssignment = (id: string) => api.delete<{ ok: true }>(`/api/supervision/assignments/${id}`);
export const scheduleMeeting = (body: { supporterId: string; startsAt: string; durationMinutes: number; agenda?: string }) => api.post<Meeting>('/api/supervision/meetings', body);
export const rescheduleMeeting = (id: string, body: { startsAt: string; durationMinutes?: number }) => api.patch<Meeting>(`/api/supervision/meetings/${id}`, body);
export const cancelMeeting = (id: string) => api.post<Meeting>(`/api/supervision/meetings/${id}/cancel`);
export const getFollowUp = (conversationId: string) => api.get<FollowUp>(`/api/supervision/conversations/${conversationId}`);
export const rateConversation = (body: { conversationId: string; rating: number; comment?: string }) => api.post<{ ok: true }>('/api/supervision/feedback', body);
