import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { privateSessionParticipants, privateSessions } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type PrivateSessionRow = typeof privateSessions.$inferSelect;
export type ParticipantRow = typeof privateSessionParticipants.$inferSelect;

export async function insertPrivateSession(db: DbOrTx, values: typeof privateSessions.$inferInsert): Promise<PrivateSessionRow> {
  const [row] = await db.insert(privateSessions).values(values).returning();
  return row!;
}

export async function insertParticipants(db: DbOrTx, sessionId: string, people: Array<{ userId: string; role: 'host' | 'guest' }>): Promise<void> {
  if (people.length > 0) await db.insert(privateSessionParticipants).values(people.map((p) => ({ sessionId, ...p }))).onConflictDoNothing();
}

export async function findPrivateSession(db: DbOrTx, id: string): Promise<PrivateSessionRow | null> {
  const [row] = await db.select().from(privateSessions).where(eq(privateSessions.id, id));
  return row ?? null;
}

/** Reads a private session and locks it until the transaction ends (moves and cancellations). */
export async function lockPrivateSession(db: DbOrTx, id: string): Promise<PrivateSessionRow | null> {
  const [row] = await db.select().from(privateSessions).where(eq(privateSessions.id, id)).for('update');
  return row ?? null;
}

export async function updatePrivateSession(db: DbOrTx, id: string, values: Partial<typeof privateSessions.$inferInsert>): Promise<PrivateSessionRow> {
  const [row] = await db.update(privateSessions).set(values).where(eq(privateSessions.id, id)).returning();
  return row!;
}

export async function listParticipants(db: DbOrTx, sessionIds: string[]): Promise<ParticipantRow[]> {
  if (sessionIds.length === 0) return [];
  return db.select().from(privateSessionParticipants).where(inArray(privateSessionParticipants.sessionId, sessionIds));
}

export async function listPrivateSessionsByIds(db: DbOrTx, ids: string[]): Promise<PrivateSessionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(privateSessions).where(inArray(privateSessions.id, ids)).orderBy(asc(privateSessions.startsAt));
}

/** A person's private sessions overlapping a window (calendar feeds, "my upcoming"), soonest first. */
export async function listPrivateSessionsOf(db: DbOrTx, userId: string, from: Date, to: Date, limit?: number): Promise<PrivateSessionRow[]> {
  const query = db
    .select({ session: privateSessions })
    .from(privateSessions)
    .innerJoin(privateSessionParticipants, eq(privateSessionParticipants.sessionId, privateSessions.id))
    .where(and(eq(privateSessionParticipants.userId, userId), gt(privateSessions.endsAt, from), lt(privateSessions.startsAt, to)))
    .orderBy(asc(privateSessions.startsAt));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((r) => r.session);
}

export async function findParticipant(db: DbOrTx, sessionId: string, userId: string): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(privateSessionParticipants)
    .where(and(eq(privateSessionParticipants.sessionId, sessionId), eq(privateSessionParticipants.userId, userId)));
  return row ?? null;
}

/** Account deletion: the private sessions a person takes part in go with them (the meeting cannot happen without them). */
export async function deletePrivateSessionsOf(db: DbOrTx, userId: string): Promise<void> {
  const mine = db.select({ id: privateSessionParticipants.sessionId }).from(privateSessionParticipants).where(eq(privateSessionParticipants.userId, userId));
  await db.delete(privateSessions).where(inArray(privateSessions.id, mine));
}
