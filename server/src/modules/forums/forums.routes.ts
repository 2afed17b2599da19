import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ForumsService } from './forums.service.ts';

/** HTTP routes for forums. */
export function forumsRoutes(_service: ForumsService): FastifyPluginAsyncZod {
  return async () => {};
}
