import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import {
  authSessions, memberStanding, moderationGroupSettings, moderationReadMarks, moderationSettings, personBlocks, sessionMutes, users, watchedWords,
} from '../../db/schema/index.ts';
import { uuidv7 } from 'uuidv7';
import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { runPrepared, type PreparedStatement } from '../../platform/db/prepared.ts';


export type SettingsRow = typeof moderationSettings.$inferSelect;
export type StandingRow = typeof memberStanding.$inferSelect;
export type WatchedWordRow = typeof watchedWords.$inferSelect;
export type BlockRow = typeof personBlocks.$inferSelect;

export async function findSettings(db: DbOrTx, orgId: string): Promise<SettingsRow | null> {
  const [row] = await db.select().from(moderationSettings).where(eq(moderationSettings.orgId, orgId));
  return row ?? null;
}

export async function upsertSettings(db: DbOrTx, orgId: string, values: Partial<typeof moderationSettings.$inferInsert>): Promise<SettingsRow> {
  const [row] = await db
    .insert(moderationSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: moderationSettings.orgId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function findGroupSettings(db: DbOrTx, groupId: string) {
  const [row] = await db.select().from(moderationGroupSettings).where(eq(moderationGroupSettings.groupId, groupId));
  return row ?? null;
}

export async function upsertGroupSettings(db: DbOrTx, orgId: string, groupId: string, premoderateNewMembers: boolean) {
  const [row] = await db
    .insert(moderationGroupSettings)
    .values({ orgId, groupId, premoderateNewMembers })
    .onConflictDoUpdate({ target: moderationGroupSettings.groupId, set: { premoderateNewMembers, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** The premoderation settings of many groups in one statement (groups without settings are missing). */
export async function listGroupSettings(db: Db, groupIds: string[]): Promise<Array<{ groupId: string; premoderateNewMembers: boolean }>> {
  if (groupIds.length === 0) return [];
  return (await runPrepared<{ groupId: string; premoderateNewMembers: boolean }>(db, GROUP_SETTINGS_MANY, [[...new Set(groupIds)]])).rows;
}

// The message path's per-batch statements: fixed texts, prepared once per connection, no query building per batch.
const GROUP_SETTINGS_MANY: PreparedStatement = {
  name: 'moderation_group_settings_many_v1',
  text: 'select group_id as "groupId", premoderate_new_members as "premoderateNewMembers" from moderation_group_settings where group_id = any($1::uuid[])',
};

/** A standing row's columns under the names of StandingRow. */
const STANDING_COLUMNS = `id, org_id as "orgId", user_id as "userId", trust_level as "trustLevel", days_visited as "daysVisited",
  last_visit_day as "lastVisitDay", posts_read as "postsRead", posts_delivered as "postsDelivered", upheld_flags as "upheldFlags",
  muted_until as "mutedUntil", suspended_until as "suspendedUntil", banned_at as "bannedAt", created_at as "createdAt", updated_at as "updatedAt"`;

const STANDINGS_MANY: PreparedStatement = {
  name: 'moderation_standings_many_v1',
  text: `select ${STANDING_COLUMNS} from member_standing where user_id = any($1::uuid[])`,
};

const ENSURE_STANDINGS: PreparedStatement = {
  name: 'moderation_ensure_standings_v1',
  text: `
    insert into member_standing (id, org_id, user_id)
    select t.id, t.org_id, t.user_id from jsonb_to_recordset($1::jsonb) as t(id uuid, org_id uuid, user_id uuid)
    on conflict (user_id) do nothing
    returning ${STANDING_COLUMNS}`,
};

const BUMP_DELIVERED_MANY: PreparedStatement = {
  name: 'moderation_bump_delivered_many_v1',
  text: `
    update member_standing set posts_delivered = member_standing.posts_delivered + batch.n
    from (select user_id, count(*)::int as n from unnest($1::uuid[]) as u(user_id) group by 1) batch
    where member_standing.user_id = batch.user_id`,
};

const SESSION_MUTES_MANY: PreparedStatement = {
  name: 'moderation_session_mutes_many_v1',
  text: `
    select m.session_id as "sessionId", m.user_id as "userId"
    from session_mutes m join unnest($1::uuid[], $2::uuid[]) as p(session_id, user_id) on m.session_id = p.session_id and m.user_id = p.user_id`,
};

/**
 * Standings for many people who have none yet, created (trust level "new") in one statement. A row created at the same
 * moment by another request is read back, so every person asked for gets their row.
 */
export async function ensureStandings(db: Db, people: Array<{ orgId: string; userId: string }>): Promise<StandingRow[]> {
  const unique = [...new Map(people.map((p) => [p.userId, p])).values()];
  if (unique.length === 0) return [];
  const input = unique.map((p) => ({ id: uuidv7(), org_id: p.orgId, user_id: p.userId }));
  const created = (await runPrepared<StandingRow>(db, ENSURE_STANDINGS, [JSON.stringify(input)])).rows;
  if (created.length === unique.length) return created;
  const made = new Set(created.map((r) => r.userId));
  const theirs = await listStandings(db, unique.filter((p) => !made.has(p.userId)).map((p) => p.userId));
  return [...created, ...theirs];
}

/** A person's standing, created (trust level "new") the first time it is needed. */
export async function ensureStanding(db: DbOrTx, orgId: string, userId: string): Promise<StandingRow> {
  const [existing] = await db.select().from(memberStanding).where(eq(memberStanding.userId, userId));
  if (existing) return existing;
  const [created] = await db.insert(memberStanding).values({ orgId, userId }).onConflictDoNothing({ target: memberStanding.userId }).returning();
  if (created) return created;
  // Created at the same moment by another request: read theirs.
  const [row] = await db.select().from(memberStanding).where(eq(memberStanding.userId, userId));
  return row!;
}

export async function findStanding(db: DbOrTx, userId: string): Promise<StandingRow | null> {
  const [row] = await db.select().from(memberStanding).where(eq(memberStanding.userId, userId));
  return row ?? null;
}

export async function updateStanding(db: DbOrTx, userId: string, values: Partial<typeof memberStanding.$inferInsert>): Promise<void> {
  await db.update(memberStanding).set(values).where(eq(memberStanding.userId, userId));
}

export async function bumpPostsDelivered(db: DbOrTx, userId: string): Promise<void> {
  await db.update(memberStanding).set({ postsDelivered: sql`${memberStanding.postsDelivered} + 1` }).where(eq(memberStanding.userId, userId));
}

/** Counts delivered posts for a batch of messages in one statement (a person with n posts in the batch gets +n). */
export async function bumpPostsDeliveredMany(db: Db, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await runPrepared(db, BUMP_DELIVERED_MANY, [userIds]);
}

/** The standing rows of many people in one statement (those without one yet are missing). */
export async function listStandings(db: Db, userIds: string[]): Promise<StandingRow[]> {
  if (userIds.length === 0) return [];
  return (await runPrepared<StandingRow>(db, STANDINGS_MANY, [[...new Set(userIds)]])).rows;
}

/** Which of these (session, person) pairs are muted in the session's live room, in one statement; keyed `session:user`. */
export async function findSessionMutedPairs(db: Db, pairs: Array<{ sessionId: string; userId: string }>): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const result = await runPrepared<{ sessionId: string; userId: string }>(db, SESSION_MUTES_MANY, [pairs.map((p) => p.sessionId), pairs.map((p) => p.userId)]);
  return new Set(result.rows.map((r) => `${r.sessionId}:${r.userId}`));
}

/** Records a visit on `day` (the person's local date); a second visit the same day changes nothing. */
export async function recordVisitDay(db: DbOrTx, userId: string, day: string): Promise<boolean> {
  const rows = await db
    .update(memberStanding)
    .set({
      daysVisited: sql`${memberStanding.daysVisited} + case when ${memberStanding.lastVisitDay} is distinct from ${day} then 1 else 0 end`,
      lastVisitDay: day,
    })
    .where(eq(memberStanding.userId, userId))
    .returning({ daysVisited: memberStanding.daysVisited });
  return rows.length > 0;
}

export async function listWatchedWords(db: DbOrTx, orgId: string): Promise<WatchedWordRow[]> {
  return db.select().from(watchedWords).where(eq(watchedWords.orgId, orgId)).orderBy(asc(watchedWords.pattern));
}

export async function insertWatchedWord(db: DbOrTx, values: typeof watchedWords.$inferInsert): Promise<WatchedWordRow | null> {
  const [row] = await db.insert(watchedWords).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findWatchedWord(db: DbOrTx, id: string): Promise<WatchedWordRow | null> {
  const [row] = await db.select().from(watchedWords).where(eq(watchedWords.id, id));
  return row ?? null;
}

export async function updateWatchedWord(db: DbOrTx, id: string, action: WatchedWordRow['action']): Promise<void> {
  await db.update(watchedWords).set({ action }).where(eq(watchedWords.id, id));
}

export async function deleteWatchedWord(db: DbOrTx, id: string): Promise<void> {
  await db.delete(watchedWords).where(eq(watchedWords.id, id));
}

export async function listBlocks(db: DbOrTx, ownerId: string) {
  return db.select().from(personBlocks).where(eq(personBlocks.ownerId, ownerId)).orderBy(asc(personBlocks.createdAt));
}

export async function insertBlock(db: DbOrTx, ownerId: string, targetId: string, kind: BlockRow['kind']): Promise<boolean> {
  const rows = await db.insert(personBlocks).values({ ownerId, targetId, kind }).onConflictDoNothing().returning({ id: personBlocks.id });
  return rows.length > 0;
}

export async function deleteBlock(db: DbOrTx, ownerId: string, targetId: string, kind: BlockRow['kind']): Promise<boolean> {
  const rows = await db
    .delete(personBlocks)
    .where(and(eq(personBlocks.ownerId, ownerId), eq(personBlocks.targetId, targetId), eq(personBlocks.kind, kind)))
    .returning({ id: personBlocks.id });
  return rows.length > 0;
}

export async function hasBlocked(db: DbOrTx, ownerId: string, targetId: string): Promise<boolean> {
  const rows = await db
    .select({ id: personBlocks.id })
    .from(personBlocks)
    .where(and(eq(personBlocks.ownerId, ownerId), eq(personBlocks.targetId, targetId), eq(personBlocks.kind, 'block')));
  return rows.length > 0;
}

export async function deleteBlocksTouching(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(personBlocks).where(or(eq(personBlocks.ownerId, userId), eq(personBlocks.targetId, userId)));
}

export async function insertSessionMute(db: DbOrTx, sessionId: string, userId: string, mutedBy: string): Promise<boolean> {
  const rows = await db.insert(sessionMutes).values({ sessionId, userId, mutedBy }).onConflictDoNothing().returning({ id: sessionMutes.id });
  return rows.length > 0;
}

export async function deleteSessionMute(db: DbOrTx, sessionId: string, userId: string): Promise<boolean> {
  const rows = await db.delete(sessionMutes).where(and(eq(sessionMutes.sessionId, sessionId), eq(sessionMutes.userId, userId))).returning({ id: sessionMutes.id });
  return rows.length > 0;
}

export async function listSessionMutes(db: DbOrTx, sessionId: string) {
  return db.select({ userId: sessionMutes.userId, createdAt: sessionMutes.createdAt }).from(sessionMutes).where(eq(sessionMutes.sessionId, sessionId));
}

/** Signs a suspended or banned person out on every device (in the action's transaction). */
export async function revokeAuthSessions(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db.update(authSessions).set({ revokedAt: at }).where(and(eq(authSessions.userId, userId), sql`${authSessions.revokedAt} is null`));
}

/** How far a person has read in a place, locked for the caller's transaction; null before their first read there. */
export async function lockReadMark(db: DbOrTx, userId: string, placeKind: 'room' | 'thread', placeId: string): Promise<Date | null> {
  const [row] = await db
    .select({ readUpTo: moderationReadMarks.readUpTo })
    .from(moderationReadMarks)
    .where(and(eq(moderationReadMarks.userId, userId), eq(moderationReadMarks.placeKind, placeKind), eq(moderationReadMarks.placeId, placeId)))
    .for('update');
  return row?.readUpTo ?? null;
}

/** Moves a read mark forward (never back: paging to older posts must not re-count newer ones). */
export async function advanceReadMark(db: DbOrTx, values: { orgId: string; userId: string; placeKind: 'room' | 'thread'; placeId: string; readUpTo: Date }): Promise<void> {
  await db
    .insert(moderationReadMarks)
    .values(values)
    .onConflictDoUpdate({
      target: [moderationReadMarks.userId, moderationReadMarks.placeKind, moderationReadMarks.placeId],
      set: { readUpTo: sql`greatest(${moderationReadMarks.readUpTo}, excluded.read_up_to)`, updatedAt: new Date() },
    });
}

export async function addPostsRead(db: DbOrTx, userId: string, count: number): Promise<void> {
  await db.update(memberStanding).set({ postsRead: sql`${memberStanding.postsRead} + ${count}` }).where(eq(memberStanding.userId, userId));
}

export async function deleteReadMarks(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(moderationReadMarks).where(eq(moderationReadMarks.userId, userId));
}

/** Display names of a few people (the session's paused participants). */
export async function findDisplayNames(db: DbOrTx, ids: string[]): Promise<{ id: string; displayName: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
}
