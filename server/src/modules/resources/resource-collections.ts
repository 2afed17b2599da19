import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import { ResourceErrors } from './resources.errors.ts';
import * as policy from './resources.policy.ts';
import type { LibraryActor } from './resources.policy.ts';
import { presentSummary } from './resources.presenter.ts';
import * as repo from './resources.repo.ts';
import type { Collection, CreateCollectionBody, UpdateCollectionBody } from './resources.schemas.ts';

/** "Getting through the holidays" → "getting-through-the-holidays"; a random one when a title has no latin letters. */
export function slugifyTitle(title: string, fallbackPrefix: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : `${fallbackPrefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Curated collections: the starter ones every organization shares, and the ones an organization's staff make from
 * the starter library and their own resources. Everything changed is audited.
 */
export function createCollectionUseCases(deps: { db: Db }) {
  const { db } = deps;

  /** Every chosen resource must be one the organization can read; otherwise 422 naming each bad position. */
  async function checkResourceIds(tx: DbOrTx, actor: LibraryActor, ids: string[]) {
    const found = new Map((await repo.listResourcesByIds(tx, ids)).map((r) => [r.id, r]));
    const bad = ids.flatMap((id, i) => {
      const row = found.get(id);
      return row && policy.canReadResource(actor, row) ? [] : [i];
    });
    if (bad.length > 0) throw ResourceErrors.unknownResources(bad);
  }

  async function loadEditable(actor: LibraryActor, id: string) {
    const row = await repo.findCollection(db, id);
    if (!row || !(row.orgId === null || row.orgId === actor.orgId)) throw ResourceErrors.collectionNotFound();
    if (!policy.canManageLibrary(actor)) throw ResourceErrors.cannotManage();
    if (!policy.canEditCollection(actor, row)) throw ResourceErrors.starterCollectionReadOnly();
    return row;
  }

  async function presentOne(actor: LibraryActor, id: string): Promise<Collection> {
    const found = (await listCollections(actor)).find((c) => c.id === id);
    if (!found) throw ResourceErrors.collectionNotFound();
    return found;
  }

  async function listCollections(actor: LibraryActor): Promise<Collection[]> {
    const collections = await repo.listCollections(db, actor.orgId);
    const items = await repo.listCollectionItems(db, collections.map((c) => c.id));
    return collections.map((c) => ({
      id: c.id,
      slug: c.slug,
      title: c.title,
      description: c.description,
      language: c.language,
      starter: c.orgId === null,
      resources: items.filter((i) => i.collectionId === c.id && policy.canReadResource(actor, i.resource)).map((i) => presentSummary(i.resource)),
      abilities: { edit: policy.canEditCollection(actor, c) },
    }));
  }

  return {
    /** The starter collections first, then the organization's own; with what the caller may do. */
    async listCollections(actor: LibraryActor): Promise<{ collections: Collection[]; abilities: { create: boolean } }> {
      return { collections: await listCollections(actor), abilities: { create: policy.canManageLibrary(actor) } };
    },

    async createCollection(actor: LibraryActor, body: CreateCollectionBody): Promise<Collection> {
      if (!policy.canManageLibrary(actor)) throw ResourceErrors.cannotManage();
      const slug = slugifyTitle(body.title, 'collection');
      const row = await db.transaction(async (tx) => {
        await checkResourceIds(tx, actor, body.resourceIds);
        if (await repo.findOrgCollectionBySlug(tx, actor.orgId, slug)) throw ResourceErrors.collectionSlugTaken();
        const created = await repo.insertCollection(tx, {
          orgId: actor.orgId, slug, title: body.title, description: body.description, language: body.language, position: await repo.nextOrgCollectionPosition(tx, actor.orgId),
        });
        await repo.replaceCollectionItems(tx, created.id, body.resourceIds);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'resource_collection.created', entityType: 'resource_collection', entityId: created.id, data: { items: body.resourceIds.length } });
        return created;
      });
      return presentOne(actor, row.id);
    },

    async updateCollection(actor: LibraryActor, id: string, body: UpdateCollectionBody): Promise<Collection> {
      await loadEditable(actor, id);
      await db.transaction(async (tx) => {
        const { resourceIds, ...fields } = body;
        if (resourceIds) {
          await checkResourceIds(tx, actor, resourceIds);
          await repo.replaceCollectionItems(tx, id, resourceIds);
        }
        // The slug stays as it was, so links people saved keep working after a rename.
        if (Object.values(fields).some((v) => v !== undefined)) await repo.updateCollection(tx, id, fields);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'resource_collection.updated', entityType: 'resource_collection', entityId: id, data: { fields: Object.keys(body) } });
      });
      return presentOne(actor, id);
    },

    /** Removes the list only; the resources in it stay in the library. */
    async deleteCollection(actor: LibraryActor, id: string): Promise<{ ok: true }> {
      const row = await loadEditable(actor, id);
      await db.transaction(async (tx) => {
        await repo.deleteCollection(tx, id);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'resource_collection.deleted', entityType: 'resource_collection', entityId: id, data: { slug: row.slug } });
      });
      return { ok: true };
    },
  };
}
