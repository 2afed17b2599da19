import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { resourceCollectionItems, resourceCollections, resources } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { Language, ResourceKind } from './resources.schemas.ts';

export type ResourceRow = typeof resources.$inferSelect;
export type ResourceInsert = typeof resources.$inferInsert;
export type CollectionRow = typeof resourceCollections.$inferSelect;
export type RankedResource = { resource: ResourceRow; rank: number | null };

/** What one search asks for; `orgId` null searches the starter library only. */
export type SearchParams = { orgId: string | null; q?: string; topic?: string; kind?: ResourceKind; language?: Language; limit: number; matchAny?: boolean };

const CONFIGS: Record<Language, string> = { en: 'english', es: 'spanish' };

/** The starter library (org null) plus the organization's own resources. */
function visibleTo(orgId: string | null): SQL {
  return orgId ? or(isNull(resources.orgId), eq(resources.orgId, orgId))! : isNull(resources.orgId);
}

/**
 * websearch_to_tsquery in the given configuration. With `matchAny`, every lexeme becomes optional ("a | b" instead of
 * "a & b"), the fallback when nothing contains all the words.
 */
function tsQuery(config: string, q: string, matchAny: boolean): SQL {
  const strict = sql`websearch_to_tsquery(${config}::regconfig, ${q})`;
  return matchAny ? sql`replace((${strict})::text, ' & ', ' | ')::tsquery` : strict;
}

/** Builds the ranked search (exported so a test can EXPLAIN the exact statement and see the GIN index used). */
export function buildSearchQuery(db: DbOrTx, p: SearchParams) {
  const filters: SQL[] = [visibleTo(p.orgId)];
  if (p.language) filters.push(eq(resources.language, p.language));
  if (p.kind) filters.push(eq(resources.kind, p.kind));
  if (p.topic) filters.push(sql`${resources.topics} @> array[${p.topic}]::text[]`);
  let rank: SQL<number | null> = sql<null>`null::real`;
  const q = p.q?.trim();
  if (q) {
    const configs = p.language ? [CONFIGS[p.language]] : Object.values(CONFIGS);
    const queries = configs.map((c) => tsQuery(c, q, p.matchAny ?? false));
    filters.push(or(...queries.map((query) => sql`${resources.searchVector} @@ ${query}`))!);
    // Weighted by field (title A … body C); no length normalization, so a full article that covers the question in
    // depth is not outranked by a short item that only mentions a word.
    const ranks = queries.map((query) => sql`ts_rank(${resources.searchVector}, ${query})`);
    rank = sql<number>`greatest(${sql.join(ranks, sql`, `)})`.mapWith(Number);
  }
  return db
    .select({ resource: resources, rank })
    .from(resources)
    .where(and(...filters))
    .orderBy(...(q ? [desc(rank)] : []), asc(resources.title))
    .limit(p.limit);
}

export async function searchResources(db: DbOrTx, p: SearchParams): Promise<RankedResource[]> {
  return buildSearchQuery(db, p);
}

/** A visible resource by slug; the organization's own wins over a starter item with the same slug. */
export async function findVisibleBySlug(db: DbOrTx, orgId: string, slug: string): Promise<ResourceRow | null> {
  const [row] = await db
    .select()
    .from(resources)
    .where(and(visibleTo(orgId), eq(resources.slug, slug)))
    .orderBy(sql`${resources.orgId} is null`)
    .limit(1);
  return row ?? null;
}

export async function findResource(db: DbOrTx, id: string): Promise<ResourceRow | null> {
  const [row] = await db.select().from(resources).where(eq(resources.id, id));
  return row ?? null;
}

export async function findInScope(db: DbOrTx, orgId: string | null, slug: string): Promise<ResourceRow | null> {
  const [row] = await db
    .select()
    .from(resources)
    .where(and(orgId ? eq(resources.orgId, orgId) : isNull(resources.orgId), eq(resources.slug, slug)));
  return row ?? null;
}

export async function insertResource(db: DbOrTx, values: ResourceInsert): Promise<ResourceRow> {
  const [row] = await db.insert(resources).values(values).returning();
  return row!;
}

export async function updateResource(db: DbOrTx, id: string, values: Partial<ResourceInsert>): Promise<ResourceRow> {
  const [row] = await db.update(resources).set(values).where(eq(resources.id, id)).returning();
  return row!;
}

/** Resources sharing any of the topics, in the language first; for group pages. */
export async function listByTopics(db: DbOrTx, orgId: string, topics: string[], language: string, limit: number): Promise<ResourceRow[]> {
  if (topics.length === 0) return [];
  const wanted = sql`array[${sql.join(topics.map((t) => sql`${t}`), sql`, `)}]::text[]`;
  return db
    .select()
    .from(resources)
    .where(and(visibleTo(orgId), sql`${resources.topics} && ${wanted}`))
    .orderBy(sql`${resources.language} <> ${language}`, asc(resources.title))
    .limit(limit);
}

export async function listCollections(db: DbOrTx, orgId: string): Promise<CollectionRow[]> {
  return db
    .select()
    .from(resourceCollections)
    .where(or(isNull(resourceCollections.orgId), eq(resourceCollections.orgId, orgId)))
    .orderBy(asc(resourceCollections.position), asc(resourceCollections.title));
}

export async function listCollectionItems(db: DbOrTx, collectionIds: string[]): Promise<Array<{ collectionId: string; resource: ResourceRow }>> {
  if (collectionIds.length === 0) return [];
  return db
    .select({ collectionId: resourceCollectionItems.collectionId, resource: resources })
    .from(resourceCollectionItems)
    .innerJoin(resources, eq(resources.id, resourceCollectionItems.resourceId))
    .where(inArray(resourceCollectionItems.collectionId, collectionIds))
    .orderBy(asc(resourceCollectionItems.position));
}

export async function findStarterCollection(db: DbOrTx, slug: string): Promise<CollectionRow | null> {
  const [row] = await db.select().from(resourceCollections).where(and(isNull(resourceCollections.orgId), eq(resourceCollections.slug, slug)));
  return row ?? null;
}

export async function upsertStarterCollection(db: DbOrTx, values: { slug: string; title: string; description: string; language: string; position: number }): Promise<CollectionRow> {
  const existing = await findStarterCollection(db, values.slug);
  if (existing) {
    const [row] = await db.update(resourceCollections).set(values).where(eq(resourceCollections.id, existing.id)).returning();
    return row!;
  }
  const [row] = await db.insert(resourceCollections).values({ ...values, orgId: null }).returning();
  return row!;
}

export async function replaceCollectionItems(db: DbOrTx, collectionId: string, resourceIds: string[]): Promise<void> {
  await db.delete(resourceCollectionItems).where(eq(resourceCollectionItems.collectionId, collectionId));
  if (resourceIds.length === 0) return;
  await db.insert(resourceCollectionItems).values(resourceIds.map((resourceId, position) => ({ collectionId, resourceId, position })));
}

/** Serializes concurrent starter-library installs (two nodes booting at once). */
export async function lockStarterLibrary(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('hearth.resources.starter'))`);
}

/** Resources a person wrote (for "export my data"). */
export async function listCreatedBy(db: DbOrTx, userId: string) {
  return db.select({ id: resources.id, title: resources.title, createdAt: resources.createdAt }).from(resources).where(eq(resources.createdBy, userId));
}

export async function clearCreatedBy(db: DbOrTx, userId: string): Promise<void> {
  await db.update(resources).set({ createdBy: null }).where(eq(resources.createdBy, userId));
}

export async function deleteResource(db: DbOrTx, id: string): Promise<void> {
  await db.delete(resources).where(eq(resources.id, id));
}

/** Resources by id, for checking what a collection may hold. */
export async function listResourcesByIds(db: DbOrTx, ids: string[]): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(resources).where(inArray(resources.id, ids));
}

export async function findCollection(db: DbOrTx, id: string): Promise<CollectionRow | null> {
  const [row] = await db.select().from(resourceCollections).where(eq(resourceCollections.id, id));
  return row ?? null;
}

export async function findOrgCollectionBySlug(db: DbOrTx, orgId: string, slug: string): Promise<CollectionRow | null> {
  const [row] = await db.select().from(resourceCollections).where(and(eq(resourceCollections.orgId, orgId), eq(resourceCollections.slug, slug)));
  return row ?? null;
}

/** The organization's own collections come after the starter ones (positions from 1000 up). */
export async function nextOrgCollectionPosition(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${resourceCollections.position}), 999)::int` }).from(resourceCollections).where(eq(resourceCollections.orgId, orgId));
  return (row?.n ?? 999) + 1;
}

export async function insertCollection(db: DbOrTx, values: typeof resourceCollections.$inferInsert): Promise<CollectionRow> {
  const [row] = await db.insert(resourceCollections).values(values).returning();
  return row!;
}

export async function updateCollection(db: DbOrTx, id: string, values: Partial<typeof resourceCollections.$inferInsert>): Promise<CollectionRow> {
  const [row] = await db.update(resourceCollections).set(values).where(eq(resourceCollections.id, id)).returning();
  return row!;
}

export async function deleteCollection(db: DbOrTx, id: string): Promise<void> {
  await db.delete(resourceCollections).where(eq(resourceCollections.id, id));
}
