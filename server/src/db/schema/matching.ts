import { boolean, index, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';
import { directConversations, rooms } from './chat.ts';
import { riskLevel } from './safety.ts';
import type { WeeklyWindow } from './intake.ts';

/** What a peer supporter offers for one-to-one matching: topics they are open about, free windows, load. */
export const supporterProfiles = pgTable(
  'supporter_profiles',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    livedExperience: text('lived_experience').array().notNull().default(sql`'{}'::text[]`),
    gender: text('gender'),
    ageRange: text('age_range'),
    availability: jsonb('availability').$type<WeeklyWindow[]>().notNull().default([]),
    acceptingRequests: boolean('accepting_requests').notNull().default(true),
    maxCaseload: smallint('max_caseload').notNull().default(4),
    ...timestamps,
  },
  (t) => [uniqueIndex('supporter_profiles_user_key').on(t.userId), index('supporter_profiles_org_idx').on(t.orgId)],
);

export const supportRequestStatus = pgEnum('support_request_status', ['waiting', 'accepted', 'routed_to_oncall', 'withdrawn']);

/**
 * An on-demand request for a one-to-one conversation with any suitable peer supporter. It waits in the
 * organization's queue; the first certified supporter to accept opens a direct conversation. Words are encrypted.
 */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    memberId: uuid('member_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    detailsCiphertext: text('details_ciphertext').notNull(),
    language: text('language').notNull().default('en'),
    status: supportRequestStatus('status').notNull().default('waiting'),
    level: riskLevel('level').notNull().default('none'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    conversationId: uuid('conversation_id').references(() => directConversations.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    rating: smallint('rating'),
    ...timestamps,
  },
  (t) => [index('support_requests_org_status_idx').on(t.orgId, t.status, t.createdAt), index('support_requests_member_idx').on(t.memberId, t.createdAt)],
);

export const onDemandStatus = pgEnum('on_demand_status', ['open', 'closed']);

/** A live small group (3–6 people) opened on demand around a topic, hosted by a peer supporter or moderator. */
export const onDemandRooms = pgTable(
  'on_demand_rooms',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    language: text('language').notNull(),
    hostId: uuid('host_id').references(() => users.id, { onDelete: 'set null' }),
    status: onDemandStatus('status').notNull().default('open'),
    capacity: smallint('capacity').notNull().default(6),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('on_demand_rooms_room_key').on(t.roomId), index('on_demand_rooms_org_status_idx').on(t.orgId, t.status)],
);

export const onDemandRole = pgEnum('on_demand_role', ['member', 'host']);

/** Who is in an on-demand room, and the safety level they had when placed (for group balance). */
export const onDemandMembers = pgTable(
  'on_demand_members',
  {
    id: id(),
    onDemandRoomId: uuid('on_demand_room_id').notNull().references(() => onDemandRooms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: onDemandRole('role').notNull().default('member'),
    level: riskLevel('level').notNull().default('none'),
    leftAt: timestamp('left_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('on_demand_members_room_user_key').on(t.onDemandRoomId, t.userId), index('on_demand_members_user_idx').on(t.userId)],
);

export const cohortProgramStatus = pgEnum('cohort_program_status', ['open', 'assigned']);

/** A program with fixed groups (e.g. an 8-week course): people apply, then staff assign them to the groups at once. */
export const cohortPrograms = pgTable(
  'cohort_programs',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    status: cohortProgramStatus('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** When the program's first meeting is (optional); applicants hear about it when it moves. */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    /** After this, no new applications (optional; otherwise they close when the groups are assigned). */
    applicationsCloseAt: timestamp('applications_close_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('cohort_programs_org_idx').on(t.orgId, t.createdAt)],
);

/** One of a program's fixed groups (a group from the groups module) and how many of the applicants it takes. */
export const cohortProgramGroups = pgTable(
  'cohort_program_groups',
  {
    id: id(),
    programId: uuid('program_id').notNull().references(() => cohortPrograms.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').notNull(),
    capacity: smallint('capacity').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('cohort_program_groups_key').on(t.programId, t.groupId)],
);

/** A person's application to a program; matched on their intake profile; `groupId` is set once assigned. */
export const cohortApplications = pgTable(
  'cohort_applications',
  {
    id: id(),
    programId: uuid('program_id').notNull().references(() => cohortPrograms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id'),
    ...timestamps,
  },
  (t) => [uniqueIndex('cohort_applications_key').on(t.programId, t.userId), index('cohort_applications_user_idx').on(t.userId)],
);

/** Per-organization matching settings; a missing row means the defaults (20 idle minutes, 2 rooms per host). */
export const matchingSettings = pgTable('matching_settings', {
  id: id(),
  orgId: uuid('org_id').notNull().unique().references(() => orgs.id, { onDelete: 'cascade' }),
  /** An on-demand small group nobody wrote in or joined for this many minutes closes on its own. */
  roomIdleMinutes: smallint('room_idle_minutes').notNull().default(20),
  /** How many on-demand small groups one host looks after at once. */
  maxRoomsPerHost: smallint('max_rooms_per_host').notNull().default(2),
  ...timestamps,
});
