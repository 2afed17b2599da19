import { and, asc, count, eq, gt, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { attendance, calendarFeeds, groupMembers, groups, rsvps, schedules, sessions, users } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type ScheduleRow = typeof schedules.$inferSelect;
export type NewSchedule = typeof schedules.$inferInsert;
export type AttendanceRow = typeof attendance.$inferSelect;

export async function findSession(db: DbOrTx, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}

/** Reads a session and locks it until the transaction ends (RSVP capacity, attendance rows). */
export async function lockSession(db: DbOrTx, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).for('update');
  return row ?? null;
}

export async function insertSession(db: DbOrTx, values: NewSession): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(values).returning();
  return row!;
}

export async function updateSession(db: DbOrTx, id: string, values: Partial<NewSession>): Promise<SessionRow> {
  const [row] = await db.update(sessions).set(values).where(eq(sessions.id, id)).returning();
  return row!;
}

/** Inserts materialized occurrences; ones that already exist (or were detached) are left untouched. */
export async function insertOccurrences(db: DbOrTx, rows: NewSession[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(sessions).values(rows).onConflictDoNothing({ target: [sessions.scheduleId, sessions.occurrenceLocal] }).returning({ id: sessions.id });
  return inserted.length;
}

/** Occurrences of a schedule starting at or after `from` that nobody changed by hand. */
export async function listRegenerableOccurrences(db: DbOrTx, scheduleId: string, from: Date): Promise<SessionRow[]> {
  return db.select().from(sessions).where(and(eq(sessions.scheduleId, scheduleId), eq(sessions.detached, 0), gte(sessions.startsAt, from)));
}

/** Occurrences of a schedule changed by hand (moved or cancelled) whose original start is still ahead. */
export async function listDetachedOccurrences(db: DbOrTx, scheduleId: string, from: Date): Promise<SessionRow[]> {
  return db.select().from(sessions).where(and(eq(sessions.scheduleId, scheduleId), eq(sessions.detached, 1), gte(sessions.endsAt, new Date(from.getTime() - 86_400_000))));
}

export async function deleteSessions(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(sessions).where(inArray(sessions.id, ids));
}

export async function cancelFutureOccurrences(db: DbOrTx, scheduleId: string, from: Date): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ status: 'cancelled', detached: 1 })
    .where(and(eq(sessions.scheduleId, scheduleId), eq(sessions.status, 'scheduled'), gte(sessions.startsAt, from)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function setCheckInCode(db: DbOrTx, id: string, code: string): Promise<void> {
  await db.update(sessions).set({ checkInCode: code }).where(and(eq(sessions.id, id), isNull(sessions.checkInCode)));
}

// Schedules

export async function insertSchedule(db: DbOrTx, values: NewSchedule): Promise<ScheduleRow> {
  const [row] = await db.insert(schedules).values(values).returning();
  return row!;
}

export async function updateSchedule(db: DbOrTx, id: string, values: Partial<NewSchedule>): Promise<ScheduleRow> {
  const [row] = await db.update(schedules).set(values).where(eq(schedules.id, id)).returning();
  return row!;
}

export async function findSchedule(db: DbOrTx, id: string): Promise<ScheduleRow | null> {
  const [row] = await db.select().from(schedules).where(eq(schedules.id, id));
  return row ?? null;
}

export async function listSchedules(db: DbOrTx, groupId: string): Promise<ScheduleRow[]> {
  return db.select().from(schedules).where(and(eq(schedules.groupId, groupId), isNull(schedules.archivedAt))).orderBy(asc(schedules.createdAt));
}

/** Live schedules of live groups (all of them, or of the given groups): what the rolling horizon extends. */
export async function listLiveSchedules(db: DbOrTx, groupIds?: string[]): Promise<ScheduleRow[]> {
  if (groupIds && groupIds.length === 0) return [];
  const rows = await db
    .select({ schedule: schedules })
    .from(schedules)
    .innerJoin(groups, eq(groups.id, schedules.groupId))
    .where(and(isNull(schedules.archivedAt), isNull(groups.archivedAt), groupIds ? inArray(schedules.groupId, groupIds) : undefined));
  return rows.map((r) => r.schedule);
}

// Sessions with what the viewer needs to see them

type ViewOptions = { viewerId: string; where: SQL | undefined; limit?: number };

/** Sessions with their group, the going count, and the viewer's membership, RSVP and check-in. */
export async function listSessionViews(db: DbOrTx, opts: ViewOptions) {
  const query = db
    .select({
      session: sessions,
      group: groups,
      goingCount: sql<number>`(select count(*)::int from ${rsvps} r where r.session_id = ${sessions.id} and r.status = 'going')`,
      myRsvp: sql<'going' | 'not_going' | null>`(select r.status from ${rsvps} r where r.session_id = ${sessions.id} and r.user_id = ${opts.viewerId})`,
      myCheckedIn: sql<boolean>`exists (select 1 from ${attendance} a where a.session_id = ${sessions.id} and a.user_id = ${opts.viewerId} and a.mode = 'in_person')`,
      membership: { role: groupMembers.role, status: groupMembers.status },
    })
    .from(sessions)
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, sessions.groupId), eq(groupMembers.userId, opts.viewerId)))
    .where(opts.where)
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
  return opts.limit ? query.limit(opts.limit) : query;
}
export type SessionView = Awaited<ReturnType<typeof listSessionViews>>[number];

export const where = {
  session: (id: string) => eq(sessions.id, id),
  groupBetween: (groupId: string, from: Date, to: Date) => and(eq(sessions.groupId, groupId), gt(sessions.endsAt, from), lt(sessions.startsAt, to)),
  groupsBetween: (groupIds: string[], from: Date, to: Date) =>
    groupIds.length === 0 ? sql`false` : and(inArray(sessions.groupId, groupIds), gt(sessions.endsAt, from), lt(sessions.startsAt, to)),
};

// RSVPs

export async function countGoing(db: DbOrTx, sessionId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(rsvps).where(and(eq(rsvps.sessionId, sessionId), eq(rsvps.status, 'going')));
  return row?.n ?? 0;
}

export async function findRsvp(db: DbOrTx, sessionId: string, userId: string) {
  const [row] = await db.select().from(rsvps).where(and(eq(rsvps.sessionId, sessionId), eq(rsvps.userId, userId)));
  return row ?? null;
}

export async function upsertRsvp(db: DbOrTx, sessionId: string, userId: string, status: 'going' | 'not_going') {
  await db
    .insert(rsvps)
    .values({ sessionId, userId, status })
    .onConflictDoUpdate({ target: [rsvps.sessionId, rsvps.userId], set: { status, updatedAt: new Date() } });
}

/** Who said they are going (for their reminders). */
export async function listGoingUserIds(db: DbOrTx, sessionId: string): Promise<string[]> {
  const rows = await db.select({ userId: rsvps.userId }).from(rsvps).where(and(eq(rsvps.sessionId, sessionId), eq(rsvps.status, 'going')));
  return rows.map((r) => r.userId);
}

// Attendance

export async function findOpenOnline(db: DbOrTx, sessionId: string, userId: string): Promise<AttendanceRow | null> {
  const [row] = await db
    .select()
    .from(attendance)
    .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId), eq(attendance.mode, 'online'), isNull(attendance.leftAt)));
  return row ?? null;
}

export async function closeOpenOnline(db: DbOrTx, sessionId: string, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(attendance)
    .set({ leftAt: at })
    .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId), eq(attendance.mode, 'online'), isNull(attendance.leftAt)))
    .returning({ id: attendance.id });
  return rows.length;
}

export async function findInPerson(db: DbOrTx, sessionId: string, userId: string): Promise<AttendanceRow | null> {
  const [row] = await db.select().from(attendance).where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId), eq(attendance.mode, 'in_person')));
  return row ?? null;
}

export async function insertAttendance(db: DbOrTx, values: typeof attendance.$inferInsert): Promise<AttendanceRow> {
  const [row] = await db.insert(attendance).values(values).returning();
  return row!;
}

export async function listAttendance(db: DbOrTx, sessionId: string) {
  return db
    .select({ record: attendance, displayName: users.displayName })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.userId))
    .where(eq(attendance.sessionId, sessionId))
    .orderBy(asc(attendance.joinedAt), asc(attendance.id));
}

// Calendar feeds

export async function insertFeed(db: DbOrTx, userId: string, tokenHash: string) {
  const [row] = await db.insert(calendarFeeds).values({ userId, tokenHash }).returning();
  return row!;
}

export async function revokeFeeds(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length;
}

export async function findLiveFeedByHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(calendarFeeds).where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

export async function findLiveFeedOf(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(calendarFeeds).where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

/** For calendar feeds: sessions only, never who is going. */
export async function listCalendarSessions(db: DbOrTx, groupIds: string[], from: Date, to: Date) {
  if (groupIds.length === 0) return [];
  return db
    .select({ session: sessions, group: groups })
    .from(sessions)
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .where(and(inArray(sessions.groupId, groupIds), gt(sessions.endsAt, from), lt(sessions.startsAt, to)))
    .orderBy(asc(sessions.startsAt));
}

/** Distinct sessions a person attended (online or in person) and when they first joined each, for their private journey. */
export async function listAttendedDays(db: DbOrTx, userId: string): Promise<{ count: number; moments: Date[] }> {
  const rows = await db
    .select({ sessionId: attendance.sessionId, at: sql<string>`min(${attendance.joinedAt})` })
    .from(attendance)
    .where(eq(attendance.userId, userId))
    .groupBy(attendance.sessionId);
  return { count: rows.length, moments: rows.map((r) => new Date(r.at)) };
}
