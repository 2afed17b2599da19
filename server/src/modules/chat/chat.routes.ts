import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ChatService } from './chat.service.ts';

/** HTTP routes for chat rooms, messages and one-to-one conversations. */
export function chatRoutes(_service: ChatService): FastifyPluginAsyncZod {
  return async () => {};
}
