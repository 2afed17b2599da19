import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';

export const directoryServiceKind = pgEnum('directory_service_kind', ['crisis_line', 'clinic', 'community_centre', 'peer_group', 'online', 'other']);
export const directoryCost = pgEnum('directory_cost', ['free', 'low_cost', 'sliding_scale', 'paid', 'insurance']);

/** A service outside Hearth: crisis lines, clinics, community centres, groups hosted elsewhere. */
export const directoryServices = pgTable(
  'directory_services',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    name: text('name').notNull(),
    kind: directoryServiceKind('kind').notNull(),
    description: text('description').notNull().default(''),
    address: text('address'),
    postcode: text('postcode'),
    city: text('city'),
    country: text('country').notNull(),
    /** Null for national lines and online services, which have no place. */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    phone: text('phone'),
    website: text('website'),
    openingHours: text('opening_hours').notNull().default(''),
    languages: text('languages').array().notNull().default(sql`'{en}'::text[]`),
    cost: directoryCost('cost').notNull().default('free'),
    eligibility: text('eligibility').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('directory_services_org_lat_idx').on(t.orgId, t.lat),
    index('directory_services_org_kind_idx').on(t.orgId, t.kind),
    index('directory_services_languages_idx').using('gin', t.languages),
  ],
);

export const suggestionStatus = pgEnum('directory_suggestion_status', ['pending', 'approved', 'rejected']);

/** A correction anyone signed in may suggest; a moderator approves (and it is applied) or rejects it. */
export const directorySuggestions = pgTable(
  'directory_suggestions',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    serviceId: uuid('service_id').notNull().references(() => directoryServices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note').notNull().default(''),
    status: suggestionStatus('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('directory_suggestions_org_status_idx').on(t.orgId, t.status), index('directory_suggestions_user_idx').on(t.userId)],
);
