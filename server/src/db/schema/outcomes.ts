import { boolean, index, integer, pgEnum, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';
import { sessions } from './sessions.ts';
import { messages, rooms } from './chat.ts';

/** Per-organization rhythm of check-ins and questionnaires; a missing row means the defaults. */
export const outcomeSettings = pgTable('outcome_settings', {
  id: id(),
  orgId: uuid('org_id').notNull().unique().references(() => orgs.id, { onDelete: 'cascade' }),
  /** PHQ-9 and GAD-7 are offered at joining and then every N days (14–28). */
  screeningIntervalDays: smallint('screening_interval_days').notNull().default(14),
  /** A gentle mood check-in reminder at most every N days. */
  checkinIntervalDays: smallint('checkin_interval_days').notNull().default(7),
  ...timestamps,
});

/** A person's own choices about their outcome data: reminders, the research opt-in and the peer-supporter alert. */
export const outcomePreferences = pgTable('outcome_preferences', {
  id: id(),
  orgId: uuid('org_id').notNull().references(() => orgs.id),
  userId: uuid('user_id').notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
  remindersEnabled: boolean('reminders_enabled').notNull().default(true),
  /** Explicit, revocable; a fresh random research id is drawn at each opt-in, so a revoked past cannot be linked. */
  researchOptIn: boolean('research_opt_in').notNull().default(false),
  researchOptInAt: timestamp('research_opt_in_at', { withTimezone: true }),
  researchId: uuid('research_id'),
  /** Off unless the person turns it on: their peer supporter hears of a sharp decline only with consent. */
  alertSupporterOnDecline: boolean('alert_supporter_on_decline').notNull().default(false),
  ...timestamps,
});

/** A mood check-in. Mood, feeling words and note are one encrypted payload: health information. */
export const moodCheckins = pgTable(
  'mood_checkins',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    payloadCiphertext: text('payload_ciphertext').notNull(),
    ...timestamps,
  },
  (t) => [index('mood_checkins_user_idx').on(t.userId, t.createdAt), index('mood_checkins_org_idx').on(t.orgId, t.createdAt)],
);

export const screeningInstrument = pgEnum('screening_instrument', ['phq9', 'gad7']);

/** A completed PHQ-9 or GAD-7. Answers, total and band are encrypted together; only the instrument and time are plain. */
export const screenings = pgTable(
  'screenings',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    instrument: screeningInstrument('instrument').notNull(),
    payloadCiphertext: text('payload_ciphertext').notNull(),
    ...timestamps,
  },
  (t) => [index('screenings_user_idx').on(t.userId, t.instrument, t.createdAt), index('screenings_org_idx').on(t.orgId, t.instrument)],
);

/** "I felt heard", satisfaction and an optional encrypted comment, once per person per session. */
export const sessionFeedback = pgTable(
  'session_feedback',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    sessionId: uuid('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    feltHeard: boolean('felt_heard').notNull(),
    satisfaction: smallint('satisfaction').notNull(),
    commentCiphertext: text('comment_ciphertext'),
    ...timestamps,
  },
  (t) => [uniqueIndex('session_feedback_session_user_key').on(t.sessionId, t.userId), index('session_feedback_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * Sentiment and emotion of one chat message: numbers and a label only. The words stay in `messages` (encrypted);
 * deleting the message deletes this row.
 */
export const messageMoods = pgTable(
  'message_moods',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    messageId: uuid('message_id').notNull().unique().references(() => messages.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').notNull().references(() => rooms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** VADER compound score, -1 … 1. */
    compound: real('compound').notNull(),
    emotion: text('emotion').notNull(),
    emotionConfidence: real('emotion_confidence').notNull(),
    ...timestamps,
  },
  (t) => [index('message_moods_user_idx').on(t.userId, t.createdAt), index('message_moods_room_idx').on(t.roomId, t.createdAt)],
);

/** A kind nudge sent after a sharp, sustained decline; kept so nobody is nudged more than once a fortnight. */
export const moodNudges = pgTable(
  'mood_nudges',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    supporterAlerted: integer('supporter_alerted').notNull().default(0),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('mood_nudges_user_idx').on(t.userId, t.createdAt)],
);
