import { asc, eq } from 'drizzle-orm';
import { analyticsSettings, programs, type CostAssumptions, type ReliabilityParams, type UnitCosts } from '../../db/schema/index.ts';
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
