import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { messageMoods, moodCheckins, moodNudges, outcomePreferences, outcomeSettings, screenings, sessionFeedback } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type CheckinRow = typeof moodCheckins.$inferSelect;
export type ScreeningRow = typeof screenings.$inferSelect;
export type PreferencesRow = typeof outcomePreferences.$inferSelect;
export type SettingsRow = { screeningIntervalDays: number; checkinIntervalDays: number };

export const DEFAULT_SETTINGS: SettingsRow = { screeningIntervalDays: 14, checkinIntervalDays: 7 };

// ── Settings and preferences ─────────────────────────────────────────────────
export async function findSettings(db: DbOrTx, orgId: string): Promise<SettingsRow> {
  const [row] = await db
    .select({ screeningIntervalDays: outcomeSettings.screeningIntervalDays, checkinIntervalDays: outcomeSettings.checkinIntervalDays })
    .from(outcomeSettings)
    .where(eq(outcomeSettings.orgId, orgId));
  return row ?? DEFAULT_SETTINGS;
}

export async function upsertSettings(db: DbOrTx, orgId: string, values: SettingsRow): Promise<SettingsRow> {
  await db.insert(outcomeSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: outcomeSettings.orgId, set: { ...values, updatedAt: new Date() } });
  return values;
}

export async function findPreferences(db: DbOrTx, userId: string): Promise<PreferencesRow | null> {
  const [row] = await db.select().from(outcomePreferences).where(eq(outcomePreferences.userId, userId));
  return row ?? null;
}

export async function upsertPreferences(db: DbOrTx, values: typeof outcomePreferences.$inferInsert): Promise<PreferencesRow> {
  const { userId: _u, orgId: _o, ...set } = values;
  const [row] = await db.insert(outcomePreferences).values(values).onConflictDoUpdate({ target: outcomePreferences.userId, set: { ...set, updatedAt: new Date() } }).returning();
  return row!;
}

export async function listResearchParticipants(db: DbOrTx, orgId: string) {
  return db
    .select({ userId: outcomePreferences.userId, researchId: outcomePreferences.researchId })
    .from(outcomePreferences)
    .where(and(eq(outcomePreferences.orgId, orgId), eq(outcomePreferences.researchOptIn, true), isNotNull(outcomePreferences.researchId)));
}

// ── Check-ins and screenings ─────────────────────────────────────────────────
export async function insertCheckin(db: DbOrTx, values: typeof moodCheckins.$inferInsert): Promise<CheckinRow> {
  const [row] = await db.insert(moodCheckins).values(values).returning();
  return row!;
}

export async function listCheckins(db: DbOrTx, userIds: string[], since?: Date): Promise<CheckinRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(moodCheckins)
    .where(and(inArray(moodCheckins.userId, userIds), since ? gte(moodCheckins.createdAt, since) : undefined))
    .orderBy(asc(moodCheckins.createdAt));
}

export async function findLastCheckin(db: DbOrTx, userId: string): Promise<CheckinRow | null> {
  const [row] = await db.select().from(moodCheckins).where(eq(moodCheckins.userId, userId)).orderBy(desc(moodCheckins.createdAt)).limit(1);
  return row ?? null;
}

export async function insertScreening(db: DbOrTx, values: typeof screenings.$inferInsert): Promise<ScreeningRow> {
  const [row] = await db.insert(screenings).values(values).returning();
  return row!;
}

/** Screenings of these people, oldest first (analytics decrypts them into aggregates; nothing per person leaves). */
export async function listScreenings(db: DbOrTx, userIds: string[]): Promise<ScreeningRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(screenings).where(inArray(screenings.userId, userIds)).orderBy(asc(screenings.createdAt));
}

export async function findLastScreening(db: DbOrTx, userId: string, instrument: 'phq9' | 'gad7'): Promise<ScreeningRow | null> {
  const [row] = await db
    .select()
    .from(screenings)
    .where(and(eq(screenings.userId, userId), eq(screenings.instrument, instrument)))
    .orderBy(desc(screenings.createdAt))
    .limit(1);
  return row ?? null;
}

// ── Feedback ─────────────────────────────────────────────────────────────────
export async function upsertSessionFeedback(db: DbOrTx, values: typeof sessionFeedback.$inferInsert) {
  const [row] = await db
    .insert(sessionFeedback)
    .values(values)
    .onConflictDoUpdate({
      target: [sessionFeedback.sessionId, sessionFeedback.userId],
      set: { feltHeard: values.feltHeard, satisfaction: values.satisfaction, commentCiphertext: values.commentCiphertext ?? null, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

/** Session feedback on these sessions since a date, as aggregates only (the sessions module says which sessions a group has). */
export async function summarizeSessionFeedback(db: DbOrTx, sessionIds: string[], since: Date) {
  if (sessionIds.length === 0) return { responses: 0, people: 0, feltHeard: 0, satisfactionSum: 0, bySatisfaction: [] as Array<{ satisfaction: number; n: number }> };
  const where = and(inArray(sessionFeedback.sessionId, sessionIds), gte(sessionFeedback.createdAt, since));
  const [totals] = await db
    .select({
      responses: sql<number>`count(*)::int`,
      people: sql<number>`count(distinct ${sessionFeedback.userId})::int`,
      feltHeard: sql<number>`count(*) filter (where ${sessionFeedback.feltHeard})::int`,
      satisfactionSum: sql<number>`coalesce(sum(${sessionFeedback.satisfaction}), 0)::int`,
    })
    .from(sessionFeedback)
    .where(where);
  const bySatisfaction = await db
    .select({ satisfaction: sessionFeedback.satisfaction, n: sql<number>`count(*)::int` })
    .from(sessionFeedback)
    .where(where)
    .groupBy(sessionFeedback.satisfaction);
  return { ...totals!, bySatisfaction };
}

// ── Message mood and nudges ──────────────────────────────────────────────────
export async function insertMessageMood(db: DbOrTx, values: typeof messageMoods.$inferInsert) {
  await db.insert(messageMoods).values(values).onConflictDoNothing({ target: messageMoods.messageId });
}

export async function listMessageMoods(db: DbOrTx, userId: string, since: Date) {
  return db
    .select({ compound: messageMoods.compound, at: messageMoods.createdAt })
    .from(messageMoods)
    .where(and(eq(messageMoods.userId, userId), gte(messageMoods.createdAt, since)))
    .orderBy(asc(messageMoods.createdAt));
}

/** Message sentiment in these rooms since a date, per message (numbers only, never words). */
export async function listRoomMessageMoods(db: DbOrTx, roomIds: string[], since: Date) {
  if (roomIds.length === 0) return [];
  return db
    .select({ userId: messageMoods.userId, compound: messageMoods.compound, at: messageMoods.createdAt })
    .from(messageMoods)
    .where(and(inArray(messageMoods.roomId, roomIds), gte(messageMoods.createdAt, since)));
}

export async function findLastNudge(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(moodNudges).where(eq(moodNudges.userId, userId)).orderBy(desc(moodNudges.createdAt)).limit(1);
  return row ?? null;
}

export async function findOpenNudge(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(moodNudges).where(and(eq(moodNudges.userId, userId), isNull(moodNudges.dismissedAt))).orderBy(desc(moodNudges.createdAt)).limit(1);
  return row ?? null;
}

export async function insertNudge(db: DbOrTx, values: typeof moodNudges.$inferInsert) {
  const [row] = await db.insert(moodNudges).values(values).returning();
  return row!;
}

export async function dismissNudge(db: DbOrTx, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db.update(moodNudges).set({ dismissedAt: at }).where(and(eq(moodNudges.id, id), eq(moodNudges.userId, userId))).returning({ id: moodNudges.id });
  return rows.length > 0;
}

// ── Personal data ────────────────────────────────────────────────────────────
export async function listPersonalData(db: DbOrTx, userId: string) {
  const [checkins, screeningRows, sessionFb, moods, nudges, prefs] = await Promise.all([
    db.select().from(moodCheckins).where(eq(moodCheckins.userId, userId)).orderBy(asc(moodCheckins.createdAt)),
    db.select().from(screenings).where(eq(screenings.userId, userId)).orderBy(asc(screenings.createdAt)),
    db.select().from(sessionFeedback).where(eq(sessionFeedback.userId, userId)),
    db.select({ messageId: messageMoods.messageId, compound: messageMoods.compound, emotion: messageMoods.emotion, at: messageMoods.createdAt }).from(messageMoods).where(eq(messageMoods.userId, userId)),
    db.select().from(moodNudges).where(eq(moodNudges.userId, userId)),
    findPreferences(db, userId),
  ]);
  return { checkins, screenings: screeningRows, sessionFeedback: sessionFb, messageMoods: moods, nudges, preferences: prefs };
}

/** Removes everything outcomes holds about a person. */
export async function erasePerson(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(moodCheckins).where(eq(moodCheckins.userId, userId));
  await db.delete(screenings).where(eq(screenings.userId, userId));
  await db.delete(sessionFeedback).where(eq(sessionFeedback.userId, userId));
  await db.delete(messageMoods).where(eq(messageMoods.userId, userId));
  await db.delete(moodNudges).where(eq(moodNudges.userId, userId));
  await db.delete(outcomePreferences).where(eq(outcomePreferences.userId, userId));
}

/** Rows of each outcomes table that mention the person (for the erase test and the export). */
export async function countPersonRows(db: DbOrTx, userId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    select (select count(*) from mood_checkins where user_id = ${userId})
         + (select count(*) from screenings where user_id = ${userId})
         + (select count(*) from session_feedback where user_id = ${userId})
         + (select count(*) from message_moods where user_id = ${userId})
         + (select count(*) from mood_nudges where user_id = ${userId})
         + (select count(*) from outcome_preferences where user_id = ${userId}) as n`);
  return Number(result.rows[0]!.n);
}
