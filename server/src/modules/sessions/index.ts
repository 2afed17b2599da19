export { createSessionsService, LIVE_ROOM_OPENS_BEFORE_MS, type SessionsService } from './sessions.service.ts';
export { sessionsRoutes } from './sessions.routes.ts';
export { SessionErrors } from './sessions.errors.ts';
export { createSessionsPersonalData } from './sessions.personal-data.ts';
export { buildCalendar, type IcsEvent } from './ics.ts';
export { scheduleReminders as scheduleSessionReminders } from './session-reminders.ts';
export type { PrivateSession, SchedulePrivateSession } from './private-sessions.ts';
export { createSessionFacts, type SessionFacts } from './session-facts.ts';
