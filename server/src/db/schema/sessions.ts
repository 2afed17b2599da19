import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { groups } from './groups.ts';
import { users } from './accounts.ts';
import { orgs } from './orgs.ts';

/**
 * A recurring schedule: an RFC 5545 RRULE anchored at a local wall-clock start in the group's time zone,
 * so "Tuesdays 19:00 Europe/London" stays 19:00 across DST changes.
 */
export const schedules = pgTable(
  'schedules',
  {
    id: id(),
    groupId: uuid('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
    title: text('title'),
    rrule: text('rrule').notNull(),
    /** Local wall-clock first start, ISO without offset, e.g. 2026-03-03T19:00. */
    startLocal: text('start_local').notNull(),
    timezone: text('timezone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('schedules_group_idx').on(t.groupId)],
);

export const sessionStatus = pgEnum('session_status', ['scheduled', 'cancelled']);

/**
 * A meeting. Recurring schedules are materialized into rows for a rolling horizon, so a single occurrence
 * can be cancelled, moved, RSVPed and attended like a one-off session.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    groupId: uuid('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
    scheduleId: uuid('schedule_id').references(() => schedules.id, { onDelete: 'set null' }),
    /** For occurrences of a schedule: the original local start it was generated from (stable key). */
    occurrenceLocal: text('occurrence_local'),
    title: text('title'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: sessionStatus('status').notNull().default('scheduled'),
    /** True once a facilitator changed this occurrence, so regenerating the schedule leaves it alone. */
    detached: integer('detached').notNull().default(0),
    checkInCode: text('check_in_code'),
    ...timestamps,
  },
  (t) => [
    index('sessions_group_starts_idx').on(t.groupId, t.startsAt),
    index('sessions_starts_idx').on(t.startsAt),
    uniqueIndex('sessions_schedule_occurrence_key').on(t.scheduleId, t.occurrenceLocal),
  ],
);

export const rsvpStatus = pgEnum('rsvp_status', ['going', 'not_going']);

export const rsvps = pgTable(
  'rsvps',
  {
    id: id(),
    sessionId: uuid('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: rsvpStatus('status').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('rsvps_session_user_key').on(t.sessionId, t.userId), index('rsvps_user_idx').on(t.userId)],
);

export const attendanceMode = pgEnum('attendance_mode', ['online', 'in_person']);

/** Attendance: online from room presence (joined/left), in person from a facilitator or venue code check-in. */
export const attendance = pgTable(
  'attendance',
  {
    id: id(),
    sessionId: uuid('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    mode: attendanceMode('mode').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [index('attendance_session_idx').on(t.sessionId, t.userId)],
);

/** Personal calendar feed: the URL carries a random token; only its hash is stored, and it can be revoked. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash), index('calendar_feeds_user_idx').on(t.userId)],
);

/**
 * A private session: a meeting between named participants that belongs to no group (e.g. supervision). It shares the
 * sessions module's reminders, changes and personal calendar feed; `purpose` names the module it serves.
 */
export const privateSessions = pgTable(
  'private_sessions',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    organizerId: uuid('organizer_id').references(() => users.id, { onDelete: 'set null' }),
    purpose: text('purpose').notNull(),
    /** A neutral title for calendars and reminders; never notes or names. */
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: sessionStatus('status').notNull().default('scheduled'),
    ...timestamps,
  },
  (t) => [index('private_sessions_starts_idx').on(t.startsAt)],
);

export const participantRole = pgEnum('private_session_role', ['host', 'guest']);

/** Who a private session is for: the host who arranged it and one or more guests. */
export const privateSessionParticipants = pgTable(
  'private_session_participants',
  {
    id: id(),
    sessionId: uuid('session_id').notNull().references(() => privateSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: participantRole('role').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('private_session_participants_key').on(t.sessionId, t.userId), index('private_session_participants_user_idx').on(t.userId)],
);
