import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { toCsv } from './csv.ts';
import type { OutcomesService } from './outcomes.service.ts';
import {
  Checkin, CheckinBody, Feedback, IdParams, InstrumentDefinition, InstrumentParams, OutcomeSettings, OutcomeSettingsBody, Overview, Preferences, PreferencesBody,
  Progress, ResearchExport, Screening, ScreeningBody, ScreeningResult, SessionFeedbackBody,
} from './outcomes.schemas.ts';

const tags = ['outcomes'];
const Empty = z.object({}).optional();

/** HTTP routes for check-ins, questionnaires, feedback, "My progress", choices and exports. */
export function outcomesRoutes(service: OutcomesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/outcomes/me', { schema: { tags, summary: 'What is due for me (check-in, PHQ-9, GAD-7), my choices and any open note', response: { 200: Overview } } }, async (request) =>
      service.getOverview(requireActor(request)),
    );

    app.get('/api/outcomes/instruments/:instrument', {
      schema: { tags, summary: 'A questionnaire (PHQ-9 or GAD-7): items, answers and the authors\' attribution', params: InstrumentParams, response: { 200: InstrumentDefinition } },
    }, async (request) => {
      requireActor(request);
      return service.describeInstrument(request.params.instrument);
    });

    app.post('/api/outcomes/checkins', { schema: { tags, summary: 'Record a mood check-in (encrypted at rest)', body: CheckinBody, response: { 201: Checkin } } }, async (request, reply) =>
      reply.status(201).send(await service.submitCheckin(requireActor(request), request.body)),
    );

    app.get('/api/outcomes/checkins', { schema: { tags, summary: 'My check-ins, newest first', response: { 200: z.object({ checkins: z.array(Checkin) }) } } }, async (request) => ({
      checkins: await service.listCheckins(requireActor(request)),
    }));

    app.post('/api/outcomes/screenings', {
      schema: { tags, summary: 'Submit a PHQ-9 or GAD-7 (encrypted). PHQ-9 item 9 above 0 opens the safety flow at once', body: ScreeningBody, response: { 201: ScreeningResult } },
    }, async (request, reply) => reply.status(201).send(await service.submitScreening(requireActor(request), request.body)));

    app.get('/api/outcomes/screenings', { schema: { tags, summary: 'My questionnaires, newest first', response: { 200: z.object({ screenings: z.array(Screening) }) } } }, async (request) => ({
      screenings: await service.listScreenings(requireActor(request)),
    }));

    app.get('/api/outcomes/progress', { schema: { tags, summary: 'My progress: scores, mood, attendance and message mood over time', response: { 200: Progress } } }, async (request) =>
      service.getProgress(requireActor(request)),
    );

    app.get('/api/outcomes/preferences', { schema: { tags, summary: 'My choices: reminders, research opt-in, telling my peer supporter', response: { 200: Preferences } } }, async (request) =>
      service.getPreferences(requireActor(request)),
    );

    app.put('/api/outcomes/preferences', { schema: { tags, summary: 'Change my choices (each can be changed back at any time)', body: PreferencesBody, response: { 200: Preferences } } }, async (request) =>
      service.savePreferences(requireActor(request), request.body),
    );

    app.post('/api/outcomes/nudges/:id/dismiss', { schema: { tags, summary: 'Close a gentle note', params: IdParams, body: Empty, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) =>
      service.dismissNudge(requireActor(request), request.params.id),
    );

    app.get('/api/outcomes/fhir', { schema: { tags, summary: 'My PHQ-9 and GAD-7 results as a FHIR R4 Bundle of QuestionnaireResponses (LOINC coded)' } }, async (request, reply) => {
      const bundle = await service.exportFhir(requireActor(request));
      return reply
        .header('content-type', 'application/fhir+json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="hearth-questionnaires.fhir.json"')
        .header('cache-control', 'no-store')
        .send(JSON.stringify(bundle));
    });

    app.put('/api/sessions/:id/feedback', { schema: { tags, summary: 'How a session felt: felt heard, satisfaction, a comment (encrypted)', params: IdParams, body: SessionFeedbackBody, response: { 200: Feedback } } }, async (request) =>
      service.saveSessionFeedback(requireActor(request), request.params.id, request.body),
    );

    app.get('/api/outcomes/settings', { schema: { tags, summary: 'How often questionnaires and check-ins are offered here', response: { 200: OutcomeSettings } } }, async (request) =>
      service.getSettings(requireActor(request)),
    );

    app.put('/api/outcomes/settings', { schema: { tags, summary: 'Change how often questionnaires (14–28 days) and check-ins are offered (admins)', body: OutcomeSettingsBody, response: { 200: OutcomeSettings } } }, async (request) =>
      service.saveSettings(requireActor(request), request.body),
    );

    app.get('/api/outcomes/research-export', {
      schema: { tags, summary: 'De-identified scores of people who opted in to research (admins and clinicians)', response: { 200: ResearchExport } },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.exportResearch(requireActor(request));
    });

    app.get('/api/outcomes/research-export.csv', { schema: { tags, summary: 'The research export as CSV (admins and clinicians)' } }, async (request, reply) => {
      const data = await service.exportResearch(requireActor(request));
      const rows = data.rows.map((r) => ({ ...r, answers: r.answers?.join(' ') ?? '' }));
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="hearth-research.csv"')
        .send(toCsv(['researchId', 'kind', 'day', 'score', 'answers'], rows));
    });
  };
}
