import { api, toQuery } from '../../lib/api-client.ts';

export type MatchReason = { kind: string; text: string; [k: string]: string | number | boolean };
export type GroupRecommendation = {
  group: { id: string; name: string; description: string; language: string; format: 'online' | 'in_person' | 'hybrid'; topics: string[]; visibility: string };
  score: number;
  summary: string;
  reasons: MatchReason[];
  abilities: { join: boolean; requestToJoin: boolean };
};
export type SupportRequestStatus = 'waiting' | 'accepted' | 'routed_to_oncall' | 'withdrawn';
export type SupportRequest = {
  id: string;
  status: SupportRequestStatus;
  intro: string;
  topics: string[];
  language: string;
  createdAt: string;
  deadlineAt: string;
  resolvedAt: string | null;
  ahead: number | null;
  conversationId: string | null;
  supporter: { id: string; displayName: string } | null;
  rating: number | null;
  safety: { card: 'concern' | 'urgent' } | null;
  abilities: { withdraw: boolean; rate: boolean; chat: boolean };
};
export type QueueItem = { id: string; topics: string[]; language: string; waitingSince: string; deadlineAt: string; score: number; reasons: MatchReason[] };
export type SmallGroup = { id: string; roomId: string; topic: string; language: string; size: number; hosted: boolean; opened: boolean };
export type SmallGroupPlacement = { status: 'placed' | 'routed_to_oncall'; room: SmallGroup | null; safety: { card: 'concern' | 'urgent' } | null };

export const getGroupRecommendations = (text?: string) =>
  api.get<{ recommendations: GroupRecommendation[]; topics: { topic: string; p: number }[] }>(`/api/matching/groups${toQuery({ text, limit: 6 })}`);
export const createSupportRequest = (intro: string) => api.post<SupportRequest>('/api/matching/requests', { intro });
export const getSupportRequest = (id: string) => api.get<SupportRequest>(`/api/matching/requests/${id}`);
export const withdrawSupportRequest = (id: string) => api.post<SupportRequest>(`/api/matching/requests/${id}/withdraw`, {});
export const rateSupportRequest = (id: string, rating: number) => api.post<SupportRequest>(`/api/matching/requests/${id}/rating`, { rating });
export const listQueue = () => api.get<{ requests: QueueItem[] }>('/api/matching/queue');
export const acceptSupportRequest = (id: string) => api.post<SupportRequest>(`/api/matching/requests/${id}/accept`, {});
export const joinSmallGroup = (text: string) => api.post<SmallGroupPlacement>('/api/matching/small-groups', { text });
export const getCurrentSmallGroup = () => api.get<{ room: SmallGroup | null }>('/api/matching/small-groups/current');
export const getSmallGroup = (id: string) => api.get<SmallGroup>(`/api/matching/small-groups/${id}`);
export const leaveSmallGroup = (id: string) => api.post<{ left: boolean }>(`/api/matching/small-groups/${id}/leave`, {});
export const joinGroup = (groupId: string) => api.post<{ status: string }>(`/api/groups/${groupId}/join`, {});
