import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { GroupsService } from './groups.service.ts';

/** HTTP routes for groups. */
export function groupsRoutes(_service: GroupsService): FastifyPluginAsyncZod {
  return async () => {};
}
