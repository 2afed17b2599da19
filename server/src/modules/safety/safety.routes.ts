import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { SafetyService } from './safety.service.ts';
import {
  CaseDetail, CaseList, Rota, CasesQuery, ContactResponse, IdParams, NoteBody, OncallNow, OutcomeBody, SafetyPlan, SafetyPlanBody, SafetyPlanResponse,
  ScreenerBody, ScreenerQuestions, ScreenerResult, Settings, SettingsBody, ShiftsBody, ShiftsResponse, TalkNowResponse,
} from './safety.schemas.ts';

const tags = ['safety'];
const Empty = z.object({}).optional();

/** HTTP routes for the on-call dashboard, talk-now, the safety plan and the risk screener. */
export function safetyRoutes(service: SafetyService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/safety/cases', { schema: { tags, summary: 'The case queue: severity first, then longest waiting (safety staff)', querystring: CasesQuery, response: { 200: CaseList } } }, async (request) => ({
      cases: await service.listCases(requireActor(request), request.query),
    }));

    app.get('/api/safety/cases/:id', {
      schema: { tags, summary: 'A case: the message in context, recent risk history, the safety plan if shared. Records that you viewed it', params: IdParams, response: { 200: CaseDetail } },
    }, async (request) => service.getCase(requireActor(request), request.params.id));

    app.post('/api/safety/cases/:id/acknowledge', { schema: { tags, summary: 'Acknowledge a case: I am on it (stops escalation)', params: IdParams, body: Empty, response: { 200: CaseDetail } } }, async (request) =>
      service.acknowledge(requireActor(request), request.params.id),
    );

    app.post('/api/safety/cases/:id/notes', { schema: { tags, summary: 'Add a note to the case timeline (encrypted at rest)', params: IdParams, body: NoteBody, response: { 200: CaseDetail } } }, async (request) =>
      service.addNote(requireActor(request), request.params.id, request.body.text),
    );

    app.post('/api/safety/cases/:id/outcome', { schema: { tags, summary: 'Close the case with an outcome', params: IdParams, body: OutcomeBody, response: { 200: CaseDetail } } }, async (request) =>
      service.recordOutcome(requireActor(request), request.params.id, request.body.outcome, request.body.notes),
    );

    app.post('/api/safety/cases/:id/contact', { schema: { tags, summary: 'Open a one-to-one chat with the person', params: IdParams, body: Empty, response: { 200: ContactResponse } } }, async (request) =>
      service.contact(requireActor(request), request.params.id),
    );

    app.get('/api/safety/oncall/shifts', { schema: { tags, summary: 'My weekly on-call shifts (moderators and clinicians)', response: { 200: ShiftsResponse } } }, async (request) =>
      service.getMyShifts(requireActor(request)),
    );

    app.put('/api/safety/oncall/shifts', { schema: { tags, summary: 'Replace my weekly on-call shifts', body: ShiftsBody, response: { 200: ShiftsResponse } } }, async (request) =>
      service.saveMyShifts(requireActor(request), request.body),
    );

    app.get('/api/safety/oncall/now', { schema: { tags, summary: 'Who an urgent case would reach right now', response: { 200: OncallNow } } }, async (request) =>
      service.getOncallNow(requireActor(request)),
    );

    app.get('/api/safety/oncall/rota', { schema: { tags, summary: 'The on-call rota: every moderator and clinician with their shifts in their own time zone (safety staff and admins)', response: { 200: Rota } } }, async (request) =>
      service.getRota(requireActor(request)),
    );

    app.get('/api/safety/settings', { schema: { tags, summary: 'Safety settings of my organization (admins)', response: { 200: Settings } } }, async (request) =>
      service.getSettings(requireActor(request)),
    );

    app.put('/api/safety/settings', { schema: { tags, summary: 'Change safety settings (admins)', body: SettingsBody, response: { 200: Settings } } }, async (request) =>
      service.saveSettings(requireActor(request), request.body),
    );

    app.post('/api/safety/talk-now', { schema: { tags, summary: 'Ask to talk to someone now: alerts the on-call team', body: Empty, response: { 200: TalkNowResponse } } }, async (request) =>
      service.talkNow(requireActor(request)),
    );

    app.get('/api/safety/plan', { schema: { tags, summary: 'My safety plan (null when I have none yet)', response: { 200: SafetyPlanResponse } } }, async (request) => ({
      plan: await service.getPlan(requireActor(request)),
    }));

    app.put('/api/safety/plan', { schema: { tags, summary: 'Save my safety plan (encrypted at rest)', body: SafetyPlanBody, response: { 200: SafetyPlan } } }, async (request) =>
      service.savePlan(requireActor(request), request.body),
    );

    app.delete('/api/safety/plan', { schema: { tags, summary: 'Delete my safety plan', response: { 200: z.object({ ok: z.literal(true), deleted: z.boolean() }) } } }, async (request) => ({
      ok: true as const,
      deleted: await service.deletePlan(requireActor(request)),
    }));

    app.get('/api/safety/screener', { schema: { tags, summary: 'The risk screener questions and the credit for their structure', response: { 200: ScreenerQuestions } } }, async (request) => {
      requireActor(request);
      return service.describeScreener();
    });

    app.post('/api/safety/screener', { schema: { tags, summary: 'Submit a risk screener (for myself, or for a case as on-call staff)', body: ScreenerBody, response: { 201: ScreenerResult } } }, async (request, reply) =>
      reply.status(201).send(await service.submitScreener(requireActor(request), request.body.answers, request.body.caseId)),
    );
  };
}
