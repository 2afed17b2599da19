import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { eventRegistrations, orgEvents } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type EventRow = typeof orgEvents.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type EventCounts = { registered: number; waitlisted: number };

export async function listEvents(db: DbOrTx, orgId: string, when: 'upcoming' | 'past', now: Date): Promise<EventRow[]> {
  return db
    .select()
    .from(orgEvents)
    .where(and(eq(orgEvents.orgId, orgId), when === 'upcoming' ? gte(orgEvents.endsAt, now) : lt(orgEvents.endsAt, now)))
    .orderBy(when === 'upcoming' ? asc(orgEvents.startsAt) : desc(orgEvents.startsAt))
    .limit(100);
}

export async function findEvent(db: DbOrTx, id: string): Promise<EventRow | null> {
  const [row] = await db.select().from(orgEvents).where(eq(orgEvents.id, id));
  return row ?? null;
}

/** Locks the event so registrations for its last places are decided one at a time. */
export async function lockEvent(db: DbOrTx, id: string): Promise<EventRow | null> {
  const [row] = await db.select().from(orgEvents).where(eq(orgEvents.id, id)).for('update');
  return row ?? null;
}

export async function insertEvent(db: DbOrTx, values: typeof orgEvents.$inferInsert): Promise<EventRow> {
  const [row] = await db.insert(orgEvents).values(values).returning();
  return row!;
}

export async function updateEvent(db: DbOrTx, id: string, values: Partial<typeof orgEvents.$inferInsert>): Promise<EventRow> {
  const [row] = await db.update(orgEvents).set(values).where(eq(orgEvents.id, id)).returning();
  return row!;
}

export async function countRegistrations(db: DbOrTx, eventIds: string[]): Promise<Map<string, EventCounts>> {
  const out = new Map<string, EventCounts>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status, n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.eventId, eventIds))
    .groupBy(eventRegistrations.eventId, eventRegistrations.status);
  for (const r of rows) {
    const entry = out.get(r.eventId) ?? { registered: 0, waitlisted: 0 };
    if (r.status === 'registered') entry.registered = r.n;
    if (r.status === 'waitlisted') entry.waitlisted = r.n;
    out.set(r.eventId, entry);
  }
  return out;
}

export async function listMyRegistrations(db: DbOrTx, userId: string, eventIds: string[]): Promise<Map<string, RegistrationRow>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db.select().from(eventRegistrations).where(and(eq(eventRegistrations.userId, userId), inArray(eventRegistrations.eventId, eventIds)));
  return new Map(rows.map((r) => [r.eventId, r]));
}

export async function findRegistration(db: DbOrTx, eventId: string, userId: string): Promise<RegistrationRow | null> {
  const [row] = await db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)));
  return row ?? null;
}

export async function upsertRegistration(db: DbOrTx, eventId: string, userId: string, status: RegistrationRow['status']): Promise<RegistrationRow> {
  const [row] = await db
    .insert(eventRegistrations)
    .values({ eventId, userId, status })
    .onConflictDoUpdate({ target: [eventRegistrations.eventId, eventRegistrations.userId], set: { status, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** The longest-waiting person on the waitlist (registration order). */
export async function findFirstWaitlisted(db: DbOrTx, eventId: string): Promise<RegistrationRow | null> {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waitlisted')))
    .orderBy(asc(eventRegistrations.updatedAt), asc(eventRegistrations.id))
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function listRegisteredUserIds(db: DbOrTx, eventId: string): Promise<string[]> {
  const rows = await db.select({ userId: eventRegistrations.userId }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'registered')));
  return rows.map((r) => r.userId);
}

export async function listRegistrationsOf(db: DbOrTx, userId: string) {
  return db
    .select({ event: orgEvents.title, startsAt: orgEvents.startsAt, status: eventRegistrations.status, registeredAt: eventRegistrations.createdAt })
    .from(eventRegistrations)
    .innerJoin(orgEvents, eq(orgEvents.id, eventRegistrations.eventId))
    .where(eq(eventRegistrations.userId, userId));
}

export async function deleteRegistrationsOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(eventRegistrations).where(eq(eventRegistrations.userId, userId));
}

export async function clearCreatedBy(db: DbOrTx, userId: string): Promise<void> {
  await db.update(orgEvents).set({ createdBy: null }).where(eq(orgEvents.createdBy, userId));
}
