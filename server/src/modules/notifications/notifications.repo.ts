import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { jobs, notificationKeys, notificationPreferences, notifications, pushSubscriptions, users } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type PreferencesRow = typeof notificationPreferences.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/** Job queues owned by notifications. */
export const QUEUES = { scheduled: 'notifications.scheduled', deliver: 'notifications.deliver', digest: 'notifications.digest' } as const;

/** Stores a notification; null when the person already has one with the same dedupe key. */
export async function insertNotification(db: DbOrTx, values: typeof notifications.$inferInsert): Promise<NotificationRow | null> {
  const [row] = await db.insert(notifications).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findNotification(db: DbOrTx, id: string) {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row ?? null;
}

/** A person's in-app notifications, newest first, before a cursor id (ids are sortable uuid v7). */
export async function listNotifications(db: DbOrTx, userId: string, opts: { before?: string; limit: number }) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.inApp, true), opts.before ? lt(notifications.id, opts.before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(opts.limit);
}

/** Uses the partial index on unread in-app rows. */
export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), eq(notifications.inApp, true)));
  return row?.n ?? 0;
}

export async function markRead(db: DbOrTx, userId: string, id: string, at: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), eq(notifications.inApp, true)))
    .returning();
  return row ?? null;
}

export async function markAllRead(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), eq(notifications.inApp, true)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function updateNotification(db: DbOrTx, id: string, values: Partial<Pick<NotificationRow, 'emailedAt' | 'pushedAt' | 'deferredUntil' | 'digestPendingAt' | 'digestedAt'>>) {
  await db.update(notifications).set(values).where(eq(notifications.id, id));
}

/** Notifications waiting for a person's digest, oldest first. */
export async function listDigestPending(db: DbOrTx, userId: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNotNull(notifications.digestPendingAt), isNull(notifications.digestedAt)))
    .orderBy(notifications.id);
}

export async function markDigested(db: DbOrTx, ids: string[], at: Date) {
  if (ids.length > 0) await db.update(notifications).set({ digestedAt: at }).where(inArray(notifications.id, ids));
}

/** The facts delivery needs about a person. */
export async function findRecipient(db: DbOrTx, userId: string) {
  const [row] = await db.select({ id: users.id, email: users.email, timezone: users.timezone }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function findPreferences(db: DbOrTx, userId: string): Promise<PreferencesRow | null> {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return row ?? null;
}

export async function upsertPreferences(db: DbOrTx, userId: string, values: Omit<typeof notificationPreferences.$inferInsert, 'userId' | 'id'>) {
  const [row] = await db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** A subscription belongs to the last person who subscribed from that browser. */
export async function upsertSubscription(db: DbOrTx, values: { userId: string; endpoint: string; p256dh: string; auth: string; userAgent: string | null }) {
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: values.userId, p256dh: values.p256dh, auth: values.auth, userAgent: values.userAgent, failureCount: 0, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function deleteSubscription(db: DbOrTx, userId: string, endpoint: string): Promise<boolean> {
  const rows = await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint))).returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

export async function deleteSubscriptionById(db: DbOrTx, id: string) {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

export async function listSubscriptions(db: DbOrTx, userId: string) {
  return db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
}

export async function recordPushResult(db: DbOrTx, id: string, ok: boolean, at: Date) {
  await db
    .update(pushSubscriptions)
    .set(ok ? { lastSuccessAt: at, failureCount: 0 } : { failureCount: sql`${pushSubscriptions.failureCount} + 1` })
    .where(eq(pushSubscriptions.id, id));
}

export async function findKey(db: DbOrTx, name: string) {
  const [row] = await db.select().from(notificationKeys).where(eq(notificationKeys.name, name));
  return row ?? null;
}

/** First writer wins, so every node ends up with the same key. */
export async function insertKey(db: DbOrTx, values: { name: string; publicValue: string | null; secretCiphertext: string }) {
  await db.insert(notificationKeys).values(values).onConflictDoNothing();
}

/**
 * Schedules (or moves) the one pending job for a singleton key: scheduling the same reminder again keeps one job,
 * at the latest time asked for.
 */
export async function upsertScheduledJob(db: DbOrTx, payload: Record<string, unknown>, runAt: Date, singletonKey: string | null) {
  const insert = db.insert(jobs).values({ queue: QUEUES.scheduled, payload, runAt, singletonKey });
  if (!singletonKey) return void (await insert);
  await insert.onConflictDoUpdate({
    target: [jobs.queue, jobs.singletonKey],
    targetWhere: sql`status = 'pending' and singleton_key is not null`,
    set: { payload, runAt, attempts: 0, updatedAt: new Date() },
  });
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Deletes pending scheduled notifications by dedupe-key prefix (and person). A job being run right now is locked and stays. */
export async function deleteScheduledJobs(db: DbOrTx, match: { userId?: string; dedupeKeyPrefix: string }): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(
      and(
        eq(jobs.queue, QUEUES.scheduled),
        eq(jobs.status, 'pending'),
        sql`${jobs.payload}->>'dedupeKey' like ${`${escapeLike(match.dedupeKeyPrefix)}%`}`,
        match.userId ? sql`${jobs.payload}->>'userId' = ${match.userId}` : undefined,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** Everything notifications holds about a person, for erasure. Delivery jobs carry only a notification id. */
export async function eraseUser(db: DbOrTx, userId: string) {
  await db.delete(jobs).where(and(inArray(jobs.queue, [QUEUES.scheduled, QUEUES.digest]), eq(jobs.status, 'pending'), sql`${jobs.payload}->>'userId' = ${userId}`));
  await db.delete(notifications).where(eq(notifications.userId, userId));
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
}

export async function exportUser(db: DbOrTx, userId: string) {
  const items = await db
    .select({ kind: notifications.kind, url: notifications.url, params: notifications.params, createdAt: notifications.createdAt, readAt: notifications.readAt, emailedAt: notifications.emailedAt, pushedAt: notifications.pushedAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.id);
  const preferences = await findPreferences(db, userId);
  const subs = await db.select({ endpoint: pushSubscriptions.endpoint, userAgent: pushSubscriptions.userAgent, createdAt: pushSubscriptions.createdAt }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  return { items, preferences, subs };
}
