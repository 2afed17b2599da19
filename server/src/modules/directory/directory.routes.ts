import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { DirectoryService } from './directory.service.ts';
import { DecisionBody, ImportBody, ImportReport, PlaceList, SearchQuery, SearchResult, Service, Suggestion, SuggestionBody } from './directory.schemas.ts';

const tags = ['directory'];
const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });
const StatusQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected'], { error: 'Please choose pending, approved or rejected.' }).default('pending') });

/** HTTP routes for the services directory. */
export function directoryRoutes(service: DirectoryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/directory/services', {
      schema: { tags, summary: 'Search services by distance from a postcode or town, type and language (nearest first)', querystring: SearchQuery, response: { 200: SearchResult } },
    }, async (request) => service.searchServices(requireActor(request), request.query));

    app.get('/api/directory/services/:id', { schema: { tags, summary: 'One service', params: IdParams, response: { 200: Service } } }, async (request) =>
      service.getService(requireActor(request), request.params.id),
    );

    app.get('/api/directory/places', { schema: { tags, summary: 'Postcodes and towns the search understands', response: { 200: PlaceList } } }, async (request) => {
      requireActor(request);
      return { places: service.listPlaces() };
    });

    app.post('/api/directory/import', {
      bodyLimit: 6 * 1024 * 1024,
      schema: { tags, summary: 'Import services from CSV (admins); valid rows are imported and each rejected row is reported', body: ImportBody, response: { 200: ImportReport } },
    }, async (request) => service.importCsv(requireActor(request), request.body.csv));

    app.post('/api/directory/services/:id/suggestions', {
      schema: { tags, summary: 'Suggest a correction to a service (anyone signed in)', params: IdParams, body: SuggestionBody, response: { 201: Suggestion } },
    }, async (request, reply) => reply.status(201).send(await service.suggestCorrection(requireActor(request), request.params.id, request.body)));

    app.get('/api/directory/suggestions', {
      schema: { tags, summary: 'Suggested corrections (moderators and admins)', querystring: StatusQuery, response: { 200: z.object({ suggestions: z.array(Suggestion) }) } },
    }, async (request) => ({ suggestions: await service.listSuggestions(requireActor(request), request.query.status) }));

    app.post('/api/directory/suggestions/:id/decision', {
      schema: { tags, summary: 'Approve (and apply) or reject a suggestion (moderators and admins)', params: IdParams, body: DecisionBody, response: { 200: z.object({ suggestion: Suggestion, service: Service }) } },
    }, async (request) => service.decideSuggestion(requireActor(request), request.params.id, request.body));
  };
}
