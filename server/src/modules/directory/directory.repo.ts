import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { directoryServices, directorySuggestions } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type ServiceRow = typeof directoryServices.$inferSelect;
export type ServiceInsert = typeof directoryServices.$inferInsert;
export type SuggestionRow = typeof directorySuggestions.$inferSelect;

export type ServiceFilters = { orgId: string; kind?: string; language?: string; q?: string };

function filtersFor(f: ServiceFilters): SQL[] {
  const out: SQL[] = [eq(directoryServices.orgId, f.orgId)];
  if (f.kind) out.push(sql`${directoryServices.kind} = ${f.kind}`);
  if (f.language) out.push(sql`${directoryServices.languages} @> array[${f.language}]::text[]`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    out.push(or(ilike(directoryServices.name, like), ilike(directoryServices.description, like), ilike(directoryServices.city, like))!);
  }
  return out;
}

const EARTH_KM = 6371;
const KM_PER_DEGREE = 111.045;

/**
 * Services within `radiusKm` of a point, nearest first. A bounding box on latitude (indexed with org_id) narrows the
 * rows before the haversine distance is computed for each.
 */
export async function listNear(db: DbOrTx, f: ServiceFilters & { lat: number; lng: number; radiusKm: number; limit: number }) {
  const dLat = f.radiusKm / KM_PER_DEGREE;
  const dLng = f.radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((f.lat * Math.PI) / 180)));
  const distance = sql<number>`(${EARTH_KM} * 2 * asin(least(1, sqrt(
      power(sin(radians(${directoryServices.lat} - ${f.lat}) / 2), 2) +
      cos(radians(${f.lat})) * cos(radians(${directoryServices.lat})) * power(sin(radians(${directoryServices.lng} - ${f.lng}) / 2), 2)))))`.mapWith(Number);
  const rows = await db
    .select({ service: directoryServices, distanceKm: distance })
    .from(directoryServices)
    .where(
      and(
        ...filtersFor(f),
        isNotNull(directoryServices.lat),
        sql`${directoryServices.lat} between ${f.lat - dLat} and ${f.lat + dLat}`,
        sql`${directoryServices.lng} between ${f.lng - dLng} and ${f.lng + dLng}`,
        sql`${distance} <= ${f.radiusKm}`,
      ),
    )
    .orderBy(distance, asc(directoryServices.name))
    .limit(f.limit);
  return rows;
}

/** Services with a place, by name (no point to measure from). */
export async function listLocal(db: DbOrTx, f: ServiceFilters & { limit: number }) {
  return db.select().from(directoryServices).where(and(...filtersFor(f), isNotNull(directoryServices.lat))).orderBy(asc(directoryServices.name)).limit(f.limit);
}

/** National lines and online services (no place), for one country or all. */
export async function listPlaceless(db: DbOrTx, f: ServiceFilters & { country?: string; limit: number }) {
  return db
    .select()
    .from(directoryServices)
    .where(and(...filtersFor(f), isNull(directoryServices.lat), ...(f.country ? [eq(directoryServices.country, f.country)] : [])))
    .orderBy(asc(directoryServices.name))
    .limit(f.limit);
}

export async function findService(db: DbOrTx, id: string): Promise<ServiceRow | null> {
  const [row] = await db.select().from(directoryServices).where(eq(directoryServices.id, id));
  return row ?? null;
}

export async function listServiceKeys(db: DbOrTx, orgId: string): Promise<Array<{ id: string; name: string; postcode: string | null }>> {
  return db.select({ id: directoryServices.id, name: directoryServices.name, postcode: directoryServices.postcode }).from(directoryServices).where(eq(directoryServices.orgId, orgId));
}

export async function insertService(db: DbOrTx, values: ServiceInsert): Promise<ServiceRow> {
  const [row] = await db.insert(directoryServices).values(values).returning();
  return row!;
}

export async function updateService(db: DbOrTx, id: string, values: Partial<ServiceInsert>): Promise<ServiceRow> {
  const [row] = await db.update(directoryServices).set(values).where(eq(directoryServices.id, id)).returning();
  return row!;
}

export async function insertSuggestion(db: DbOrTx, values: typeof directorySuggestions.$inferInsert): Promise<SuggestionRow> {
  const [row] = await db.insert(directorySuggestions).values(values).returning();
  return row!;
}

export async function lockSuggestion(db: DbOrTx, id: string): Promise<SuggestionRow | null> {
  const [row] = await db.select().from(directorySuggestions).where(eq(directorySuggestions.id, id)).for('update');
  return row ?? null;
}

export async function updateSuggestion(db: DbOrTx, id: string, values: Partial<typeof directorySuggestions.$inferInsert>): Promise<SuggestionRow> {
  const [row] = await db.update(directorySuggestions).set(values).where(eq(directorySuggestions.id, id)).returning();
  return row!;
}

export async function listSuggestions(db: DbOrTx, orgId: string, status: 'pending' | 'approved' | 'rejected') {
  return db
    .select({ suggestion: directorySuggestions, serviceName: directoryServices.name })
    .from(directorySuggestions)
    .innerJoin(directoryServices, eq(directoryServices.id, directorySuggestions.serviceId))
    .where(and(eq(directorySuggestions.orgId, orgId), eq(directorySuggestions.status, status)))
    .orderBy(asc(directorySuggestions.createdAt))
    .limit(200);
}

export async function listSuggestionsBy(db: DbOrTx, userId: string) {
  return db
    .select({ serviceName: directoryServices.name, changes: directorySuggestions.changes, note: directorySuggestions.note, status: directorySuggestions.status, createdAt: directorySuggestions.createdAt })
    .from(directorySuggestions)
    .innerJoin(directoryServices, eq(directoryServices.id, directorySuggestions.serviceId))
    .where(eq(directorySuggestions.userId, userId));
}

export async function deleteSuggestionsBy(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(directorySuggestions).where(eq(directorySuggestions.userId, userId));
  await db.update(directorySuggestions).set({ decidedBy: null }).where(eq(directorySuggestions.decidedBy, userId));
}
