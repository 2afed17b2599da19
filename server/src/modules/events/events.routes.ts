import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/actor.ts';
import type { EventsService } from './events.service.ts';
import { CreateEventBody, EventList, ListQuery, OrgEvent, UpdateEventBody } from './events.schemas.ts';

const tags = ['events'];
const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });

/** HTTP routes for events and webinars. */
export function eventsRoutes(service: EventsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/events', { schema: { tags, summary: 'Upcoming or past events of my organization', querystring: ListQuery, response: { 200: EventList } } }, async (request) =>
      service.listEvents(requireActor(request), request.query.when),
    );

    app.get('/api/events/:id', { schema: { tags, summary: 'One event', params: IdParams, response: { 200: OrgEvent } } }, async (request) =>
      service.getEvent(requireActor(request), request.params.id),
    );

    app.post('/api/events', { schema: { tags, summary: 'Publish an event (facilitators, moderators, clinicians, admins)', body: CreateEventBody, response: { 201: OrgEvent } } }, async (request, reply) =>
      reply.status(201).send(await service.createEvent(requireActor(request), request.body)),
    );

    app.patch('/api/events/:id', { schema: { tags, summary: 'Change, move or cancel an event, or add its recording link', params: IdParams, body: UpdateEventBody, response: { 200: OrgEvent } } }, async (request) =>
      service.updateEvent(requireActor(request), request.params.id, request.body),
    );

    app.put('/api/events/:id/registration', { schema: { tags, summary: 'Register (or join the waitlist when full); idempotent', params: IdParams, response: { 200: OrgEvent } } }, async (request) =>
      service.register(requireActor(request), request.params.id),
    );

    app.delete('/api/events/:id/registration', { schema: { tags, summary: 'Cancel my registration (the next person on the waitlist gets the place)', params: IdParams, response: { 200: OrgEvent } } }, async (request) =>
      service.cancelRegistration(requireActor(request), request.params.id),
    );

    app.get('/api/events/:id/calendar.ics', { schema: { tags, summary: 'The event as an iCalendar file', params: IdParams, produces: ['text/calendar'] } }, async (request, reply) => {
      const ics = await service.buildCalendarFile(requireActor(request), request.params.id);
      if (ics === null) throw new AppError('unavailable', 503, 'Calendar files are not available on this server yet. Please note the time from the event page.');
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="event-${request.params.id}.ics"`).send(ics);
    });
  };
}
