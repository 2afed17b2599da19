import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { cohortApplications, cohortProgramGroups, cohortPrograms, groups, users } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type ProgramRow = typeof cohortPrograms.$inferSelect;
export type ProgramGroupRow = typeof cohortProgramGroups.$inferSelect;
export type ApplicationRow = typeof cohortApplications.$inferSelect;

export async function insertProgram(db: DbOrTx, values: typeof cohortPrograms.$inferInsert): Promise<ProgramRow> {
  const [row] = await db.insert(cohortPrograms).values(values).returning();
  return row!;
}

export async function insertProgramGroups(db: DbOrTx, rows: (typeof cohortProgramGroups.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(cohortProgramGroups).values(rows);
}

export async function findProgram(db: DbOrTx, id: string): Promise<ProgramRow | null> {
  const [row] = await db.select().from(cohortPrograms).where(eq(cohortPrograms.id, id));
  return row ?? null;
}

export async function lockProgram(db: DbOrTx, id: string): Promise<ProgramRow | null> {
  const [row] = await db.select().from(cohortPrograms).where(eq(cohortPrograms.id, id)).for('update');
  return row ?? null;
}

export async function listPrograms(db: DbOrTx, orgId: string, limit = 100): Promise<ProgramRow[]> {
  return db.select().from(cohortPrograms).where(eq(cohortPrograms.orgId, orgId)).orderBy(desc(cohortPrograms.createdAt)).limit(limit);
}

export async function updateProgram(db: DbOrTx, id: string, values: Partial<typeof cohortPrograms.$inferInsert>): Promise<void> {
  await db.update(cohortPrograms).set(values).where(eq(cohortPrograms.id, id));
}

/** A program's groups with the group's name, in the order they were added. */
export async function listProgramGroups(db: DbOrTx, programIds: string[]) {
  if (programIds.length === 0) return [];
  return db
    .select({ programId: cohortProgramGroups.programId, groupId: cohortProgramGroups.groupId, capacity: cohortProgramGroups.capacity, group: groups })
    .from(cohortProgramGroups)
    .innerJoin(groups, eq(groups.id, cohortProgramGroups.groupId))
    .where(inArray(cohortProgramGroups.programId, programIds))
    .orderBy(asc(cohortProgramGroups.createdAt), asc(cohortProgramGroups.id));
}

/**
 * Sets a program's groups to exactly these: groups taken away are removed, kept ones get their new capacity (and keep
 * their place in the order), new ones are added at the end.
 */
export async function replaceProgramGroups(db: DbOrTx, programId: string, rows: { groupId: string; capacity: number }[]): Promise<void> {
  const keep = rows.map((r) => r.groupId);
  await db.delete(cohortProgramGroups).where(and(eq(cohortProgramGroups.programId, programId), keep.length > 0 ? notInArray(cohortProgramGroups.groupId, keep) : undefined));
  if (rows.length === 0) return;
  await db
    .insert(cohortProgramGroups)
    .values(rows.map((r) => ({ programId, groupId: r.groupId, capacity: r.capacity })))
    .onConflictDoUpdate({ target: [cohortProgramGroups.programId, cohortProgramGroups.groupId], set: { capacity: sql`excluded.capacity` } });
}

/** Groups of the organization that can be part of a program (not archived). */
export async function findOrgGroups(db: DbOrTx, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: groups.id }).from(groups).where(and(eq(groups.orgId, orgId), inArray(groups.id, ids), isNull(groups.archivedAt)));
}

export async function upsertApplication(db: DbOrTx, programId: string, userId: string): Promise<void> {
  await db.insert(cohortApplications).values({ programId, userId }).onConflictDoNothing();
}

export async function listApplications(db: DbOrTx, programId: string) {
  return db
    .select({ application: cohortApplications, displayName: users.displayName })
    .from(cohortApplications)
    .innerJoin(users, eq(users.id, cohortApplications.userId))
    .where(eq(cohortApplications.programId, programId))
    .orderBy(asc(cohortApplications.createdAt), asc(cohortApplications.id));
}

/** Applicant counts per program, and the caller's own applications. */
export async function countApplications(db: DbOrTx, programIds: string[]): Promise<Map<string, number>> {
  if (programIds.length === 0) return new Map();
  const rows = await db
    .select({ programId: cohortApplications.programId, n: sql<number>`count(*)::int` })
    .from(cohortApplications)
    .where(inArray(cohortApplications.programId, programIds))
    .groupBy(cohortApplications.programId);
  return new Map(rows.map((r) => [r.programId, r.n]));
}

export async function listApplicationsOf(db: DbOrTx, userId: string): Promise<ApplicationRow[]> {
  return db.select().from(cohortApplications).where(eq(cohortApplications.userId, userId));
}

/** Removes one person's application (they withdrew it); returns whether there was one. */
export async function deleteApplication(db: DbOrTx, programId: string, userId: string): Promise<boolean> {
  const rows = await db.delete(cohortApplications).where(and(eq(cohortApplications.programId, programId), eq(cohortApplications.userId, userId))).returning({ id: cohortApplications.id });
  return rows.length > 0;
}

export async function setApplicationGroup(db: DbOrTx, programId: string, userId: string, groupId: string | null): Promise<void> {
  await db.update(cohortApplications).set({ groupId }).where(and(eq(cohortApplications.programId, programId), eq(cohortApplications.userId, userId)));
}

export async function deleteApplicationsOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(cohortApplications).where(eq(cohortApplications.userId, userId));
}
