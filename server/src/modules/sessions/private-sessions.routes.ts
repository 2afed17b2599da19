import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ViewerTzQuery } from './sessions.schemas.ts';
import { MyPrivateSession, MyPrivateSessionList, MyPrivateSessionsQuery, PrivateSessionParams } from './private-sessions.schemas.ts';
import type { SessionsService } from './sessions.service.ts';

const tags = ['sessions'];

/** A participant's private sessions (supervision meetings) for their own session lists; nobody else sees them. */
export function privateSessionsRoutes(service: SessionsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/me/private-sessions', {
      schema: { tags, summary: 'My upcoming private sessions (e.g. supervision), neutral title only, in my time zone', querystring: MyPrivateSessionsQuery, response: { 200: MyPrivateSessionList } },
    }, async (request) => ({ privateSessions: await service.listMyPrivateSessions(requireActor(request), request.query) }));

    app.get('/api/private-sessions/:id', {
      schema: { tags, summary: 'One of my private sessions (404 unless I take part)', params: PrivateSessionParams, querystring: ViewerTzQuery, response: { 200: MyPrivateSession } },
    }, async (request) => service.getMyPrivateSession(requireActor(request), request.params.id, request.query.tz));
  };
}
