import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../platform/http/actor.ts';
import type { SessionsService } from './sessions.service.ts';
import { CalendarFeedStatus, CalendarFeedUrl, CalendarTokenParams } from './sessions.schemas.ts';

const tags = ['calendar'];
const Ok = z.object({ ok: z.literal(true) });
const GroupParams = z.object({ id: z.uuid('That group link is not valid.') });
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** iCalendar (RFC 5545) feeds: per group (signed in), and personal at a secret, revocable URL. */
export function calendarRoutes(service: SessionsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/groups/:id/calendar.ics', {
      schema: { tags, summary: 'The group\'s sessions as an iCalendar file', params: GroupParams, produces: ['text/calendar'] },
    }, async (request, reply) => {
      const ics = await service.groupCalendar(requireActor(request), request.params.id, originOf(request));
      return reply.type(CALENDAR_TYPE).header('content-disposition', 'attachment; filename="group.ics"').header('cache-control', 'private, no-store').send(ics);
    });

    app.get('/api/me/calendar-feed', {
      schema: { tags, summary: 'Whether my personal calendar link is active', response: { 200: CalendarFeedStatus } },
    }, async (request) => service.getPersonalFeedStatus(requireActor(request)));

    app.post('/api/me/calendar-feed', {
      schema: { tags, summary: 'Create (or replace) my personal calendar link; any earlier link stops working', response: { 200: CalendarFeedUrl } },
    }, async (request) => {
      const { token, createdAt } = await service.createPersonalFeed(requireActor(request));
      return { url: `${originOf(request)}/api/calendar/${token}.ics`, createdAt: createdAt.toISOString() };
    });

    app.delete('/api/me/calendar-feed', {
      schema: { tags, summary: 'Turn off my personal calendar link', response: { 200: Ok } },
    }, async (request) => {
      await service.revokePersonalFeed(requireActor(request));
      return { ok: true as const };
    });

    app.get('/api/calendar/:token.ics', {
      schema: { tags, summary: 'My sessions as an iCalendar feed (the secret link is the credential)', params: CalendarTokenParams, produces: ['text/calendar'] },
    }, async (request, reply) => {
      const ics = await service.personalCalendar(request.params.token, originOf(request));
      return reply.type(CALENDAR_TYPE).header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer').send(ics);
    });
  };
}
