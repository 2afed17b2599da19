import { z } from 'zod';

export const RESOURCE_KINDS = ['article', 'video', 'audio', 'podcast', 'worksheet'] as const;
export const ResourceKind = z.enum(RESOURCE_KINDS, { error: 'Please choose article, video, audio, podcast or worksheet.' });
export type ResourceKind = z.infer<typeof ResourceKind>;

export const LANGUAGES = ['en', 'es'] as const;
export const Language = z.enum(LANGUAGES, { error: 'The library is in English (en) and Spanish (es) for now.' });
export type Language = z.infer<typeof Language>;

export const LIMITS = { title: 150, summary: 400, body: 60_000, tag: 40, tags: 12, query: 200, mediaBytes: 200 * 1024 * 1024 } as const;

/** Audio, video and document types the library serves as uploaded files. */
export const MEDIA_TYPES = ['audio/mpeg', 'audio/ogg', 'audio/wav', 'audio/mp4', 'video/mp4', 'video/webm', 'application/pdf'] as const;

const Label = z.string().trim().toLowerCase().min(1, 'Please remove empty labels.').max(LIMITS.tag, `Please keep each label to ${LIMITS.tag} characters or fewer.`);
const Labels = z.array(Label).max(LIMITS.tags, `Please use at most ${LIMITS.tags} labels.`);
const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'Please give a full web address that starts with https://' })
  .max(2000, 'Please use a shorter web address.');

export const CreateResourceBody = z.object({
  kind: ResourceKind.default('article'),
  title: z.string().trim().min(1, 'Please give the resource a title.').max(LIMITS.title, `Please keep the title to ${LIMITS.title} characters or fewer.`),
  slug: z
    .string()
    .trim()
    .min(2, 'Please use at least 2 characters.')
    .max(80, 'Please use 80 characters or fewer.')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, numbers and single dashes, like "sleep-basics".')
    .optional(),
  summary: z.string().trim().max(LIMITS.summary, `Please keep the summary to ${LIMITS.summary} characters or fewer.`).default(''),
  body: z.string().max(LIMITS.body, 'That text is very long. Please split it into two resources.').default(''),
  language: Language.default('en'),
  topics: Labels.default([]),
  tags: Labels.default([]),
  audience: Labels.default([]),
  mediaUrl: HttpUrl.nullable().optional(),
  durationMinutes: z.number().int().min(1).max(600).nullable().optional(),
});
export type CreateResourceBody = z.infer<typeof CreateResourceBody>;

export const UpdateResourceBody = CreateResourceBody.omit({ slug: true, kind: true, summary: true, body: true, language: true, topics: true, tags: true, audience: true })
  .partial()
  .extend({
    kind: ResourceKind.optional(),
    summary: CreateResourceBody.shape.summary.unwrap().optional(),
    body: CreateResourceBody.shape.body.unwrap().optional(),
    language: Language.optional(),
    topics: Labels.optional(),
    tags: Labels.optional(),
    audience: Labels.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Please change something before saving.', path: ['title'] });
export type UpdateResourceBody = z.infer<typeof UpdateResourceBody>;

export const SearchQuery = z.object({
  q: z.string().trim().max(LIMITS.query, `Please keep the search to ${LIMITS.query} characters or fewer.`).optional(),
  topic: Label.optional(),
  kind: ResourceKind.optional(),
  language: Language.optional(),
  limit: z.coerce.number().int().min(1, 'Please ask for at least 1 result.').max(50, 'Please ask for at most 50 results.').default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const ResourceSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: ResourceKind,
  title: z.string(),
  summary: z.string(),
  language: z.string(),
  topics: z.array(z.string()),
  tags: z.array(z.string()),
  audience: z.array(z.string()),
  hasMedia: z.boolean(),
  durationMinutes: z.number().nullable(),
  starter: z.boolean(),
  /** Search relevance (higher is closer); null when listing without a query. */
  rank: z.number().nullable(),
  updatedAt: z.string(),
});
export type ResourceSummary = z.infer<typeof ResourceSummary>;

export const Resource = ResourceSummary.extend({
  body: z.string(),
  mediaUrl: z.string().nullable(),
  media: z.object({ url: z.string(), type: z.string(), bytes: z.number() }).nullable(),
  downloadUrl: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type Resource = z.infer<typeof Resource>;

export const ResourceList = z.object({ resources: z.array(ResourceSummary), abilities: z.object({ create: z.boolean() }) });

export const Collection = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  language: z.string(),
  /** Shared by every organization (from the repository's files); only the organization's own can be changed. */
  starter: z.boolean(),
  resources: z.array(ResourceSummary),
  abilities: z.object({ edit: z.boolean() }),
});
export type Collection = z.infer<typeof Collection>;
export const CollectionList = z.object({ collections: z.array(Collection), abilities: z.object({ create: z.boolean() }) });

const ResourceIds = z
  .array(z.uuid('Please choose resources from the library.'))
  .max(30, 'Please keep a collection to 30 resources or fewer.')
  .refine((ids) => new Set(ids).size === ids.length, 'Please add each resource once.');

/** A curated list made by staff, e.g. "Getting through the holidays". */
export const CreateCollectionBody = z.object({
  title: z.string().trim().min(1, 'Please give the collection a title.').max(LIMITS.title, `Please keep the title to ${LIMITS.title} characters or fewer.`),
  description: z.string().trim().max(LIMITS.summary, `Please keep the description to ${LIMITS.summary} characters or fewer.`).default(''),
  language: Language.default('en'),
  resourceIds: ResourceIds.default([]),
});
export type CreateCollectionBody = z.infer<typeof CreateCollectionBody>;

export const UpdateCollectionBody = z
  .object({
    title: CreateCollectionBody.shape.title.optional(),
    description: z.string().trim().max(LIMITS.summary, `Please keep the description to ${LIMITS.summary} characters or fewer.`).optional(),
    language: Language.optional(),
    resourceIds: ResourceIds.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Please change something before saving.', path: ['title'] });
export type UpdateCollectionBody = z.infer<typeof UpdateCollectionBody>;
