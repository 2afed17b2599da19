import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { cohortRoutes } from './cohort.routes.ts';
import { matchingSettingsRoutes } from './matching-settings.routes.ts';
import type { MatchingService } from './matching.service.ts';
import {
  CreateSupportRequestBody,
  GroupRecommendationList,
  JoinOnDemandBody,
  OnDemandPlacement,
  Queue,
  RateBody,
  RecommendQuery,
  RequestParams,
  RoomParams,
  SupporterProfile,
  SupporterProfileBody,
  SupporterRecommendationList,
  SupportRequest,
  SupportRequestList,
} from './matching.schemas.ts';

const tags = ['matching'];
const Empty = z.object({}).optional();

/** HTTP routes for recommendations, the one-to-one queue, on-demand small groups and supporter profiles. */
export function matchingRoutes(service: MatchingService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(cohortRoutes(service));
    await app.register(matchingSettingsRoutes(service));

    app.get('/api/matching/groups', {
      schema: { tags, summary: 'Groups recommended for me, best first, each with reasons in plain words', querystring: RecommendQuery, response: { 200: GroupRecommendationList } },
    }, async (request) => service.recommendGroups(requireActor(request), request.query));

    app.get('/api/matching/supporters', {
      schema: { tags, summary: 'Peer supporters who could talk with me one to one, best first, with reasons', querystring: RecommendQuery, response: { 200: SupporterRecommendationList } },
    }, async (request) => ({ supporters: (await service.recommendSupporters(requireActor(request), request.query.text)).slice(0, request.query.limit).map(({ userId, displayName, score, reasons }) => ({ userId, displayName, score, reasons })) }));

    app.post('/api/matching/requests', {
      schema: { tags, summary: 'Ask for a peer supporter now (the on-demand queue)', body: CreateSupportRequestBody, response: { 201: SupportRequest } },
    }, async (request, reply) => reply.status(201).send(await service.createSupportRequest(requireActor(request), request.body)));

    app.get('/api/matching/requests', { schema: { tags, summary: 'My one-to-one requests, newest first', response: { 200: SupportRequestList } } }, async (request) => ({
      requests: await service.listMySupportRequests(requireActor(request)),
    }));

    app.get('/api/matching/requests/:id', {
      schema: { tags, summary: 'Where my request stands', params: RequestParams, response: { 200: SupportRequest } },
    }, async (request) => service.getSupportRequest(requireActor(request), request.params.id));

    app.post('/api/matching/requests/:id/withdraw', {
      schema: { tags, summary: 'Withdraw my waiting request', params: RequestParams, body: Empty, response: { 200: SupportRequest } },
    }, async (request) => service.withdrawSupportRequest(requireActor(request), request.params.id));

    app.post('/api/matching/requests/:id/rating', {
      schema: { tags, summary: 'Rate the conversation (1–5) after a supporter took my request', params: RequestParams, body: RateBody, response: { 200: SupportRequest } },
    }, async (request) => service.rateSupportRequest(requireActor(request), request.params.id, request.body.rating));

    app.get('/api/matching/queue', { schema: { tags, summary: 'Waiting requests (certified peer supporters)', response: { 200: Queue } } }, async (request) => ({
      requests: await service.listQueue(requireActor(request)),
    }));

    app.post('/api/matching/requests/:id/accept', {
      schema: { tags, summary: 'Take a waiting request (certified peer supporters); opens a one-to-one conversation', params: RequestParams, body: Empty, response: { 200: SupportRequest } },
    }, async (request) => service.acceptSupportRequest(requireActor(request), request.params.id));

    app.post('/api/matching/small-groups', {
      schema: { tags, summary: 'One sentence → a place in a live small group (3–6 people, hosted)', body: JoinOnDemandBody, response: { 200: OnDemandPlacement } },
    }, async (request) => service.joinOnDemand(requireActor(request), request.body));

    app.get('/api/matching/small-groups/current', {
      schema: { tags, summary: 'The live small group I am in now', response: { 200: z.object({ room: OnDemandPlacement.shape.room }) } },
    }, async (request) => ({ room: await service.getMyOnDemandRoom(requireActor(request)) }));

    app.get('/api/matching/small-groups/:id', {
      schema: { tags, summary: 'A live small group I am in (as a member or its host)', params: RoomParams, response: { 200: OnDemandPlacement.shape.room.unwrap() } },
    }, async (request) => service.getOnDemandRoom(requireActor(request), request.params.id));

    app.post('/api/matching/small-groups/:id/leave', {
      schema: { tags, summary: 'Leave a live small group', params: RoomParams, body: Empty, response: { 200: z.object({ left: z.boolean() }) } },
    }, async (request) => service.leaveOnDemand(requireActor(request), request.params.id));

    app.post('/api/matching/small-groups/:id/end', {
      schema: { tags, summary: 'End a live small group for everyone (its host)', params: RoomParams, body: Empty, response: { 200: z.object({ ended: z.boolean() }) } },
    }, async (request) => service.endOnDemand(requireActor(request), request.params.id));

    app.get('/api/matching/supporter-profile', { schema: { tags, summary: 'My one-to-one matching profile (peer supporters)', response: { 200: SupporterProfile } } }, async (request) =>
      service.getSupporterProfile(requireActor(request)),
    );

    app.put('/api/matching/supporter-profile', {
      schema: { tags, summary: 'Save my one-to-one matching profile (peer supporters)', body: SupporterProfileBody, response: { 200: SupporterProfile } },
    }, async (request) => service.saveSupporterProfile(requireActor(request), request.body));
  };
}
