import { boolean, index, integer, jsonb, pgEnum, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';

export const riskLevel = pgEnum('risk_level', ['none', 'concern', 'urgent']);
export const riskSourceKind = pgEnum('risk_source_kind', [
  'chat_message', 'forum_post', 'screener', 'self_request', 'intake',
  // Raised by another part of Hearth about a person (`raiseForPerson`): a worry report, a PHQ-9 item 9 answer, a decline.
  'worry_report', 'phq9_item9', 'decline', 'other',
]);

/**
 * One row per assessed message: the level, score and reasons only. The words are never copied here; the message
 * itself holds them (encrypted for chat).
 */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    sourceKind: riskSourceKind('source_kind').notNull(),
    sourceId: uuid('source_id'),
    level: riskLevel('level').notNull(),
    score: real('score').notNull(),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    aboutSomeoneElse: boolean('about_someone_else').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('risk_assessments_user_idx').on(t.userId, t.createdAt), index('risk_assessments_source_idx').on(t.sourceKind, t.sourceId)],
);

/** Per-organization safety settings; a missing row means the defaults. */
export const safetySettings = pgTable('safety_settings', {
  id: id(),
  orgId: uuid('org_id').notNull().unique().references(() => orgs.id, { onDelete: 'cascade' }),
  ackSlaSeconds: integer('ack_sla_seconds').notNull().default(120),
  holdUrgentForumPosts: boolean('hold_urgent_forum_posts').notNull().default(false),
  ...timestamps,
});

/** Weekly on-call windows in the worker's own time zone. end <= start means the shift runs past midnight. */
export const oncallShifts = pgTable(
  'oncall_shifts',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
    timezone: text('timezone').notNull(),
    ...timestamps,
  },
  (t) => [index('oncall_shifts_org_idx').on(t.orgId), index('oncall_shifts_user_idx').on(t.userId)],
);

export const caseKind = pgEnum('case_kind', ['risk_message', 'self_request', 'screener', 'raised']);
export const caseStatus = pgEnum('case_status', ['open', 'acknowledged', 'resolved']);
export const caseOutcome = pgEnum('case_outcome', ['resolved', 'referred', 'emergency_services', 'false_alarm']);

/** A safety case: someone may need a person now (urgent) or a look soon (concern). */
export const safetyCases = pgTable(
  'safety_cases',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    subjectUserId: uuid('subject_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: caseKind('kind').notNull(),
    sourceKind: riskSourceKind('source_kind').notNull(),
    sourceId: uuid('source_id'),
    roomId: uuid('room_id'),
    level: riskLevel('level').notNull(),
    status: caseStatus('status').notNull().default('open'),
    /** Higher first in the queue: 3 urgent message, 2 asked to talk now, 1 concern, 0 none. */
    severity: smallint('severity').notNull(),
    /** 1 on-call now, 2 the organization's clinicians, 3 its admins. */
    tier: smallint('tier').notNull().default(1),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    outcome: caseOutcome('outcome'),
    /** Encrypted at rest: health information. */
    outcomeNotesCiphertext: text('outcome_notes_ciphertext'),
    ...timestamps,
  },
  (t) => [index('safety_cases_queue_idx').on(t.orgId, t.status, t.severity, t.openedAt), index('safety_cases_subject_idx').on(t.subjectUserId, t.status)],
);

export const caseEventKind = pgEnum('case_event_kind', ['opened', 'alerted', 'viewed', 'acknowledged', 'note', 'escalated', 'contacted', 'screener', 'outcome']);

/** The case timeline: who saw what and when. Note text in `data` is encrypted. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    caseId: uuid('case_id').notNull().references(() => safetyCases.id, { onDelete: 'cascade' }),
    kind: caseEventKind('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** A member's Stanley–Brown safety plan, one encrypted document per person. */
export const safetyPlans = pgTable(
  'safety_plans',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    planCiphertext: text('plan_ciphertext').notNull(),
    shareWithOncall: boolean('share_with_oncall').notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('safety_plans_user_key').on(t.userId)],
);

/** A risk screener result (C-SSRS screener structure); answers encrypted. */
export const screenerResults = pgTable(
  'screener_results',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    subjectUserId: uuid('subject_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => safetyCases.id, { onDelete: 'set null' }),
    administeredBy: uuid('administered_by').references(() => users.id, { onDelete: 'set null' }),
    answersCiphertext: text('answers_ciphertext').notNull(),
    level: riskLevel('level').notNull(),
    ...timestamps,
  },
  (t) => [index('screener_results_subject_idx').on(t.subjectUserId, t.createdAt)],
);
