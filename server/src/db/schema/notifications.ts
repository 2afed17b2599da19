import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { users } from './accounts.ts';

/**
 * One notification for one person: what happened (kind + non-sensitive params) and where it leads. The in-app list
 * reads these rows; e-mail and Web Push record when they went out, so a retried delivery never sends twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    url: text('url').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Same key for the same person → stored and sent once. */
    dedupeKey: text('dedupe_key'),
    /** False when the person turned the in-app channel off for this kind: kept for delivery, hidden from the list. */
    inApp: boolean('in_app').notNull().default(true),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    pushedAt: timestamp('pushed_at', { withTimezone: true }),
    /** Quiet hours: external channels wait until this instant. */
    deferredUntil: timestamp('deferred_until', { withTimezone: true }),
    /** Set when the person chose a daily digest for this kind; cleared into `digestedAt` when the digest goes out. */
    digestPendingAt: timestamp('digest_pending_at', { withTimezone: true }),
    digestedAt: timestamp('digested_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey).where(sql`dedupe_key is not null`),
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null and in_app`),
    index('notifications_digest_idx').on(t.userId).where(sql`digest_pending_at is not null and digested_at is null`),
  ],
);

/** A person's channel choice for one type of notification (the first segment of the kind, e.g. "session"). */
export type ChannelChoice = { inApp: boolean; email: boolean; push: boolean; digest: boolean };

/** Per person: channels per type, quiet hours in their own time zone, digest hour, and how much e-mail/push may say. */
export const notificationPreferences = pgTable('notification_preferences', {
  id: id(),
  userId: uuid('user_id').notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
  categories: jsonb('categories').$type<Record<string, Partial<ChannelChoice>>>().notNull().default({}),
  /** Local wall-clock "HH:MM"; both null means no quiet hours. */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  /** Local hour (0–23) the daily digest goes out. */
  digestHour: integer('digest_hour').notNull().default(8),
  /** Whether e-mail and push may name the group. Default: generic wording only. */
  showDetails: boolean('show_details').notNull().default(false),
  ...timestamps,
});

/** A browser's Web Push subscription (endpoint + keys from PushManager.subscribe). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    failureCount: integer('failure_count').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)],
);

/**
 * Server-wide keys for notifications (the VAPID key pair, the unsubscribe-link secret), generated on first boot and
 * shared by every node through the database. Secrets are encrypted with the field cipher.
 */
export const notificationKeys = pgTable('notification_keys', {
  id: id(),
  name: text('name').notNull().unique(),
  publicValue: text('public_value'),
  secretCiphertext: text('secret_ciphertext').notNull(),
  ...timestamps,
});
