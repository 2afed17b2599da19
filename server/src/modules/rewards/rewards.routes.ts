import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { RewardsService } from './rewards.service.ts';
import { CardTemplates, Journey, RuleList, SendCardBody, SentCard } from './rewards.schemas.ts';

const tags = ['rewards'];

/** HTTP routes for the private journey. Every route answers about the caller only. */
export function rewardsRoutes(service: RewardsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/rewards/rules', { schema: { tags, summary: 'How each milestone is earned (the rules file)', response: { 200: RuleList } } }, async (request) => {
      requireActor(request);
      return service.listRules();
    });

    app.get('/api/rewards/journey', { schema: { tags, summary: 'My milestones, my rhythm and the cards I received (private to me)', response: { 200: Journey } } }, async (request) =>
      service.getJourney(requireActor(request)),
    );

    app.get('/api/rewards/thank-you-cards/templates', { schema: { tags, summary: 'The kind messages a thank-you card can carry', response: { 200: CardTemplates } } }, async (request) => {
      requireActor(request);
      return { templates: service.listCardTemplates() };
    });

    app.post('/api/rewards/thank-you-cards', {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Send a thank-you card to someone I supported (peer supporters and facilitators)', body: SendCardBody, response: { 201: SentCard } },
    }, async (request, reply) => reply.status(201).send(await service.sendCard(requireActor(request), request.body)));
  };
}
