import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { OrgsService } from './orgs.service.ts';
import { CreateOrgBody, Org } from './orgs.schemas.ts';

const tags = ['organizations'];
const present = (o: Org): Org => ({ id: o.id, name: o.name, slug: o.slug, country: o.country, timezone: o.timezone });

/** Admins manage organizations; everyone can read their own. */
export function orgsRoutes(service: OrgsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/orgs/mine', { schema: { tags, summary: 'My organization', response: { 200: Org } } }, async (request) =>
      present(await service.getOrg(requireActor(request).orgId)),
    );
    app.get('/api/orgs', { schema: { tags, summary: 'All organizations (admins)', response: { 200: z.object({ orgs: z.array(Org) }) } } }, async (request) => {
      if (requireActor(request).role !== 'admin') throw CommonErrors.forbidden();
      return { orgs: (await service.listOrgs()).map(present) };
    });
    app.post('/api/orgs', { schema: { tags, summary: 'Create an organization (admins)', body: CreateOrgBody, response: { 201: Org } } }, async (request, reply) =>
      reply.status(201).send(present(await service.createOrg(requireActor(request), request.body))),
    );
  };
}
