import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { ModerationService } from './moderation.service.ts';
import {
  Appeal, AppealBody, BlockBody, BlockList, FlagBody, FlagReceipt, IdParams, LiveReasonBody, LiveRemoveParams, MyDecisions, MyDecisionsQuery, NoticeList, Ok, PrecheckBody,
  PrecheckResult, PublicLog, PublicLogQuery, SessionMuteBody, SessionMutes, Standing, VisitBody,
} from './moderation.schemas.ts';

const tags = ['moderation'];
const Empty = z.object({}).optional();
const MyFlags = z.object({ flags: z.array(z.object({ id: z.string(), targetKind: z.string(), reason: z.string(), outcome: z.string(), createdAt: z.string(), decidedAt: z.string().nullable() })) });
const BlockParams = z.object({ kind: z.enum(['block', 'mute']), userId: z.uuid({ message: 'must be a valid id' }) });

/** What every signed-in person can do: flag, check a draft, see their standing and notices, appeal, block and mute. */
export function memberRoutes(service: ModerationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/moderation/flags', {
      schema: { tags, summary: 'Flag a message, post or profile ("worried" goes to the safety on-call team)', body: FlagBody, response: { 201: FlagReceipt } },
    }, async (request, reply) => reply.status(201).send(await service.flagContent(requireActor(request), request.body)));

    app.get('/api/moderation/flags/mine', { schema: { tags, summary: 'My flags and what became of them', response: { 200: MyFlags } } }, async (request) => ({
      flags: await service.listMyFlags(requireActor(request)),
    }));

    app.post('/api/moderation/precheck', {
      schema: { tags, summary: 'Check a draft before sending: warnings about personal information and more. Nothing is stored', body: PrecheckBody, response: { 200: PrecheckResult } },
    }, async (request) => service.precheck(requireActor(request), request.body));

    app.get('/api/moderation/me', { schema: { tags, summary: 'My trust level, progress and restrictions', response: { 200: Standing } } }, async (request) =>
      service.getMyStanding(requireActor(request)),
    );

    app.post('/api/moderation/me/visit', {
      schema: { tags, summary: 'Count today\u2019s visit, once a day (trust levels are earned by participation)', body: VisitBody, response: { 200: Standing } },
    }, async (request) => service.recordVisit(requireActor(request)));

    app.get('/api/moderation/me/decisions', {
      schema: { tags, summary: 'Decisions moderators made about me, and which I can still appeal (once)', querystring: MyDecisionsQuery, response: { 200: MyDecisions } },
    }, async (request) => service.listMyDecisions(requireActor(request), request.query.limit));

    app.get('/api/moderation/notices', { schema: { tags, summary: 'What moderation told me, with what I can do next', response: { 200: NoticeList } } }, async (request) =>
      service.listMyNotices(requireActor(request)),
    );

    app.post('/api/moderation/notices/read', { schema: { tags, summary: 'Mark my notices read', body: Empty, response: { 200: Ok } } }, async (request) =>
      service.markNoticesRead(requireActor(request)),
    );

    app.post('/api/moderation/actions/:id/appeal', {
      schema: { tags, summary: 'Appeal a decision about me (once); a different moderator decides', params: IdParams, body: AppealBody, response: { 201: Appeal } },
    }, async (request, reply) => reply.status(201).send(await service.appealAction(requireActor(request), request.params.id, request.body)));

    app.get('/api/moderation/blocks', { schema: { tags, summary: 'People I blocked or muted', response: { 200: BlockList } } }, async (request) =>
      service.listBlocks(requireActor(request)),
    );

    app.post('/api/moderation/blocks', { schema: { tags, summary: 'Block or mute someone (they are not told)', body: BlockBody, response: { 200: BlockList } } }, async (request) =>
      service.addBlock(requireActor(request), request.body),
    );

    app.delete('/api/moderation/blocks/:kind/:userId', { schema: { tags, summary: 'Unblock or unmute someone', params: BlockParams, response: { 200: BlockList } } }, async (request) =>
      service.removeBlock(requireActor(request), { userId: request.params.userId, kind: request.params.kind }),
    );

    app.get('/api/moderation/public-log', {
      schema: { tags, summary: 'Anonymised summary of moderation in a group (or the public boards), last 90 days', querystring: PublicLogQuery, response: { 200: PublicLog } },
    }, async (request) => service.getPublicSummary(requireActor(request), request.query.groupId));

    // Facilitators holding a live session.
    app.post('/api/moderation/live/rooms/:roomId/messages/:messageId/remove', {
      schema: { tags, summary: 'Remove a message from a group or session room (facilitators, moderators)', params: LiveRemoveParams, body: LiveReasonBody, response: { 200: Ok } },
    }, async (request) => service.removeLiveMessage(requireActor(request), request.params.roomId, request.params.messageId, request.body.reason));

    app.get('/api/moderation/live/sessions/:id/mutes', {
      schema: { tags, summary: 'Who is paused in this session (facilitators)', params: IdParams, response: { 200: SessionMutes } },
    }, async (request) => service.listSessionMutes(requireActor(request), request.params.id));

    app.post('/api/moderation/live/sessions/:id/mutes', {
      schema: { tags, summary: 'Pause a participant for the rest of the session (facilitators)', params: IdParams, body: SessionMuteBody, response: { 200: SessionMutes } },
    }, async (request) => service.muteForSession(requireActor(request), request.params.id, request.body.userId, true));

    app.post('/api/moderation/live/sessions/:id/unmute', {
      schema: { tags, summary: 'Let a paused participant post again (facilitators)', params: IdParams, body: SessionMuteBody, response: { 200: SessionMutes } },
    }, async (request) => service.muteForSession(requireActor(request), request.params.id, request.body.userId, false));

    app.post('/api/moderation/live/sessions/:id/end', {
      schema: { tags, summary: 'End the live session now (facilitators)', params: IdParams, body: Empty, response: { 200: Ok } },
    }, async (request) => service.endLiveSession(requireActor(request), request.params.id));
  };
}
