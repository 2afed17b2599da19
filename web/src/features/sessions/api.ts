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

/** One of my private sessions, e.g. supervision (GET /api/me/private-sessions): neutral title only, never who else is in it. */
export type MyPrivateSession = {
  id: string;
  purpose: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
  local: LocalTimes;
  myRole: 'host' | 'guest';
  /** Where it is managed in Hearth, e.g. "/supervision". */
  path: string;
};

export const listMyPrivateSessions = (tz: string) => api.get<{ privateSessions: MyPrivateSession[] }>(`/api/me/private-sessions${toQuery({ tz })}`);
export const listUpcomingSessions = (tz: string) => api.get<SessionList>(`/api/me/upcoming-sessions${toQuery({ tz })}`);
export const listGroupSessions = (groupId: string, tz: string) => api.get<SessionList>(`/api/groups/${groupId}/sessions${toQuery({ tz })}`);
export const getSession = (id: string, tz: string) => api.get<SessionItem>(`/api/sessions/${id}${toQuery({ tz })}`);
export const setRsvp = (id: string, status: RsvpStatus) => api.put<unknown>(`/api/sessions/${id}/rsvp`, { status });
export const checkIn = (id: string, code: string) => api.post<unknown>(`/api/sessions/${id}/check-ins`, { code });
export const getCalendarFeedStatus = () => api.get<{ active: boolean; createdAt: string | null }>('/api/me/calendar-feed');
export const createCalendarFeed = () => api.post<{ url: string; createdAt: string }>('/api/me/calendar-feed', {});
export const revokeCalendarFeed = () => api.delete<unknown>('/api/me/calendar-feed');

/** A group's recurring schedule (GET /api/groups/:id/schedules). `description` is the rule in English words. */
export type Schedule = {
  id: string;
  groupId: string;
  title: string | null;
  rrule: string;
  description: string;
  startLocal: string;
  timezone: string;
  durationMinutes: number;
  archivedAt: string | null;
};

export type ScheduleInput = { title?: string | null; rrule: string; startLocal: string; durationMinutes: number };
export type OneOffInput = { title?: string | null; startLocal: string; durationMinutes: number };

export type AttendanceRecord = { userId: string; displayName: string; mode: 'online' | 'in_person'; joinedAt: string; leftAt: string | null; checkedInBy: string | null };
export type Attendance = { sessionId: string; attendeeCount: number; goingCount: number; records: AttendanceRecord[] };

export const listSchedules = (groupId: string) => api.get<{ schedules: Schedule[] }>(`/api/groups/${groupId}/schedules`);
export const createSchedule = (groupId: string, body: ScheduleInput) => api.post<Schedule>(`/api/groups/${groupId}/schedules`, body);
export const deleteSchedule = (id: string) => api.delete<{ ok: true }>(`/api/schedules/${id}`);
export const createOneOffSession = (groupId: string, body: OneOffInput) => api.post<SessionItem>(`/api/groups/${groupId}/sessions`, body);
export const moveSession = (id: string, body: { startsAt: string; endsAt: string }) => api.patch<SessionItem>(`/api/sessions/${id}`, body);
export const cancelSession = (id: string) => api.post<SessionItem>(`/api/sessions/${id}/cancel`, {});
export const getCheckInCode = (id: string) => api.get<{ code: string }>(`/api/sessions/${id}/check-in-code`);
export const getAttendance = (id: string) => api.get<Attendance>(`/api/sessions/${id}/attendance`);
export const checkInMember = (id: string, userId: string) => api.post<unknown>(`/api/sessions/${id}/check-ins`, { userId });
