import { api, toQuery } from '../../lib/api-client.ts';

export type EventKind = 'webinar' | 'workshop' | 'open_day';
export const EVENT_KINDS: EventKind[] = ['webinar', 'workshop', 'open_day'];

export type OrgEvent = {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  host: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: string | null;
  joinUrl: string | null;
  language: string;
  capacity: number | null;
  registeredCount: number;
  spotsLeft: number | null;
  waitlist: boolean;
  waitlistCount: number;
  recordingUrl: string | null;
  status: 'scheduled' | 'cancelled';
  past: boolean;
  myRegistration: 'registered' | 'waitlisted' | null;
  calendarUrl: string;
  abilities: { register: boolean; cancelRegistration: boolean; edit: boolean };
};

export type EventInput = {
  kind: EventKind;
  title: string;
  description: string;
  host: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: string | null;
  joinUrl: string | null;
  capacity: number | null;
  waitlist: boolean;
};

export const listEvents = (when: 'upcoming' | 'past') => api.get<{ events: OrgEvent[]; abilities: { create: boolean } }>(`/api/events${toQuery({ when })}`);
export const getEvent = (id: string) => api.get<OrgEvent>(`/api/events/${id}`);
export const createEvent = (body: EventInput) => api.post<OrgEvent>('/api/events', body);
export const updateEvent = (id: string, body: Partial<EventInput> & { recordingUrl?: string | null; status?: 'cancelled' }) => api.patch<OrgEvent>(`/api/events/${id}`, body);
export const register = (id: string) => api.put<OrgEvent>(`/api/events/${id}/registration`);
export const cancelRegistration = (id: string) => api.delete<OrgEvent>(`/api/events/${id}/registration`);
