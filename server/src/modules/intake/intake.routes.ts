import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { IntakeService } from './intake.service.ts';
import { ConversationParams, IntakeConversation, Profile, ProfileBody, ProfileResponse, SendBody, StartBody } from './intake.schemas.ts';

const tags = ['intake'];

/** HTTP routes for the intake profile and the automated intake conversation. */
export function intakeRoutes(service: IntakeService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/intake/profile', { schema: { tags, summary: 'My intake profile (null when I have none)', response: { 200: ProfileResponse } } }, async (request) => ({
      profile: await service.getProfile(requireActor(request)),
    }));

    app.put('/api/intake/profile', {
      schema: { tags, summary: 'Save my intake profile. Only "what brings you here" is required', body: ProfileBody, response: { 200: Profile } },
    }, async (request) => service.saveProfile(requireActor(request), request.body));

    app.delete('/api/intake/profile', { schema: { tags, summary: 'Delete my intake profile', response: { 204: z.null() } } }, async (request, reply) => {
      await service.deleteProfile(requireActor(request));
      return reply.status(204).send(null);
    });

    app.post('/api/intake/conversations', {
      schema: { tags, summary: 'Start a conversation with the automated intake assistant, in my language (English or Spanish)', body: StartBody, response: { 201: IntakeConversation } },
    }, async (request, reply) => reply.status(201).send(await service.startConversation(requireActor(request), { language: request.body?.language?.slice(0, 2).toLowerCase() })));

    app.get('/api/intake/conversations/:id', {
      schema: { tags, summary: 'One of my intake conversations, with its transcript', params: ConversationParams, response: { 200: IntakeConversation } },
    }, async (request) => service.getConversation(requireActor(request), request.params.id));

    app.post('/api/intake/conversations/:id/messages', {
      schema: { tags, summary: 'Write to the assistant or tap a choice; every message is assessed for safety first', params: ConversationParams, body: SendBody, response: { 200: IntakeConversation } },
    }, async (request) => service.sendToConversation(requireActor(request), request.params.id, request.body));

    app.post('/api/intake/conversations/:id/human', {
      schema: { tags, summary: 'Switch to a person at any point', params: ConversationParams, body: z.object({}).optional(), response: { 200: IntakeConversation } },
    }, async (request) => service.talkToPerson(requireActor(request), request.params.id));

    app.delete('/api/intake/conversations/:id', { schema: { tags, summary: 'Delete an intake conversation', params: ConversationParams, response: { 204: z.null() } } }, async (request, reply) => {
      await service.deleteConversation(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
