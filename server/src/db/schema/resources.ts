import { sql, type SQL } from 'drizzle-orm';
import { customType, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';

/** PostgreSQL full-text document; written only by the generated column below. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const resourceKind = pgEnum('resource_kind', ['article', 'video', 'audio', 'podcast', 'worksheet']);

/**
 * The text-search configuration follows the resource's language, so "técnicas" and "techniques" are each stemmed by
 * their own language's rules. Weights: title A, summary and keywords B, body C.
 */
const searchDocument: SQL = sql`
  setweight(to_tsvector(CASE WHEN language = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, coalesce(title, '')), 'A') ||
  setweight(to_tsvector(CASE WHEN language = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, coalesce(summary, '') || ' ' || coalesce(keywords, '')), 'B') ||
  setweight(to_tsvector(CASE WHEN language = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, coalesce(body, '')), 'C')`;

/**
 * Library items: articles (markdown), videos, audio, podcasts and worksheets. `org_id` null marks the starter
 * library every organization shares; organizations add their own.
 */
export const resources = pgTable(
  'resources',
  {
    id: id(),
    orgId: uuid('org_id').references(() => orgs.id),
    slug: text('slug').notNull(),
    kind: resourceKind('kind').notNull().default('article'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown; rendered in the browser without raw HTML. */
    body: text('body').notNull().default(''),
    language: text('language').notNull().default('en'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    audience: text('audience').array().notNull().default(sql`'{}'::text[]`),
    /** Tags and topics flattened to text by the service (array_to_string is not immutable, so it cannot be generated). */
    keywords: text('keywords').notNull().default(''),
    /** An external link for a video, audio or podcast hosted elsewhere. */
    mediaUrl: text('media_url'),
    /** A file uploaded to Hearth: its storage key, type and size. */
    mediaFile: text('media_file'),
    mediaType: text('media_type'),
    mediaBytes: integer('media_bytes'),
    durationMinutes: integer('duration_minutes'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    searchVector: tsvector('search_vector').generatedAlwaysAs(searchDocument),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('resources_scope_slug_key').on(sql`coalesce(${t.orgId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.slug),
    index('resources_search_idx').using('gin', t.searchVector),
    index('resources_topics_idx').using('gin', t.topics),
    index('resources_org_idx').on(t.orgId),
  ],
);

/** A curated, ordered list such as "Your first week" or "After a loss". */
export const resourceCollections = pgTable(
  'resource_collections',
  {
    id: id(),
    orgId: uuid('org_id').references(() => orgs.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    language: text('language').notNull().default('en'),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('resource_collections_scope_slug_key').on(sql`coalesce(${t.orgId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.slug)],
);

export const resourceCollectionItems = pgTable(
  'resource_collection_items',
  {
    id: id(),
    collectionId: uuid('collection_id').notNull().references(() => resourceCollections.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('resource_collection_items_key').on(t.collectionId, t.resourceId), index('resource_collection_items_resource_idx').on(t.resourceId)],
);
