import { eq } from 'drizzle-orm';
import { matchingSettings } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type MatchingSettingsRow = typeof matchingSettings.$inferSelect;

export async function findMatchingSettings(db: DbOrTx, orgId: string): Promise<MatchingSettingsRow | null> {
  const [row] = await db.select().from(matchingSettings).where(eq(matchingSettings.orgId, orgId));
  return row ?? null;
}

export async function upsertMatchingSettings(db: DbOrTx, orgId: string, values: { roomIdleMinutes: number; maxRoomsPerHost: number }): Promise<MatchingSettingsRow> {
  const [row] = await db
    .insert(matchingSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: matchingSettings.orgId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}
