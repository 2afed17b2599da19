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
export type SmallGroup = { id: string; roomId: string; topic: string; language: string; size: number; hosted: boolean; opened: boolean; abilities: { end: boolean } };
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

export type SupporterProfile = {
  userId: string;
  livedExperience: string[];
  gender: string | null;
  ageRange: '18-24' | '25-34' | '35-49' | '50-64' | '65+' | null;
  availability: { weekday: number; start: string; end: string }[];
  acceptingRequests: boolean;
  maxCaseload: number;
};
export const getSupporterProfile = () => api.get<SupporterProfile>('/api/matching/supporter-profile');
export const saveSupporterProfile = (body: Omit<SupporterProfile, 'userId'>) => api.put<SupporterProfile>('/api/matching/supporter-profile', body);
export const endSmallGroup = (id: string) => api.post<{ ended: boolean }>(`/api/matching/small-groups/${id}/end`, {});

export type ProgramGroup = { groupId: string; name: string; capacity: number; assigned: number };
export type Program = {
  id: string;
  name: string;
  description: string;
  status: 'open' | 'assigned';
  groups: ProgramGroup[];
  applicants: number;
  createdAt: string;
  assignedAt: string | null;
  startsAt: string | null;
  applicationsCloseAt: string | null;
  mine: { applied: boolean; groupId: string | null };
  /** edit: the wording; editSchedule: also dates, groups and places (until the groups are assigned). */
  abilities: { apply: boolean; withdraw: boolean; manage: boolean; assign: boolean; edit: boolean; editSchedule: boolean };
};
/** What the program form sends; an edit may leave out what cannot change (after assignment, all but the wording). */
export type ProgramBody = {
  name: string;
  description: string;
  startsAt?: string | null;
  applicationsCloseAt?: string | null;
  groups?: { groupId: string; capacity: number }[];
};
export type Applicant = { userId: string; displayName: string; appliedAt: string; topics: string[]; languages: string[]; groupId: string | null };
export type AssignmentPreview = {
  programId: string;
  totalMismatch: number;
  greedyTotalMismatch: number;
  placements: { userId: string; displayName: string; groupId: string; groupName: string; mismatch: number; summary: string; reasons: MatchReason[] }[];
  unassigned: { userId: string; displayName: string }[];
  groups: ProgramGroup[];
};
export const listPrograms = () => api.get<{ programs: Program[]; abilities: { create: boolean } }>('/api/matching/programs');
export const getProgram = (id: string) => api.get<Program>(`/api/matching/programs/${id}`);
export const createProgram = (body: ProgramBody) => api.post<Program>('/api/matching/programs', body);
/** Staff change a program; people who applied are told when its dates or groups change. */
export const updateProgram = (id: string, body: ProgramBody) => api.patch<Program>(`/api/matching/programs/${id}`, body);
export const applyToProgram = (id: string) => api.post<Program>(`/api/matching/programs/${id}/applications`, {});
/** Takes my application back before the groups are assigned. */
export const withdrawFromProgram = (id: string) => api.delete<Program>(`/api/matching/programs/${id}/applications/mine`);
export const listApplicants = (id: string) => api.get<{ applicants: Applicant[] }>(`/api/matching/programs/${id}/applicants`);
export const previewAssignment = (id: string) => api.post<AssignmentPreview>(`/api/matching/programs/${id}/assignment/preview`, {});
export const applyAssignment = (id: string) => api.post<AssignmentPreview>(`/api/matching/programs/${id}/assignment`, {});

/** How on-demand small groups run in my organization (admins): idle minutes before a quiet group closes, rooms per host. */
export type MatchingSettings = { roomIdleMinutes: number; maxRoomsPerHost: number; isDefault: boolean };
export const getMatchingSettings = () => api.get<MatchingSettings>('/api/matching/settings');
export const saveMatchingSettings = (body: { roomIdleMinutes: number; maxRoomsPerHost: number }) => api.put<MatchingSettings>('/api/matching/settings', body);
