import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SessionsService } from './sessions.service.ts';

/** HTTP routes for sessions (meetings), RSVPs, attendance and calendar feeds. */
export function sessionsRoutes(_service: SessionsService): FastifyPluginAsyncZod {
  return async () => {};
}
