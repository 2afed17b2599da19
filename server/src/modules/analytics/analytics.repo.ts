import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { analyticsSettings, attendance, programs, sessions, type CostAssumptions, type ReliabilityParams, type UnitCosts } from '../../db/schema/index.ts';
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

// ── Sessions and attendance (read-only views of the sessions tables, until that module offers a port) ─────
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
