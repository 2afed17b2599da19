import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';

export const groupFormat = pgEnum('group_format', ['online', 'in_person', 'hybrid']);
export const groupVisibility = pgEnum('group_visibility', ['open', 'request', 'invite']);
export const groupMemberRole = pgEnum('group_member_role', ['member', 'co_facilitator', 'facilitator']);
export const groupMemberStatus = pgEnum('group_member_status', ['active', 'requested', 'invited', 'declined', 'left']);

/** Support groups hosted by an organization. */
export const groups = pgTable(
  'groups',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    communities: text('communities').array().notNull().default(sql`'{}'::text[]`),
    language: text('language').notNull().default('en'),
    format: groupFormat('format').notNull().default('online'),
    timezone: text('timezone').notNull().default('UTC'),
    venueName: text('venue_name'),
    venueAddress: text('venue_address'),
    venueLat: doublePrecision('venue_lat'),
    venueLng: doublePrecision('venue_lng'),
    capacity: integer('capacity'),
    visibility: groupVisibility('visibility').notNull().default('open'),
    agreements: text('agreements').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('groups_org_idx').on(t.orgId), index('groups_topics_idx').using('gin', t.topics)],
);

/** Membership of a person in a group, including join requests and invitations. */
export const groupMembers = pgTable(
  'group_members',
  {
    id: id(),
    groupId: uuid('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: groupMemberRole('role').notNull().default('member'),
    status: groupMemberStatus('status').notNull().default('active'),
    agreementsAcceptedAt: timestamp('agreements_accepted_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('group_members_group_user_key').on(t.groupId, t.userId), index('group_members_user_idx').on(t.userId)],
);
