import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ApplicantList, AssignmentPreview, CreateProgramBody, Program, ProgramList, ProgramParams, UpdateProgramBody } from './cohort.schemas.ts';
import { canManagePrograms } from './matching.policy.ts';
import type { MatchingService } from './matching.service.ts';

const tags = ['matching'];
const Empty = z.object({}).optional();

/** HTTP routes for cohort programs: fixed groups, applicants, and the optimal assignment (preview, then apply). */
export function cohortRoutes(service: MatchingService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/matching/programs', { schema: { tags, summary: 'Programs with fixed groups in my organization', response: { 200: ProgramList } } }, async (request) => {
      const actor = requireActor(request);
      return { programs: await service.listPrograms(actor), abilities: { create: canManagePrograms(actor) } };
    });

    app.post('/api/matching/programs', {
      schema: { tags, summary: 'Set up a program with fixed groups and capacities (facilitators and admins)', body: CreateProgramBody, response: { 201: Program } },
    }, async (request, reply) => reply.status(201).send(await service.createProgram(requireActor(request), request.body)));

    app.get('/api/matching/programs/:id', { schema: { tags, summary: 'One program', params: ProgramParams, response: { 200: Program } } }, async (request) =>
      service.getProgram(requireActor(request), request.params.id),
    );

    app.patch('/api/matching/programs/:id', {
      schema: {
        tags, summary: 'Edit a program (facilitators and admins). Until the groups are assigned anything may change; after that only the name and description', params: ProgramParams, body: UpdateProgramBody, response: { 200: Program },
      },
    }, async (request) => service.updateProgram(requireActor(request), request.params.id, request.body));

    app.post('/api/matching/programs/:id/applications', {
      schema: { tags, summary: 'Apply to a program; I am matched on my intake profile', params: ProgramParams, body: Empty, response: { 200: Program } },
    }, async (request) => service.applyToProgram(requireActor(request), request.params.id));

    app.delete('/api/matching/programs/:id/applications/mine', {
      schema: { tags, summary: 'Withdraw my application before the groups are assigned', params: ProgramParams, response: { 200: Program } },
    }, async (request) => service.withdrawApplication(requireActor(request), request.params.id));

    app.get('/api/matching/programs/:id/applicants', {
      schema: { tags, summary: 'People who applied, with what matching reads from their profile (facilitators and admins)', params: ProgramParams, response: { 200: ApplicantList } },
    }, async (request) => ({ applicants: await service.listApplicants(requireActor(request), request.params.id) }));

    app.post('/api/matching/programs/:id/assignment/preview', {
      schema: { tags, summary: 'The assignment with the least total mismatch, with reasons per person; nothing changes yet', params: ProgramParams, body: Empty, response: { 200: AssignmentPreview } },
    }, async (request) => service.previewAssignment(requireActor(request), request.params.id));

    app.post('/api/matching/programs/:id/assignment', {
      schema: { tags, summary: 'Apply the optimal assignment: enrol everyone in their group and tell them', params: ProgramParams, body: Empty, response: { 200: AssignmentPreview } },
    }, async (request) => service.applyAssignment(requireActor(request), request.params.id));
  };
}
