import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { requireActor } from '../../platform/http/actor.ts';
import type { ResourcesService } from './resources.service.ts';
import { Collection, CollectionList, CreateCollectionBody, CreateResourceBody, MEDIA_TYPES, Resource, ResourceList, ResourceSummary, SearchQuery, UpdateCollectionBody, UpdateResourceBody } from './resources.schemas.ts';

const tags = ['resources'];
const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });
const Deleted = z.object({ ok: z.literal(true) });
const SlugParams = z.object({ slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'That link is not valid. Please check it and try again.').max(80) });

/** HTTP routes for the resource library. */
export function resourcesRoutes(service: ResourcesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/resources', { schema: { tags, summary: 'Search or browse the library (ranked full-text search in English and Spanish)', querystring: SearchQuery, response: { 200: ResourceList } } }, async (request) =>
      service.listResources(requireActor(request), request.query),
    );

    app.get('/api/resources/collections', { schema: { tags, summary: 'Curated collections such as "Your first week"', response: { 200: CollectionList } } }, async (request) =>
      service.listCollections(requireActor(request)),
    );

    app.post('/api/resources/collections', { schema: { tags, summary: 'Make a collection for my organization (moderators, clinicians, admins)', body: CreateCollectionBody, response: { 201: Collection } } }, async (request, reply) =>
      reply.status(201).send(await service.createCollection(requireActor(request), request.body)),
    );

    app.patch('/api/resources/collections/:id', { schema: { tags, summary: 'Rename or reorder one of my organization\'s collections', params: IdParams, body: UpdateCollectionBody, response: { 200: Collection } } }, async (request) =>
      service.updateCollection(requireActor(request), request.params.id, request.body),
    );

    app.delete('/api/resources/collections/:id', { schema: { tags, summary: 'Remove one of my organization\'s collections (its resources stay)', params: IdParams, response: { 200: Deleted } } }, async (request) =>
      service.deleteCollection(requireActor(request), request.params.id),
    );

    app.get('/api/resources/:slug', { schema: { tags, summary: 'One resource with its article text and media', params: SlugParams, response: { 200: Resource } } }, async (request) =>
      service.getResource(requireActor(request), request.params.slug),
    );

    app.post('/api/resources', { schema: { tags, summary: 'Add a resource (moderators, clinicians, admins)', body: CreateResourceBody, response: { 201: Resource } } }, async (request, reply) =>
      reply.status(201).send(await service.createResource(requireActor(request), request.body)),
    );

    app.patch('/api/resources/:id', { schema: { tags, summary: 'Change a resource of my organization (moderators, clinicians, admins)', params: IdParams, body: UpdateResourceBody, response: { 200: Resource } } }, async (request) =>
      service.updateResource(requireActor(request), request.params.id, request.body),
    );

    app.delete('/api/resources/:id', { schema: { tags, summary: 'Remove a resource of my organization (moderators, clinicians, admins)', params: IdParams, response: { 200: Deleted } } }, async (request) =>
      service.deleteResource(requireActor(request), request.params.id),
    );

    app.get('/api/resources/:id/media', { schema: { tags, summary: 'The uploaded audio, video or PDF (supports Range requests)', params: IdParams } }, async (request, reply) =>
      service.sendMedia(requireActor(request), request.params.id, reply, request.headers.range),
    );

    app.get('/api/resources/:id/download', { schema: { tags, summary: 'Download a worksheet', params: IdParams } }, async (request, reply) =>
      service.sendDownload(requireActor(request), request.params.id, reply, request.headers.range),
    );

    app.get('/api/groups/:id/resources', { schema: { tags, summary: 'Library resources related to a group\'s topics', params: IdParams, response: { 200: z.object({ resources: z.array(ResourceSummary) }) } } }, async (request) => ({
      resources: await service.listForGroup(requireActor(request), request.params.id),
    }));

    // Uploads stream straight to disk: the raw body is the file, its Content-Type the media type.
    await app.register(async (scope) => {
      const upload = scope.withTypeProvider<ZodTypeProvider>();
      upload.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      upload.put('/api/resources/:id/media', {
        schema: { tags, summary: `Upload the resource's file as the raw request body (${MEDIA_TYPES.join(', ')})`, params: IdParams, response: { 200: Resource } },
      }, async (request) => {
        const actor = requireActor(request);
        return service.uploadMedia(actor, request.params.id, request.headers['content-type'], request.body as Readable);
      });
    });
  };
}
