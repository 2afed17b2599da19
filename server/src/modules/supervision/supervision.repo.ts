import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { supervisionActivities, supervisionAssignments, supervisionComments, supervisionMeetings, supporterFeedback, users } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type ActivityRow = typeof supervisionActivities.$inferSelect;
export type CommentRow = typeof supervisionComments.$inferSelect;
export type MeetingRow = typeof supervisionMeetings.$inferSelect;
export type AssignmentRow = typeof supervisionAssignments.$inferSelect;
export type Person = { id: string; displayName: string };

export async function findUser(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: users.id, orgId: users.orgId, role: users.role, displayName: users.displayName }).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** People of an organization with the given roles, by display name (for the assignment form). */
export async function listOrgPeople(db: DbOrTx, orgId: string, roles: Array<(typeof users.$inferSelect)['role']>) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, roles)))
    .orderBy(asc(users.displayName))
    .limit(500);
}

export async function listPeople(db: DbOrTx, ids: string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

// ── Assignments ──────────────────────────────────────────────────────────────
export async function findActiveAssignment(db: DbOrTx, supervisorId: string, supporterId: string) {
  const [row] = await db
    .select()
    .from(supervisionAssignments)
    .where(and(eq(supervisionAssignments.supervisorId, supervisorId), eq(supervisionAssignments.supporterId, supporterId), isNull(supervisionAssignments.endedAt)));
  return row ?? null;
}

export async function insertAssignment(db: DbOrTx, values: typeof supervisionAssignments.$inferInsert) {
  const [row] = await db.insert(supervisionAssignments).values(values).returning();
  return row!;
}

export async function endAssignment(db: DbOrTx, id: string, at: Date) {
  await db.update(supervisionAssignments).set({ endedAt: at }).where(eq(supervisionAssignments.id, id));
}

export async function findAssignment(db: DbOrTx, id: string) {
  const [row] = await db.select().from(supervisionAssignments).where(eq(supervisionAssignments.id, id));
  return row ?? null;
}

export async function listAssignments(db: DbOrTx, where: { orgId: string; supervisorId?: string; supporterId?: string }) {
  const conditions = [eq(supervisionAssignments.orgId, where.orgId), isNull(supervisionAssignments.endedAt)];
  if (where.supervisorId) conditions.push(eq(supervisionAssignments.supervisorId, where.supervisorId));
  if (where.supporterId) conditions.push(eq(supervisionAssignments.supporterId, where.supporterId));
  return db.select().from(supervisionAssignments).where(and(...conditions)).orderBy(asc(supervisionAssignments.createdAt));
}

// ── Activities ───────────────────────────────────────────────────────────────
export async function insertActivity(db: DbOrTx, values: typeof supervisionActivities.$inferInsert) {
  const [row] = await db.insert(supervisionActivities).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findActivityForConversation(db: DbOrTx, supporterId: string, conversationId: string) {
  const [row] = await db
    .select({ id: supervisionActivities.id })
    .from(supervisionActivities)
    .where(and(eq(supervisionActivities.supporterId, supporterId), eq(supervisionActivities.conversationId, conversationId)));
  return row ?? null;
}

export async function findActivity(db: DbOrTx, id: string) {
  const [row] = await db.select().from(supervisionActivities).where(eq(supervisionActivities.id, id));
  return row ?? null;
}

export async function lockActivity(db: DbOrTx, id: string) {
  const [row] = await db.select().from(supervisionActivities).where(eq(supervisionActivities.id, id)).for('update');
  return row ?? null;
}

export async function updateActivity(db: DbOrTx, id: string, values: Partial<typeof supervisionActivities.$inferInsert>) {
  await db.update(supervisionActivities).set(values).where(eq(supervisionActivities.id, id));
}

export async function listActivities(db: DbOrTx, supporterId: string, limit = 200) {
  return db.select().from(supervisionActivities).where(eq(supervisionActivities.supporterId, supporterId)).orderBy(desc(supervisionActivities.occurredAt)).limit(limit);
}

export async function listComments(db: DbOrTx, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db.select().from(supervisionComments).where(inArray(supervisionComments.activityId, activityIds)).orderBy(asc(supervisionComments.createdAt));
}

export async function insertComment(db: DbOrTx, values: typeof supervisionComments.$inferInsert) {
  await db.insert(supervisionComments).values(values);
}

/** Minutes by status, and all minutes since `since`, for one supporter (one indexed scan of their entries). */
export async function sumMinutes(db: DbOrTx, supporterId: string, since: Date) {
  const [row] = await db
    .select({
      signedOff: sql<number>`coalesce(sum(${supervisionActivities.durationMinutes}) filter (where ${supervisionActivities.status} = 'signed_off'), 0)::int`,
      pending: sql<number>`coalesce(sum(${supervisionActivities.durationMinutes}) filter (where ${supervisionActivities.status} = 'logged'), 0)::int`,
      recent: sql<number>`coalesce(sum(${supervisionActivities.durationMinutes}) filter (where ${supervisionActivities.occurredAt} >= ${since}), 0)::int`,
      recentCount: sql<number>`count(*) filter (where ${supervisionActivities.occurredAt} >= ${since})::int`,
      recentCrisis: sql<number>`count(*) filter (where ${supervisionActivities.occurredAt} >= ${since} and ${supervisionActivities.category} = 'crisis_referral')::int`,
      awaiting: sql<number>`count(*) filter (where ${supervisionActivities.status} = 'logged')::int`,
    })
    .from(supervisionActivities)
    .where(eq(supervisionActivities.supporterId, supporterId));
  return row!;
}

export async function minutesByCategory(db: DbOrTx, supporterId: string) {
  return db
    .select({ category: supervisionActivities.category, minutes: sql<number>`sum(${supervisionActivities.durationMinutes})::int` })
    .from(supervisionActivities)
    .where(eq(supervisionActivities.supporterId, supporterId))
    .groupBy(supervisionActivities.category);
}

// ── Meetings ─────────────────────────────────────────────────────────────────
export async function insertMeeting(db: DbOrTx, values: typeof supervisionMeetings.$inferInsert) {
  const [row] = await db.insert(supervisionMeetings).values(values).returning();
  return row!;
}

/** A person's supervision meetings (as supervisor or supporter); times and status come from their private sessions. */
export async function listMeetings(db: DbOrTx, who: { supervisorId?: string; supporterId?: string }) {
  const conditions = [];
  if (who.supervisorId) conditions.push(eq(supervisionMeetings.supervisorId, who.supervisorId));
  if (who.supporterId) conditions.push(eq(supervisionMeetings.supporterId, who.supporterId));
  return db.select().from(supervisionMeetings).where(and(...conditions)).orderBy(desc(supervisionMeetings.createdAt)).limit(200);
}

export async function findMeeting(db: DbOrTx, id: string) {
  const [row] = await db.select().from(supervisionMeetings).where(eq(supervisionMeetings.id, id));
  return row ?? null;
}

// ── Feedback ─────────────────────────────────────────────────────────────────
export async function insertFeedback(db: DbOrTx, values: typeof supporterFeedback.$inferInsert) {
  const [row] = await db.insert(supporterFeedback).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findFeedbackFor(db: DbOrTx, conversationId: string) {
  const [row] = await db.select().from(supporterFeedback).where(eq(supporterFeedback.conversationId, conversationId));
  return row ?? null;
}

export async function listFeedback(db: DbOrTx, supporterId: string, limit = 50) {
  return db.select().from(supporterFeedback).where(eq(supporterFeedback.supporterId, supporterId)).orderBy(desc(supporterFeedback.createdAt)).limit(limit);
}

/** Rating count and average per supporter, for the given supporters (those without ratings are absent). */
export async function summarizeFeedback(db: DbOrTx, supporterIds: string[]) {
  if (supporterIds.length === 0) return [];
  return db
    .select({ supporterId: supporterFeedback.supporterId, count: sql<number>`count(*)::int`, average: sql<number>`avg(${supporterFeedback.rating})::float8`, lastAt: sql<Date>`max(${supporterFeedback.createdAt})` })
    .from(supporterFeedback)
    .where(inArray(supporterFeedback.supporterId, supporterIds))
    .groupBy(supporterFeedback.supporterId);
}

// ── Personal data ────────────────────────────────────────────────────────────
export async function listFeedbackGiven(db: DbOrTx, memberId: string) {
  return db.select().from(supporterFeedback).where(eq(supporterFeedback.memberId, memberId));
}

export async function listMeetingsOf(db: DbOrTx, userId: string) {
  return db.select().from(supervisionMeetings).where(sql`${supervisionMeetings.supervisorId} = ${userId} or ${supervisionMeetings.supporterId} = ${userId}`);
}

/**
 * Account deletion. A supporter's own log, meetings and assignments go; comments they wrote on others' entries and
 * feedback they gave are de-identified (the supporter's record of being rated survives without the member).
 */
export async function eraseFor(db: DbOrTx, userId: string) {
  await db.delete(supervisionActivities).where(eq(supervisionActivities.supporterId, userId));
  await db.delete(supervisionMeetings).where(sql`${supervisionMeetings.supervisorId} = ${userId} or ${supervisionMeetings.supporterId} = ${userId}`);
  await db.delete(supervisionAssignments).where(sql`${supervisionAssignments.supervisorId} = ${userId} or ${supervisionAssignments.supporterId} = ${userId}`);
  await db.delete(supporterFeedback).where(eq(supporterFeedback.supporterId, userId));
  await db.update(supporterFeedback).set({ memberId: null, commentCiphertext: null }).where(eq(supporterFeedback.memberId, userId));
  await db.update(supervisionComments).set({ authorId: null }).where(eq(supervisionComments.authorId, userId));
  await db.update(supervisionActivities).set({ reviewedBy: null }).where(eq(supervisionActivities.reviewedBy, userId));
}
