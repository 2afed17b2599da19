import { index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';
import { privateSessions } from './sessions.ts';

/** The standard peer-support activity taxonomy. */
export const activityCategory = pgEnum('supervision_activity_category', [
  'emotional_support',
  'informational_guidance',
  'skill_building',
  'advocacy',
  'community_connection',
  'crisis_referral',
  'group_facilitation',
]);
export const activityStatus = pgEnum('supervision_activity_status', ['logged', 'signed_off', 'returned']);

/** A supervisor (clinician or senior supporter) assigned to a supporter. */
export const supervisionAssignments = pgTable(
  'supervision_assignments',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    supporterId: uuid('supporter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('supervision_assignments_supervisor_idx').on(t.supervisorId), index('supervision_assignments_supporter_idx').on(t.supporterId)],
);

/** One logged activity. Notes are encrypted at rest; only signed-off minutes count as supervised practice. */
export const supervisionActivities = pgTable(
  'supervision_activities',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    supporterId: uuid('supporter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    category: activityCategory('category').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    notesCiphertext: text('notes_ciphertext'),
    /** The closed one-to-one conversation this entry was pre-filled from, if any (logged once). */
    conversationId: uuid('conversation_id'),
    status: activityStatus('status').notNull().default('logged'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('supervision_activities_supporter_idx').on(t.supporterId, t.occurredAt),
    uniqueIndex('supervision_activities_conversation_key').on(t.supporterId, t.conversationId),
  ],
);

/** A supervisor's (or the supporter's) comment on an entry; encrypted at rest. */
export const supervisionComments = pgTable(
  'supervision_comments',
  {
    id: id(),
    activityId: uuid('activity_id').notNull().references(() => supervisionActivities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    bodyCiphertext: text('body_ciphertext').notNull(),
    ...timestamps,
  },
  (t) => [index('supervision_comments_activity_idx').on(t.activityId)],
);

/**
 * A supervision meeting between a supervisor and a supporter. Its time, status, reminders and calendar entry live on a
 * private session in the sessions module; only the agenda (encrypted at rest) is kept here.
 */
export const supervisionMeetings = pgTable(
  'supervision_meetings',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    supporterId: uuid('supporter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').notNull().references(() => privateSessions.id, { onDelete: 'cascade' }),
    agendaCiphertext: text('agenda_ciphertext'),
    ...timestamps,
  },
  (t) => [
    index('supervision_meetings_supervisor_idx').on(t.supervisorId),
    index('supervision_meetings_supporter_idx').on(t.supporterId),
    uniqueIndex('supervision_meetings_session_key').on(t.sessionId),
  ],
);

/** A member's rating of a closed one-to-one conversation; the optional comment is encrypted at rest. */
export const supporterFeedback = pgTable(
  'supporter_feedback',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    supporterId: uuid('supporter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => users.id, { onDelete: 'set null' }),
    conversationId: uuid('conversation_id').notNull(),
    rating: smallint('rating').notNull(),
    commentCiphertext: text('comment_ciphertext'),
    ...timestamps,
  },
  (t) => [uniqueIndex('supporter_feedback_conversation_key').on(t.conversationId), index('supporter_feedback_supporter_idx').on(t.supporterId, t.createdAt)],
);
