import { api, toQuery } from '../../lib/api-client.ts';
import type { GroupFormat, LocalTimes, Venue } from '../groups/api.ts';

export type RsvpStatus = 'going' | 'not_going';

/** A session (GET /api/me/upcoming-sessions, /api/groups/:id/sessions, /api/sessions/:id). */
export type SessionItem = {
  id: string;
  groupId: string;
  groupName: string;
  scheduleId: string | null;
  /** The session's own title, or the group name. */
  title: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
  detached: boolean;
  format: GroupFormat;
  venue: Venue | null;
  local: LocalTimes;
  groupLocal: LocalTimes;
  myRsvp: RsvpStatus | null;
  myCheckedIn: boolean;
  goingCount: number;
  capacity: number | null;
  placesLeft: number | null;
  liveRoom: { opensAt: string; open: boolean } | null;
  abilities: { edit: boolean; cancel: boolean; rsvp: boolean; checkIn: boolean; joinLiveRoom: boolean; manageAttendance: boolean };
};

type SessionList = { sessions: SessionItem[] };

export const listUpcomingSessions = (tz: string) => api.get<SessionList>(`/api/me/upcoming-sessions${toQuery({ tz })}`);
export const listGroupSessions = (groupId: string, tz: string) => api.get<SessionList>(`/api/groups/${groupId}/sessions${toQuery({ tz })}`);
export const getSession = (id: string, tz: string) => api.get<SessionItem>(`/api/sessions/${id}${toQuery({ tz })}`);
export const setRsvp = (id: string, status: RsvpStatus) => api.put<unknown>(`/api/sessions/${id}/rsvp`, { status });
export const checkIn = (id: string, code: string) => api.post<unknown>(`/api/sessions/${id}/check-ins`, { code });
export const getCalendarFeedStatus = () => api.get<{ active: boolean; createdAt: string | null }>('/api/me/calendar-feed');
export const createCalendarFeed = () => api.post<{ url: string; createdAt: string }>('/api/me/calendar-feed', {});
export const revokeCalendarFeed = () => api.delete<unknown>('/api/me/calendar-feed');
