import { z } from 'zod';

export const SERVICE_KINDS = ['crisis_line', 'clinic', 'community_centre', 'peer_group', 'online', 'other'] as const;
export const ServiceKind = z.enum(SERVICE_KINDS, { error: 'Please use one of: crisis_line, clinic, community_centre, peer_group, online, other.' });
export const COSTS = ['free', 'low_cost', 'sliding_scale', 'paid', 'insurance'] as const;
export const Cost = z.enum(COSTS, { error: 'Please use one of: free, low_cost, sliding_scale, paid, insurance.' });

/** Kinds that serve a whole country by phone or online, so they may have no place. */
export const PLACELESS_KINDS = new Set(['crisis_line', 'online']);

const Text = (label: string, max: number) => z.string().trim().max(max, `Please keep the ${label} to ${max} characters or fewer.`);
const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'Use two-letter language codes such as en, es or fr.');
const Website = z
  .url({ protocol: /^https?$/, error: 'Please give a full web address that starts with https://' })
  .max(500, 'Please use a shorter web address.');

/** The editable fields of a service: used by the CSV import (one row), by suggestions and by approvals. */
export const ServiceFields = z.object({
  name: Text('name', 150).min(1, 'Please give the service a name.'),
  kind: ServiceKind,
  description: Text('description', 1000).default(''),
  address: Text('address', 300).nullable().default(null),
  postcode: Text('postcode', 20).nullable().default(null),
  city: Text('town or city', 100).nullable().default(null),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US, GB, CA, AU or IE.'),
  lat: z.number().min(-90, 'Latitude is between -90 and 90.').max(90, 'Latitude is between -90 and 90.').nullable().default(null),
  lng: z.number().min(-180, 'Longitude is between -180 and 180.').max(180, 'Longitude is between -180 and 180.').nullable().default(null),
  phone: Text('phone number', 40).nullable().default(null),
  website: Website.nullable().default(null),
  openingHours: Text('opening hours', 300).default(''),
  languages: z.array(LanguageCode).min(1, 'Please list at least one language, such as en.').max(12, 'Please list at most 12 languages.'),
  cost: Cost.default('free'),
  eligibility: Text('eligibility', 500).default(''),
});
export type ServiceFields = z.infer<typeof ServiceFields>;

/** What a suggestion may change: the descriptive fields, never the kind or the coordinates directly. */
export const SuggestedChanges = z
  .strictObject({
    name: ServiceFields.shape.name,
    description: ServiceFields.shape.description.unwrap(),
    address: Text('address', 300),
    postcode: Text('postcode', 20),
    city: Text('town or city', 100),
    phone: Text('phone number', 40),
    website: Website,
    openingHours: ServiceFields.shape.openingHours.unwrap(),
    languages: ServiceFields.shape.languages,
    cost: Cost,
    eligibility: ServiceFields.shape.eligibility.unwrap(),
  }, { error: 'Only name, description, address, postcode, city, phone, website, openingHours, languages, cost and eligibility can be suggested.' })
  .partial();
export type SuggestedChanges = z.infer<typeof SuggestedChanges>;

export const SuggestionBody = z
  .object({ changes: SuggestedChanges.default({}), note: z.string().trim().max(1000, 'Please keep the note to 1,000 characters or fewer.').default('') })
  .refine((v) => Object.keys(v.changes).length > 0 || v.note.length > 0, { message: 'Please say what should change, or leave a short note.', path: ['note'] });
export type SuggestionBody = z.infer<typeof SuggestionBody>;

export const DecisionBody = z.object({ decision: z.enum(['approve', 'reject'], { error: 'Please choose approve or reject.' }) });
export type DecisionBody = z.infer<typeof DecisionBody>;

export const SearchQuery = z.object({
  near: z.string().trim().min(2, 'Please enter a postcode or town.').max(60, 'Please enter a shorter postcode or town.').optional(),
  radiusKm: z.coerce.number().min(1, 'Please choose at least 1 km.').max(500, 'Please choose at most 500 km.').default(10),
  kind: ServiceKind.optional(),
  language: LanguageCode.optional(),
  q: z.string().trim().max(100, 'Please keep the search to 100 characters or fewer.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const ImportBody = z.object({
  csv: z.string().min(1, 'Please choose a CSV file with a header row.').max(5_000_000, 'Please split the file into parts under 5 MB.'),
});

export const Service = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ServiceKind,
  description: z.string(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  openingHours: z.string(),
  languages: z.array(z.string()),
  cost: Cost,
  eligibility: z.string(),
  /** Kilometres from the searched place, one decimal; null without a place or for national services. */
  distanceKm: z.number().nullable(),
  updatedAt: z.string(),
});
export type Service = z.infer<typeof Service>;

export const SearchResult = z.object({
  origin: z.object({ label: z.string(), country: z.string(), lat: z.number(), lng: z.number() }).nullable(),
  radiusKm: z.number(),
  services: z.array(Service),
  national: z.array(Service),
  abilities: z.object({ import: z.boolean(), review: z.boolean() }),
});

export const ImportReport = z.object({
  imported: z.number(),
  updated: z.number(),
  rejected: z.array(z.object({ row: z.number(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const Suggestion = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  changes: z.record(z.string(), z.unknown()),
  note: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const PlaceList = z.object({ places: z.array(z.object({ country: z.string(), postcode: z.string(), city: z.string() })) });
