import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { attendance, sessions } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

// Read-only queries behind `createSessionFacts` (session-facts.ts): narrow shapes, aggregated here, never rows to loop over.

/** Scheduled sessions of these groups that start in the window, each with how many different people attended. */
export async function listSessionAttendance(db: DbOrTx, groupIds: string[], since: Date, until: Date) {
  if (groupIds.length === 0) return [];
  return db
    .select({ sessionId: sessions.id, groupId: sessions.groupId, title: sessions.title, startsAt: sessions.startsAt, attended: sql<number>`count(distinct ${attendance.userId})::int` })
    .from(sessions)
    .leftJoin(attendance, eq(attendance.sessionId, sessions.id))
    .where(and(inArray(sessions.groupId, groupIds), eq(sessions.status, 'scheduled'), gte(sessions.startsAt, since), lte(sessions.startsAt, until)))
    .groupBy(sessions.id)
    .orderBy(asc(sessions.startsAt));
}

/** Every attendance in these groups' sessions: who, which group, and when the session started. */
export async function listGroupAttendance(db: DbOrTx, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({ userId: attendance.userId, groupId: sessions.groupId, at: sessions.startsAt })
    .from(attendance)
    .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
    .where(inArray(sessions.groupId, groupIds));
}

/** One session's times and group, and whether this person attended it. */
export async function findSessionWithAttendance(db: DbOrTx, sessionId: string, userId: string) {
  const [row] = await db
    .select({
      id: sessions.id, groupId: sessions.groupId, title: sessions.title, startsAt: sessions.startsAt, endsAt: sessions.endsAt,
      // Qualified by hand: drizzle writes a single-table select's columns bare, and a bare "id" here would bind to attendance's.
      attended: sql<boolean>`exists (select 1 from ${attendance} a where a.session_id = ${sql.raw('"sessions"."id"')} and a.user_id = ${userId})`,
    })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return row ?? null;
}

/** The latest session the person attended that ended inside the window. */
export async function findLatestAttendedSession(db: DbOrTx, userId: string, since: Date, until: Date) {
  const [row] = await db
    .select({ id: sessions.id, title: sessions.title, endsAt: sessions.endsAt })
    .from(attendance)
    .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
    .where(and(eq(attendance.userId, userId), gte(sessions.endsAt, since), lte(sessions.endsAt, until)))
    .orderBy(desc(sessions.endsAt))
    .limit(1);
  return row ?? null;
}

/** When each session the person attended started (each session once), oldest first. */
export async function listAttendedSessionStarts(db: DbOrTx, userId: string): Promise<Date[]> {
  const rows = await db
    .selectDistinct({ id: sessions.id, startsAt: sessions.startsAt })
    .from(attendance)
    .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
    .where(eq(attendance.userId, userId))
    .orderBy(asc(sessions.startsAt));
  return rows.map((r) => r.startsAt);
}

/** Ids of all sessions of these groups (any status, any time). */
export async function listGroupSessionIds(db: DbOrTx, groupIds: string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await db.select({ id: sessions.id }).from(sessions).where(inArray(sessions.groupId, groupIds));
  return rows.map((r) => r.id);
}

/** Each group's next scheduled session that has not ended yet (one row per group that has one). */
export async function listNextSessions(db: DbOrTx, groupIds: string[], at: Date) {
  if (groupIds.length === 0) return [];
  return db
    .selectDistinctOn([sessions.groupId], { groupId: sessions.groupId, id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(inArray(sessions.groupId, groupIds), eq(sessions.status, 'scheduled'), gt(sessions.endsAt, at)))
    .orderBy(sessions.groupId, asc(sessions.startsAt));
}

/** The next scheduled starts of each group inside the window, at most `perGroup` each (cut in SQL), soonest first. */
export async function listUpcomingStarts(db: DbOrTx, groupIds: string[], from: Date, until: Date, perGroup: number) {
  if (groupIds.length === 0) return [];
  const ranked = db
    .select({
      groupId: sessions.groupId,
      startsAt: sessions.startsAt,
      rank: sql<number>`row_number() over (partition by ${sessions.groupId} order by ${sessions.startsAt})`.as('rank'),
    })
    .from(sessions)
    .where(and(inArray(sessions.groupId, groupIds), eq(sessions.status, 'scheduled'), gt(sessions.startsAt, from), lt(sessions.startsAt, until)))
    .as('ranked');
  return db
    .select({ groupId: ranked.groupId, startsAt: ranked.startsAt })
    .from(ranked)
    .where(lte(ranked.rank, perGroup))
    .orderBy(asc(ranked.startsAt));
}

/** The group, times and status of each of these sessions (a live room's open/ended/cancelled facts), in one statement. */
export async function listSessionsByIds(db: DbOrTx, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select({ id: sessions.id, groupId: sessions.groupId, startsAt: sessions.startsAt, endsAt: sessions.endsAt, status: sessions.status })
    .from(sessions)
    .where(inArray(sessions.id, sessionIds));
}
