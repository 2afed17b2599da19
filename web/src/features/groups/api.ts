import { api, toQuery } from '../../lib/api-client.ts';

export type GroupFormat = 'online' | 'in_person' | 'hybrid';
export type GroupVisibility = 'open' | 'request' | 'invite';
export type GroupRole = 'member' | 'co_facilitator' | 'facilitator';
export type MemberStatus = 'active' | 'requested' | 'invited' | 'declined' | 'left';

/** A moment in the viewer's own time zone, as the server computed it. */
export type LocalTimes = { timezone: string; date: string; weekday: string; startTime: string; endTime: string; zoneName: string; text: string };

export type Venue = { name: string; address: string; lat: number; lng: number };

export type GroupAbilities = {
  join: boolean;
  requestToJoin: boolean;
  leave: boolean;
  edit: boolean;
  archive: boolean;
  viewMembers: boolean;
  manageMembers: boolean;
  changeRoles: boolean;
  manageSessions: boolean;
};

export type GroupSummary = {
  id: string;
  name: string;
  description: string;
  topics: string[];
  communities: string[];
  language: string;
  format: GroupFormat;
  timezone: string;
  venue: Venue | null;
  capacity: number | null;
  memberCount: number;
  placesLeft: number | null;
  visibility: GroupVisibility;
  nextSession: { id: string; startsAt: string; endsAt: string; local: LocalTimes } | null;
  distanceKm?: number;
  myMembership: { status: MemberStatus; role: GroupRole } | null;
  abilities: GroupAbilities;
};

export type GroupDetail = GroupSummary & { agreements: string[]; archivedAt: string | null; createdAt: string; pendingRequestCount: number };

export type Member = { userId: string; displayName: string; pronouns: string | null; role: GroupRole; status: MemberStatus; joinedAt: string | null; abilities: { remove: boolean } };

export type GroupFilters = {
  topic?: string;
  community?: string;
  format?: string;
  language?: string;
  q?: string;
  lat?: number;
  lng?: number;
  radiusKm?: number;
};

export const listGroups = (filters: GroupFilters, tz: string) => api.get<{ groups: GroupSummary[] }>(`/api/groups${toQuery({ ...filters, tz })}`);
export const listMyGroups = (tz: string) => api.get<{ groups: GroupSummary[] }>(`/api/me/groups${toQuery({ tz })}`);
export const getGroup = (id: string, tz: string) => api.get<GroupDetail>(`/api/groups/${id}${toQuery({ tz })}`);
export const joinGroup = (id: string, acceptAgreements: boolean) => api.post<{ status: MemberStatus }>(`/api/groups/${id}/join`, { acceptAgreements });
export const leaveGroup = (id: string) => api.post<{ status: MemberStatus }>(`/api/groups/${id}/leave`, {});
export const listMembers = (id: string) => api.get<{ members: Member[] }>(`/api/groups/${id}/members`);

/** The body of POST /api/groups and PATCH /api/groups/:id (facilitators). */
export type GroupInput = {
  name: string;
  description: string;
  topics: string[];
  communities: string[];
  language: string;
  format: GroupFormat;
  venue: Venue | null;
  capacity: number | null;
  visibility: GroupVisibility;
  timezone: string;
  agreements: string[];
};

export const createGroup = (body: GroupInput) => api.post<GroupDetail>('/api/groups', body);
export const updateGroup = (id: string, body: Partial<GroupInput>) => api.patch<GroupDetail>(`/api/groups/${id}`, body);
export const archiveGroup = (id: string) => api.post<GroupDetail>(`/api/groups/${id}/archive`, {});
/** A leader removes someone from the group; they may come back only the usual way. */
export const removeMember = (id: string, userId: string) => api.delete<{ userId: string; status: 'left' }>(`/api/groups/${id}/members/${userId}`);
export const decideRequest = (id: string, userId: string, decision: 'approve' | 'decline') => api.post<Member>(`/api/groups/${id}/requests/${userId}/${decision}`, {});
