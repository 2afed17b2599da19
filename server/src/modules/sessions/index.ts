export { createSessionsService, LIVE_ROOM_OPENS_BEFORE_MS, type SessionsService } from './sessions.service.ts';
export { sessionsRoutes } from './sessions.routes.ts';
export { SessionErrors } from './sessions.errors.ts';
