import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';

export const eventKind = pgEnum('event_kind', ['webinar', 'workshop', 'open_day']);
export const eventStatus = pgEnum('event_status', ['scheduled', 'cancelled']);

/** Webinars with professionals, workshops and open days an organization publishes. */
export const orgEvents = pgTable(
  'org_events',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    kind: eventKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    host: text('host').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The organizer's zone, shown as a hint; everyone sees times in their own zone. */
    timezone: text('timezone').notNull().default('UTC'),
    location: text('location'),
    joinUrl: text('join_url'),
    language: text('language').notNull().default('en'),
    capacity: integer('capacity'),
    waitlist: boolean('waitlist').notNull().default(true),
    recordingUrl: text('recording_url'),
    status: eventStatus('status').notNull().default('scheduled'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('org_events_org_starts_idx').on(t.orgId, t.startsAt)],
);

export const eventRegistrationStatus = pgEnum('event_registration_status', ['registered', 'waitlisted', 'cancelled']);

export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: id(),
    eventId: uuid('event_id').notNull().references(() => orgEvents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: eventRegistrationStatus('status').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('event_registrations_event_user_key').on(t.eventId, t.userId), index('event_registrations_user_idx').on(t.userId)],
);
