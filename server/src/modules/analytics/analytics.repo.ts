import { and, asc, count, eq, gte, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import {
  analyticsSettings, attendance, auditLog, groupMembers, groups, messageMoods, programs, rooms, sessionFeedback, sessions,
  type CostAssumptions, type ReliabilityParams, type UnitCosts,
} from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type SettingsRow = { minGroupSize: number; unitCosts: UnitCosts | null; costAssumptions: CostAssumptions | null; reliability: ReliabilityParams | null };
export type ProgramRow = typeof programs.$inferSelect;

// ── Settings and programs ────────────────────────────────────────────────────
export async function findSettings(db: DbOrTx, orgId: string): Promise<SettingsRow> {
  const [row] = await db
    .select({ minGroupSize: analyticsSettings.minGroupSize, unitCosts: analyticsSettings.unitCosts, costAssumptions: analyticsSettings.costAssumptions, reliability: analyticsSettings.reliability })
    .from(analyticsSettings)
    .where(eq(analyticsSettings.orgId, orgId));
  return row ?? { minGroupSize: 10, unitCosts: null, costAssumptions: null, reliability: null };
}

export async function upsertSettings(db: DbOrTx, orgId: string, values: SettingsRow) {
  await db.insert(analyticsSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: analyticsSettings.orgId, set: { ...values, updatedAt: new Date() } });
}

export async function listPrograms(db: DbOrTx, orgId: string): Promise<ProgramRow[]> {
  return db.select().from(programs).where(eq(programs.orgId, orgId)).orderBy(asc(programs.name));
}

export async function findProgram(db: DbOrTx, id: string): Promise<ProgramRow | null> {
  const [row] = await db.select().from(programs).where(eq(programs.id, id));
  return row ?? null;
}

export async function insertProgram(db: DbOrTx, values: typeof programs.$inferInsert): Promise<ProgramRow> {
  const [row] = await db.insert(programs).values(values).returning();
  return row!;
}

export async function deleteProgram(db: DbOrTx, id: string) {
  await db.delete(programs).where(eq(programs.id, id));
}

// ── Groups, members, sessions and attendance (read-only, aggregated) ─────────
export async function listGroups(db: DbOrTx, orgId: string) {
  return db.select({ id: groups.id, name: groups.name, archivedAt: groups.archivedAt }).from(groups).where(eq(groups.orgId, orgId)).orderBy(asc(groups.name));
}

/** Groups the person leads (facilitator or co-facilitator, active). */
export async function listLedGroupIds(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.status, 'active'), inArray(groupMembers.role, ['facilitator', 'co_facilitator'])));
  return rows.map((r) => r.groupId);
}

/** Members who joined (active or since left), with when they joined. Leaders are not counted as members. */
export async function listMemberships(db: DbOrTx, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({ groupId: groupMembers.groupId, userId: groupMembers.userId, status: groupMembers.status, joinedAt: groupMembers.joinedAt })
    .from(groupMembers)
    .where(and(inArray(groupMembers.groupId, groupIds), inArray(groupMembers.status, ['active', 'left']), eq(groupMembers.role, 'member'), isNotNull(groupMembers.joinedAt)));
}

/** Sessions in the window with how many people attended each. */
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

/** Who attended which group's session when (for retention and active members). */
export async function listAttendance(db: DbOrTx, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({ userId: attendance.userId, groupId: sessions.groupId, at: sessions.startsAt })
    .from(attendance)
    .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
    .where(inArray(sessions.groupId, groupIds));
}

// ── Experience ───────────────────────────────────────────────────────────────
/** Session feedback in the window, as aggregates only. */
export async function summarizeSessionFeedback(db: DbOrTx, groupIds: string[], since: Date) {
  if (groupIds.length === 0) return { responses: 0, people: 0, feltHeard: 0, satisfactionSum: 0, bySatisfaction: [] as Array<{ satisfaction: number; n: number }> };
  const where = and(inArray(sessions.groupId, groupIds), gte(sessionFeedback.createdAt, since));
  const [totals] = await db
    .select({
      responses: sql<number>`count(*)::int`,
      people: sql<number>`count(distinct ${sessionFeedback.userId})::int`,
      feltHeard: sql<number>`count(*) filter (where ${sessionFeedback.feltHeard})::int`,
      satisfactionSum: sql<number>`coalesce(sum(${sessionFeedback.satisfaction}), 0)::int`,
    })
    .from(sessionFeedback)
    .innerJoin(sessions, eq(sessions.id, sessionFeedback.sessionId))
    .where(where);
  const bySatisfaction = await db
    .select({ satisfaction: sessionFeedback.satisfaction, n: sql<number>`count(*)::int` })
    .from(sessionFeedback)
    .innerJoin(sessions, eq(sessions.id, sessionFeedback.sessionId))
    .where(where)
    .groupBy(sessionFeedback.satisfaction);
  return { ...totals!, bySatisfaction };
}

/** How many audit rows of these actions the organization wrote since a date (other modules' events, counted only). */
export async function countAuditActions(db: DbOrTx, orgId: string, actions: string[], since: Date): Promise<Record<string, number>> {
  const rows = await db
    .select({ action: auditLog.action, n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), inArray(auditLog.action, actions), gte(auditLog.createdAt, since)))
    .groupBy(auditLog.action);
  return Object.fromEntries(actions.map((a) => [a, Number(rows.find((r) => r.action === a)?.n ?? 0)]));
}

/** Message sentiment in a group's own room and its sessions' rooms, per message (numbers only, never words). */
export async function listGroupMessageMoods(db: DbOrTx, groupId: string, since: Date) {
  return db
    .select({ userId: messageMoods.userId, compound: messageMoods.compound, at: messageMoods.createdAt })
    .from(messageMoods)
    .innerJoin(rooms, eq(rooms.id, messageMoods.roomId))
    .leftJoin(sessions, eq(sessions.id, rooms.sessionId))
    .where(and(gte(messageMoods.createdAt, since), or(eq(rooms.groupId, groupId), eq(sessions.groupId, groupId))));
}
