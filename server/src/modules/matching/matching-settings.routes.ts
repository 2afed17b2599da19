import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { MatchingService } from './matching.service.ts';
import { MatchingSettings, MatchingSettingsBody } from './matching-settings.schemas.ts';

const tags = ['matching'];

/** Admins' matching settings for their organization: on-demand small-group idle time and rooms per host. */
export function matchingSettingsRoutes(service: MatchingService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/matching/settings', {
      schema: { tags, summary: 'Matching settings of my organization (admins)', response: { 200: MatchingSettings } },
    }, async (request) => service.getMatchingSettings(requireActor(request)));

    app.put('/api/matching/settings', {
      schema: { tags, summary: 'Change matching settings (admins)', body: MatchingSettingsBody, response: { 200: MatchingSettings } },
    }, async (request) => service.saveMatchingSettings(requireActor(request), request.body));
  };
}
