import { boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';
import { riskLevel } from './safety.ts';

/** A weekly window when someone is free, in their own time zone. end <= start runs past midnight. */
export type WeeklyWindow = { weekday: number; start: string; end: string };

export const intakeFormat = pgEnum('intake_format', ['online', 'in_person', 'hybrid', 'any']);

/**
 * A person's intake profile. What they wrote, their challenges and their supporter preferences are encrypted at rest
 * (one JSON blob); languages, time zone, free windows, format and a coarse place (a city or postcode area's centre,
 * never a precise address) stay in plain columns because matching filters on them.
 */
export const intakeProfiles = pgTable(
  'intake_profiles',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    detailsCiphertext: text('details_ciphertext').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    timezone: text('timezone'),
    availability: jsonb('availability').$type<WeeklyWindow[]>().notNull().default([]),
    format: intakeFormat('format').notNull().default('any'),
    placeLabel: text('place_label'),
    placeLat: doublePrecision('place_lat'),
    placeLng: doublePrecision('place_lng'),
    ...timestamps,
  },
  (t) => [uniqueIndex('intake_profiles_user_key').on(t.userId)],
);

export const intakeStatus = pgEnum('intake_status', ['active', 'finished', 'handed_off', 'human_requested']);

/** One guided intake conversation with the automated assistant. Its working state is encrypted (it holds topics). */
export const intakeConversations = pgTable(
  'intake_conversations',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    status: intakeStatus('status').notNull().default('active'),
    stateCiphertext: text('state_ciphertext').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
    handedOffAt: timestamp('handed_off_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('intake_conversations_user_idx').on(t.userId, t.createdAt)],
);

export const intakeAuthor = pgEnum('intake_author', ['bot', 'person']);

/** The transcript: every line encrypted at rest. Person lines keep the level their safety assessment gave. */
export const intakeMessages = pgTable(
  'intake_messages',
  {
    id: id(),
    conversationId: uuid('conversation_id').notNull().references(() => intakeConversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    author: intakeAuthor('author').notNull(),
    bodyCiphertext: text('body_ciphertext').notNull(),
    level: riskLevel('level'),
    /** True when the optional language-model adapter wrote this line (after passing the safety checks). */
    generated: boolean('generated').notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('intake_messages_conversation_seq_key').on(t.conversationId, t.seq)],
);
