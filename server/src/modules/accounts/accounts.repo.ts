import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { authSessions, orgs, users } from '../../db/schema/index.ts';
import type { Db, DbOrTx } from '../../platform/db/index.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type AuthSessionRow = typeof authSessions.$inferSelect;

export async function findUserByPseudonym(db: DbOrTx, pseudonym: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(sql`lower(${users.pseudonym}) = lower(${pseudonym})`);
  return row ?? null;
}

export async function findUser(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function insertUser(db: DbOrTx, values: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(db: DbOrTx, id: string, values: Partial<NewUser>): Promise<UserRow> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row!;
}

export async function findOrgBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(orgs).where(eq(orgs.slug, slug));
  return row ?? null;
}

/** The organization new sign-ups join when none is named: the oldest one. */
export async function findDefaultOrg(db: DbOrTx) {
  const [row] = await db.select().from(orgs).orderBy(orgs.createdAt).limit(1);
  return row ?? null;
}

export async function insertAuthSession(db: DbOrTx, values: typeof authSessions.$inferInsert): Promise<AuthSessionRow> {
  const [row] = await db.insert(authSessions).values(values).returning();
  return row!;
}

/**
 * A live session and the few user fields a request needs, by token hash. Every request and socket resolves one, so it
 * is one named prepared statement, built once per database handle, with no transaction and no `select *`.
 */
export function prepareSessionLookup(db: Db) {
  const query = db
    .select({
      sessionId: authSessions.id,
      csrfToken: authSessions.csrfToken,
      lastSeenAt: authSessions.lastSeenAt,
      userId: users.id,
      orgId: users.orgId,
      role: users.role,
      displayName: users.displayName,
      timezone: users.timezone,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.tokenHash, sql.placeholder('tokenHash')), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, sql.placeholder('now'))))
    .prepare('accounts_find_live_session');
  return async (tokenHash: string, now: Date) => (await query.execute({ tokenHash, now }))[0] ?? null;
}

/** Records that the session was used; callers throttle it (at most once a minute per session). */
/** Which of these session ids are live (not revoked, not expired): one query for every socket of a node. */
export async function listLiveSessionIds(db: DbOrTx, ids: string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(inArray(authSessions.id, ids), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now)));
  return rows.map((r) => r.id);
}

export async function touchSession(db: DbOrTx, id: string, now: Date) {
  await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, id));
}

export async function listLiveSessions(db: DbOrTx, userId: string, now: Date) {
  return db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now)))
    .orderBy(authSessions.createdAt);
}

export async function revokeSession(db: DbOrTx, userId: string, sessionId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return rows.length > 0;
}

/** Removes the person's row; their login sessions go with it (cascade). Returns what the audit scrub needs. */
export async function deleteUser(db: DbOrTx, id: string): Promise<{ pseudonym: string; email: string | null } | null> {
  const [row] = await db.delete(users).where(eq(users.id, id)).returning({ pseudonym: users.pseudonym, email: users.email });
  return row ?? null;
}

/** The person's profile and devices, for their own data export (never the password hash or token hashes). */
export async function findUserForExport(db: DbOrTx, id: string) {
  const [user] = await db
    .select({
      pseudonym: users.pseudonym,
      displayName: users.displayName,
      pronouns: users.pronouns,
      email: users.email,
      role: users.role,
      languages: users.languages,
      timezone: users.timezone,
      country: users.country,
      interests: users.interests,
      onboardedAt: users.onboardedAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, id));
  const devices = await db
    .select({ userAgent: authSessions.userAgent, createdAt: authSessions.createdAt, lastSeenAt: authSessions.lastSeenAt, expiresAt: authSessions.expiresAt, revokedAt: authSessions.revokedAt })
    .from(authSessions)
    .where(eq(authSessions.userId, id));
  return { account: user ?? null, devices };
}
