import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { SessionsService } from './sessions.service.ts';
import {
  Attendance,
  CheckIn,
  CheckInBody,
  CheckInCode,
  CreateScheduleBody,
  CreateSessionBody,
  ListSessionsQuery,
  RsvpBody,
  Schedule,
  ScheduleList,
  ScheduleParams,
  Session,
  SessionList,
  SessionParams,
  UpcomingQuery,
  UpdateScheduleBody,
  UpdateSessionBody,
  ViewerTzQuery,
} from './sessions.schemas.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { privateSessionsRoutes } from './private-sessions.routes.ts';

const tags = ['sessions'];
const Ok = z.object({ ok: z.literal(true) });
const GroupParams = z.object({ id: z.uuid('That group link is not valid.') });

/** HTTP routes for sessions (meetings), schedules, RSVPs, attendance and calendar feeds. */
export function sessionsRoutes(service: SessionsService): FastifyPluginAsyncZod {
  return async (app) => {
    let stopTimer: (() => void) | null = null;
    app.addHook('onReady', async () => {
      stopTimer = service.startHorizonTimer((err) => app.log.warn({ err }, 'extending session horizon failed; will retry'));
    });
    app.addHook('onClose', async () => stopTimer?.());

    // Schedules
    app.get('/api/groups/:id/schedules', {
      schema: { tags, summary: 'A group\'s recurring schedules', params: GroupParams, response: { 200: ScheduleList } },
    }, async (request) => ({ schedules: await service.listSchedules(requireActor(request), request.params.id) }));

    app.post('/api/groups/:id/schedules', {
      schema: { tags, summary: 'Add a recurring schedule (RRULE at a wall-clock time in the group\'s time zone)', params: GroupParams, body: CreateScheduleBody, response: { 201: Schedule } },
    }, async (request, reply) => reply.status(201).send(await service.createSchedule(requireActor(request), request.params.id, request.body)));

    app.patch('/api/schedules/:id', {
      schema: { tags, summary: 'Change a schedule (future, unchanged occurrences follow)', params: ScheduleParams, body: UpdateScheduleBody, response: { 200: Schedule } },
    }, async (request) => service.updateSchedule(requireActor(request), request.params.id, request.body));

    app.delete('/api/schedules/:id', {
      schema: { tags, summary: 'End a schedule (its future sessions are cancelled)', params: ScheduleParams, response: { 200: Ok } },
    }, async (request) => {
      await service.deleteSchedule(requireActor(request), request.params.id);
      return { ok: true as const };
    });

    // Sessions
    app.post('/api/groups/:id/sessions', {
      schema: { tags, summary: 'Add a one-off session', params: GroupParams, body: CreateSessionBody, response: { 201: Session } },
    }, async (request, reply) => reply.status(201).send(await service.createOneOffSession(requireActor(request), request.params.id, request.body)));

    app.get('/api/groups/:id/sessions', {
      schema: { tags, summary: 'A group\'s sessions between from and to (default: the next four weeks)', params: GroupParams, querystring: ListSessionsQuery, response: { 200: SessionList } },
    }, async (request) => ({ sessions: await service.listGroupSessions(requireActor(request), request.params.id, request.query) }));

    app.get('/api/me/upcoming-sessions', {
      schema: { tags, summary: 'Upcoming sessions of my groups, in my time zone', querystring: UpcomingQuery, response: { 200: SessionList } },
    }, async (request) => ({ sessions: await service.listUpcomingSessions(requireActor(request), request.query) }));

    app.get('/api/sessions/:id', {
      schema: { tags, summary: 'A session', params: SessionParams, querystring: ViewerTzQuery, response: { 200: Session } },
    }, async (request) => service.getSession(requireActor(request), request.params.id, request.query.tz));

    app.patch('/api/sessions/:id', {
      schema: { tags, summary: 'Move or rename one session', params: SessionParams, body: UpdateSessionBody, response: { 200: Session } },
    }, async (request) => service.updateSession(requireActor(request), request.params.id, request.body));

    app.post('/api/sessions/:id/cancel', {
      schema: { tags, summary: 'Cancel one session', params: SessionParams, response: { 200: Session } },
    }, async (request) => service.cancelSession(requireActor(request), request.params.id));

    app.put('/api/sessions/:id/rsvp', {
      schema: { tags, summary: 'RSVP going or not going', params: SessionParams, body: RsvpBody, response: { 200: Session } },
    }, async (request) => service.setRsvp(requireActor(request), request.params.id, request.body));

    // Attendance
    app.post('/api/sessions/:id/check-ins', {
      schema: { tags, summary: 'Check in: a leader sends {userId}; a member sends the venue {code}', params: SessionParams, body: CheckInBody, response: { 200: CheckIn } },
      // Codes are short, so guessing is slowed per person.
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request) => request.actor?.userId ?? request.ip } },
    }, async (request) => service.checkIn(requireActor(request), request.params.id, request.body));

    app.get('/api/sessions/:id/check-in-code', {
      schema: { tags, summary: 'The venue check-in code (group leaders)', params: SessionParams, response: { 200: CheckInCode } },
    }, async (request) => service.getCheckInCode(requireActor(request), request.params.id));

    app.get('/api/sessions/:id/attendance', {
      schema: { tags, summary: 'Who attended, online and in person (group leaders)', params: SessionParams, response: { 200: Attendance } },
    }, async (request) => service.listAttendance(requireActor(request), request.params.id));

    await app.register(calendarRoutes(service));
    await app.register(privateSessionsRoutes(service));
  };
}
