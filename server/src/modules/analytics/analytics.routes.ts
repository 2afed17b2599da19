import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { reportTableCsv } from './analytics.csv.ts';
import type { AnalyticsService } from './analytics.service.ts';
import { AnalyticsSettings, AnalyticsSettingsBody, CreateProgramBody, CsvParams, GroupMood, IdParams, MoodQuery, ProgramList, ProgramParams, ProgramReport, WindowQuery } from './analytics.schemas.ts';

const tags = ['analytics'];

/** HTTP routes for program analytics, programs, settings, CSV tables and a group's mood over time. */
export function analyticsRoutes(service: AnalyticsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/analytics/programs', { schema: { tags, summary: 'Programs I can see (always "All groups") and the groups to build one from', response: { 200: ProgramList } } }, async (request) =>
      service.listPrograms(requireActor(request)),
    );

    app.post('/api/analytics/programs', { schema: { tags, summary: 'Create a program from groups (admins)', body: CreateProgramBody, response: { 201: ProgramList.shape.programs.element } } }, async (request, reply) =>
      reply.status(201).send(await service.createProgram(requireActor(request), request.body)),
    );

    app.delete('/api/analytics/programs/:id', { schema: { tags, summary: 'Delete a program (admins); its groups and data stay', params: IdParams, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) =>
      service.deleteProgram(requireActor(request), request.params.id),
    );

    app.get('/api/analytics/programs/:id', {
      schema: { tags, summary: 'A program\'s engagement, outcomes (mean change with 95% CI, reliable change), experience and cost avoided', params: ProgramParams, querystring: WindowQuery, response: { 200: ProgramReport } },
    }, async (request) => service.buildReport(requireActor(request), request.params.id, request.query.days));

    app.get('/api/analytics/programs/:id/csv/:table', { schema: { tags, summary: 'One table of the program page as CSV', params: CsvParams, querystring: WindowQuery } }, async (request, reply) => {
      const report = await service.buildReport(requireActor(request), request.params.id, request.query.days);
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="hearth-${request.params.table}.csv"`)
        .send(reportTableCsv(report, request.params.table));
    });

    app.get('/api/analytics/settings', { schema: { tags, summary: 'Minimum group size, unit costs, assumptions and reliable-change inputs', response: { 200: AnalyticsSettings } } }, async (request) =>
      service.getSettings(requireActor(request)),
    );

    app.put('/api/analytics/settings', { schema: { tags, summary: 'Change analytics settings (admins)', body: AnalyticsSettingsBody, response: { 200: AnalyticsSettings } } }, async (request) =>
      service.saveSettings(requireActor(request), request.body),
    );

    app.get('/api/analytics/groups/:id/mood', {
      schema: { tags, summary: 'A group\'s mood over time, as weekly aggregates (its facilitators, clinicians, admins)', params: IdParams, querystring: MoodQuery, response: { 200: GroupMood } },
    }, async (request) => service.getGroupMood(requireActor(request), request.params.id, request.query.weeks));
  };
}
