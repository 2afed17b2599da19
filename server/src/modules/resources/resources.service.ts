import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import type { GroupsService } from '../groups/index.ts';
import type { MediaStore } from './media-store.ts';
import * as policy from './resources.policy.ts';
import type { LibraryActor } from './resources.policy.ts';
import { presentResource, presentSummary } from './resources.presenter.ts';
import * as repo from './resources.repo.ts';
import { ResourceErrors } from './resources.errors.ts';
import { LIMITS, MEDIA_TYPES, type CreateResourceBody, type Language, type Resource, type ResourceSummary, type SearchQuery, type UpdateResourceBody } from './resources.schemas.ts';
import { loadStarterLibrary, renderPacedBreathingWav } from './starter-library.ts';
import { createCollectionUseCases, slugifyTitle } from './resource-collections.ts';

export type ResourcesService = ReturnType<typeof createResourcesService>;

/** One library match for retrieval (the intake chatbot): enough to cite and link, never a person's data. */
export type LibraryMatch = { id: string; slug: string; title: string; summary: string; language: string; kind: string; url: string; rank: number };

/** Tags and topics as one text field, so the generated search vector can weigh them with the summary. */
function keywordsOf(v: { topics?: string[]; tags?: string[]; audience?: string[] }): string {
  return [...(v.topics ?? []), ...(v.tags ?? []), ...(v.audience ?? [])].join(' ');
}


/**
 * The resource library: ranked full-text search (English and Spanish), curated collections, articles with media,
 * worksheets, and the starter library every organization shares.
 */
export function createResourcesService(deps: { db: Db; media: MediaStore; groups?: Pick<GroupsService, 'findGroup'> }) {
  const { db, media } = deps;

  /** AND-search first; when nothing contains every word, any word will do, so a long question still finds help. */
  async function rankedSearch(p: Omit<repo.SearchParams, 'matchAny'>) {
    const strict = await repo.searchResources(db, p);
    if (strict.length > 0 || !p.q?.trim()) return strict;
    return repo.searchResources(db, { ...p, matchAny: true });
  }

  async function loadReadable(actor: LibraryActor, slug: string) {
    const row = await repo.findVisibleBySlug(db, actor.orgId, slug);
    if (!row || !policy.canReadResource(actor, row)) throw ResourceErrors.notFound();
    return row;
  }

  async function loadById(actor: LibraryActor, id: string) {
    const row = await repo.findResource(db, id);
    if (!row || !policy.canReadResource(actor, row)) throw ResourceErrors.notFound();
    return row;
  }

  async function loadEditable(actor: LibraryActor, id: string) {
    const row = await loadById(actor, id);
    if (!policy.canManageLibrary(actor)) throw ResourceErrors.cannotManage();
    if (!policy.canEditResource(actor, row)) throw ResourceErrors.starterReadOnly();
    return row;
  }

  return {
    /** Search or browse the library the person can see. */
    async listResources(actor: LibraryActor, query: SearchQuery): Promise<{ resources: ResourceSummary[]; abilities: { create: boolean } }> {
      const rows = await rankedSearch({ orgId: actor.orgId, q: query.q, topic: query.topic, kind: query.kind, language: query.language, limit: query.limit });
      return { resources: rows.map((r) => presentSummary(r.resource, r.rank)), abilities: { create: policy.canManageLibrary(actor) } };
    },

    /**
     * Retrieval for other modules (the intake chatbot): ranked matches from the starter library and, when given, the
     * organization's own resources.
     */
    async searchResources(query: string, opts: { language?: Language; limit?: number; orgId?: string } = {}): Promise<LibraryMatch[]> {
      const q = query.trim().slice(0, LIMITS.query);
      if (!q) return [];
      const rows = await rankedSearch({ orgId: opts.orgId ?? null, q, language: opts.language, limit: Math.min(opts.limit ?? 5, 20) });
      return rows.map(({ resource: r, rank }) => ({ id: r.id, slug: r.slug, title: r.title, summary: r.summary, language: r.language, kind: r.kind, url: `/resources/${r.slug}`, rank: rank ?? 0 }));
    },

    async getResource(actor: LibraryActor, slug: string): Promise<Resource> {
      const row = await loadReadable(actor, slug);
      return presentResource(row, { edit: policy.canEditResource(actor, row) });
    },

    async createResource(actor: LibraryActor, body: CreateResourceBody): Promise<Resource> {
      if (!policy.canManageLibrary(actor)) throw ResourceErrors.cannotManage();
      const slug = body.slug ?? slugifyTitle(body.title, 'resource');
      const row = await db.transaction(async (tx) => {
        if (await repo.findInScope(tx, actor.orgId, slug)) throw ResourceErrors.slugTaken();
        const created = await repo.insertResource(tx, {
          orgId: actor.orgId,
          slug,
          kind: body.kind,
          title: body.title,
          summary: body.summary,
          body: body.body,
          language: body.language,
          topics: body.topics,
          tags: body.tags,
          audience: body.audience,
          keywords: keywordsOf(body),
          mediaUrl: body.mediaUrl ?? null,
          durationMinutes: body.durationMinutes ?? null,
          createdBy: actor.userId,
        });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'resource.created', entityType: 'resource', entityId: created.id, data: { slug } });
        return created;
      });
      return presentResource(row, { edit: true });
    },

    async updateResource(actor: LibraryActor, id: string, body: UpdateResourceBody): Promise<Resource> {
      const existing = await loadEditable(actor, id);
      const row = await db.transaction(async (tx) => {
        const merged = { topics: body.topics ?? existing.topics, tags: body.tags ?? existing.tags, audience: body.audience ?? existing.audience };
        const updated = await repo.updateResource(tx, id, { ...body, keywords: keywordsOf(merged) });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'resource.updated', entityType: 'resource', entityId: id, data: { fields: Object.keys(body) } });
        return updated;
      });
      return presentResource(row, { edit: true });
    },

    /** Stores an uploaded audio, video or PDF file for a resource, replacing any earlier one. */
    async uploadMedia(actor: LibraryActor, id: string, type: string | undefined, input: Readable): Promise<Resource> {
      const existing = await loadEditable(actor, id);
      const mediaType = (type ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(MEDIA_TYPES as readonly string[]).includes(mediaType)) throw ResourceErrors.unsupportedMedia();
      const saved = await media.save(input, LIMITS.mediaBytes);
      const row = await db.transaction(async (tx) => {
        const updated = await repo.updateResource(tx, id, { mediaFile: saved.key, mediaType, mediaBytes: saved.bytes });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'resource.media_uploaded', entityType: 'resource', entityId: id, data: { type: mediaType, bytes: saved.bytes } });
        return updated;
      });
      if (existing.mediaFile) await media.remove(existing.mediaFile);
      return presentResource(row, { edit: true });
    },

    /** Streams a resource's uploaded file, honouring Range so players can seek. */
    async sendMedia(actor: LibraryActor, id: string, reply: FastifyReply, rangeHeader: string | undefined) {
      const row = await loadById(actor, id);
      if (!row.mediaFile || !row.mediaType) throw ResourceErrors.noMedia();
      const ext = row.mediaType.split('/')[1] ?? 'bin';
      return media.send(reply, row.mediaFile, { type: row.mediaType, rangeHeader, disposition: 'inline', filename: `${row.slug}.${ext}` });
    },

    /** A worksheet to keep: its uploaded PDF, or its text as a markdown file. */
    async sendDownload(actor: LibraryActor, id: string, reply: FastifyReply, rangeHeader: string | undefined) {
      const row = await loadById(actor, id);
      if (row.mediaFile && row.mediaType) {
        const ext = row.mediaType.split('/')[1] ?? 'bin';
        return media.send(reply, row.mediaFile, { type: row.mediaType, rangeHeader, disposition: 'attachment', filename: `${row.slug}.${ext}` });
      }
      return reply
        .header('content-type', 'text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${row.slug}.md"`)
        .header('x-content-type-options', 'nosniff')
        .send(`# ${row.title}\n\n${row.body}`);
    },

    ...createCollectionUseCases({ db }),

    /** Staff remove one of their organization's resources (and its uploaded file); collections simply lose it. */
    async deleteResource(actor: LibraryActor, id: string): Promise<{ ok: true }> {
      const existing = await loadEditable(actor, id);
      await db.transaction(async (tx) => {
        await repo.deleteResource(tx, id);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'resource.deleted', entityType: 'resource', entityId: id, data: { slug: existing.slug, title: existing.title } });
      });
      if (existing.mediaFile) await media.remove(existing.mediaFile);
      return { ok: true };
    },

    /** Resources that share a group's topics, in the group's language first (shown on the group page). */
    async listForGroup(actor: LibraryActor, groupId: string, limit = 4): Promise<ResourceSummary[]> {
      const group = await deps.groups?.findGroup(groupId);
      if (!group || group.orgId !== actor.orgId || group.archivedAt) throw ResourceErrors.groupNotFound();
      const rows = await repo.listByTopics(db, actor.orgId, group.topics, group.language, limit);
      return rows.map((r) => presentSummary(r));
    },

    /** Installs or refreshes the starter library from its files. Idempotent, and safe when two nodes boot at once. */
    async installStarterLibrary(): Promise<{ items: number; collections: number }> {
      const library = loadStarterLibrary();
      const pendingAudio: string[] = [];
      await db.transaction(async (tx) => {
        await repo.lockStarterLibrary(tx);
        const ids = new Map<string, string>();
        for (const item of library.items) {
          const values = {
            kind: item.kind,
            title: item.title,
            summary: item.summary,
            body: item.body,
            language: item.language,
            topics: item.topics,
            tags: item.tags,
            audience: item.audience,
            keywords: keywordsOf(item),
            mediaUrl: item.mediaUrl ?? null,
            durationMinutes: item.durationMinutes ?? null,
          };
          const existing = await repo.findInScope(tx, null, item.slug);
          const row = existing ? await repo.updateResource(tx, existing.id, values) : await repo.insertResource(tx, { ...values, orgId: null, slug: item.slug });
          ids.set(item.slug, row.id);
          if (item.media === 'generated:paced-breathing' && !row.mediaFile) pendingAudio.push(row.id);
        }
        for (const [position, c] of library.collections.entries()) {
          const row = await repo.upsertStarterCollection(tx, { slug: c.slug, title: c.title, description: c.description, language: c.language, position });
          await repo.replaceCollectionItems(tx, row.id, c.items.map((s) => ids.get(s)!));
        }
      });
      for (const id of pendingAudio) {
        const saved = await media.saveBuffer(renderPacedBreathingWav());
        await repo.updateResource(db, id, { mediaFile: saved.key, mediaType: 'audio/wav', mediaBytes: saved.bytes });
      }
      return { items: library.items.length, collections: library.collections.length };
    },
  };
}
