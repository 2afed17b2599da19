import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { SupervisionService } from './supervision.service.ts';
import {
  Activity, ActivityList, AssignBody, Assignment, Candidates, Caseload, CommentBody, ConversationParams, CreateActivityBody, Dashboard, FeedbackBody, FollowUp, IdParams, Meeting, MeetingBody, Prefill, RescheduleBody, ReviewBody,
} from './supervision.schemas.ts';

const tags = ['supervision'];
const Ok = z.object({ ok: z.literal(true) });
const SupporterParams = z.object({ supporterId: z.uuid('That link is not valid.') });

/** HTTP routes for the activity log, review and sign-off, assignments, meetings, feedback and dashboards. */
export function supervisionRoutes(service: SupervisionService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/supervision/dashboard', { schema: { tags, summary: 'My hours, feedback, supervisors and what is due', response: { 200: Dashboard } } }, async (request) =>
      service.getMyDashboard(requireActor(request)),
    );
    app.get('/api/supervision/caseload', { schema: { tags, summary: 'The supporters I supervise: load, escalations, feedback, hours', response: { 200: Caseload } } }, async (request) =>
      service.getCaseload(requireActor(request)),
    );
    app.get('/api/supervision/activities', { schema: { tags, summary: 'My activity log', response: { 200: ActivityList } } }, async (request) =>
      service.listMyActivities(requireActor(request)),
    );
    app.post('/api/supervision/activities', { schema: { tags, summary: 'Log an activity (notes encrypted at rest)', body: CreateActivityBody, response: { 201: Activity } } }, async (request, reply) =>
      reply.status(201).send(await service.logActivity(requireActor(request), request.body)),
    );
    app.get('/api/supervision/prefill/:conversationId', { schema: { tags, summary: 'A draft log entry from an ended one-to-one conversation', params: ConversationParams, response: { 200: Prefill } } }, async (request) =>
      service.prefillFromConversation(requireActor(request), request.params.conversationId),
    );
    app.get('/api/supervision/supporters/:supporterId/activities', { schema: { tags, summary: 'A supervised supporter’s activity log', params: SupporterParams, response: { 200: ActivityList } } }, async (request) =>
      service.listSupporterActivities(requireActor(request), request.params.supporterId),
    );
    app.post('/api/supervision/activities/:id/comments', { schema: { tags, summary: 'Comment on an entry', params: IdParams, body: CommentBody, response: { 201: Activity } } }, async (request, reply) =>
      reply.status(201).send(await service.commentOnActivity(requireActor(request), request.params.id, request.body.body)),
    );
    app.post('/api/supervision/activities/:id/review', { schema: { tags, summary: 'Sign off or return an entry (assigned supervisor)', params: IdParams, body: ReviewBody, response: { 200: Activity } } }, async (request) =>
      service.reviewActivity(requireActor(request), request.params.id, request.body),
    );
    app.get('/api/supervision/assignments', { schema: { tags, summary: 'Supervision assignments (mine; all for admins)', response: { 200: z.object({ assignments: z.array(Assignment) }) } } }, async (request) =>
      service.listMyAssignments(requireActor(request)),
    );
    app.get('/api/supervision/candidates', { schema: { tags, summary: 'People an admin may choose as supervisors and supporters (admins)', response: { 200: Candidates } } }, async (request) =>
      service.listCandidates(requireActor(request)),
    );
    app.post('/api/supervision/assignments', { schema: { tags, summary: 'Assign a supervisor to a supporter (admins)', body: AssignBody, response: { 201: Assignment } } }, async (request, reply) =>
      reply.status(201).send(await service.assignSupervisor(requireActor(request), request.body)),
    );
    app.delete('/api/supervision/assignments/:id', { schema: { tags, summary: 'End an assignment (admins)', params: IdParams, response: { 200: Ok } } }, async (request) =>
      service.endAssignment(requireActor(request), request.params.id),
    );
    app.post('/api/supervision/meetings', { schema: { tags, summary: 'Schedule a supervision session with a supporter', body: MeetingBody, response: { 201: Meeting } } }, async (request, reply) =>
      reply.status(201).send(await service.scheduleMeeting(requireActor(request), request.body)),
    );
    app.patch('/api/supervision/meetings/:id', { schema: { tags, summary: 'Move a supervision session (the supervisor who arranged it); the supporter is told', params: IdParams, body: RescheduleBody, response: { 200: Meeting } } }, async (request) =>
      service.rescheduleMeeting(requireActor(request), request.params.id, request.body),
    );
    app.post('/api/supervision/meetings/:id/cancel', { schema: { tags, summary: 'Cancel a supervision session (either person); the other is told', params: IdParams, response: { 200: Meeting } } }, async (request) =>
      service.cancelMeeting(requireActor(request), request.params.id),
    );
    app.get('/api/supervision/conversations/:conversationId', { schema: { tags, summary: 'Rating and logging an ended one-to-one conversation: what I may do', params: ConversationParams, response: { 200: FollowUp } } }, async (request) =>
      service.getConversationFollowUp(requireActor(request), request.params.conversationId),
    );
    app.post('/api/supervision/feedback', { schema: { tags, summary: 'Rate an ended one-to-one conversation (the member who asked for it)', body: FeedbackBody, response: { 201: Ok } } }, async (request, reply) =>
      reply.status(201).send(await service.rateConversation(requireActor(request), request.body)),
    );
  };
}
