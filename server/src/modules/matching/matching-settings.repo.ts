import { and, eq, sql } from 'drizzle-orm';
import { matchingSettings, onDemandRooms } from '../../db/schema/index.ts';
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

const settingsLockKey = (orgId: string) => sql`hashtext(${`matching_settings:${orgId}`})`;

/** Held (shared) by whoever schedules an idle check by the organization's idle time, until their transaction ends. */
export async function lockSettingsForReading(db: DbOrTx, orgId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${settingsLockKey(orgId)})`);
}

/** Held (exclusive) by a settings change while it moves the pending idle checks, until its transaction ends. */
export async function lockSettingsForChange(db: DbOrTx, orgId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${settingsLockKey(orgId)})`);
}

/** Ids of the organization's open on-demand rooms (whose idle checks a changed idle time moves). */
export async function listOpenRoomIds(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.select({ id: onDemandRooms.id }).from(onDemandRooms).where(and(eq(onDemandRooms.orgId, orgId), eq(onDemandRooms.status, 'open')));
  return rows.map((r) => r.id);
}
