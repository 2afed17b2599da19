import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import {
  groupMembers,
  groups,
  onDemandMembers,
  onDemandRooms,
  riskAssessments,
  supporterProfiles,
  supportRequests,
  users,
} from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { RiskLevel } from './on-demand-placement.ts';

/**
 * The outer query's column inside a correlated subquery. Drizzle writes a single-table select's columns unqualified
 * ("id"), which inside `(select … from t2 x where x.fk = "id")` would bind to t2's own id and silently match nothing.
 */
const outer = (table: string, column: string) => sql.raw(`"${table}"."${column}"`);

export type SupportRequestRow = typeof supportRequests.$inferSelect;
export type SupporterProfileRow = typeof supporterProfiles.$inferSelect;
export type OnDemandRoomRow = typeof onDemandRooms.$inferSelect;
export type OnDemandMemberRow = typeof onDemandMembers.$inferSelect;

/** How long a safety assessment counts as a person's current level for matching (balance and the urgent rule). */
export const CURRENT_LEVEL_MS = 7 * 24 * 3600_000;

/**
 * Each person's latest safety assessment level within the window (read-only use of safety's risk history: matching
 * must honour it, and safety does not depend on matching). Missing people have no recent assessment: 'none'.
 */
export async function listLatestLevels(db: DbOrTx, userIds: string[], since: Date): Promise<Map<string, RiskLevel>> {
  const out = new Map<string, RiskLevel>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([riskAssessments.userId], { userId: riskAssessments.userId, level: riskAssessments.level })
    .from(riskAssessments)
    .where(and(inArray(riskAssessments.userId, userIds), gt(riskAssessments.createdAt, since)))
    .orderBy(riskAssessments.userId, desc(riskAssessments.createdAt));
  for (const r of rows) out.set(r.userId, r.level);
  return out;
}

/** Discoverable groups of an organization (open or request-to-join, not archived) with their active member count. */
export async function listCandidateGroups(db: DbOrTx, orgId: string) {
  return db
    .select({
      group: groups,
      activeMembers: sql<number>`(select count(*)::int from ${groupMembers} gm where gm.group_id = ${outer('groups', 'id')} and gm.status = 'active')`,
    })
    .from(groups)
    .where(and(eq(groups.orgId, orgId), isNull(groups.archivedAt), ne(groups.visibility, 'invite')));
}

/** Members in acute distress per group: active members whose latest recent assessment is concern or urgent. */
export async function countAcuteMembers(db: DbOrTx, groupIds: string[], since: Date): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (groupIds.length === 0) return out;
  const rows = await db.execute<{ group_id: string; n: number }>(sql`
    select gm.group_id, count(*)::int as n
    from ${groupMembers} gm
    join lateral (
      select ra.level from ${riskAssessments} ra
      where ra.user_id = gm.user_id and ra.created_at > ${since.toISOString()}
      order by ra.created_at desc limit 1
    ) latest on true
    where gm.status = 'active' and latest.level <> 'none' and gm.group_id in (${sql.join(groupIds.map((id) => sql`${id}`), sql`, `)})
    group by gm.group_id`);
  for (const r of rows.rows) out.set(r.group_id, Number(r.n));
  return out;
}

// ---- peer supporters ----

/** Peer supporters of an organization with their matching profile and request ratings (open conversations come from chat). */
export async function listSupporterCandidates(db: DbOrTx, orgId: string) {
  return db
    .select({
      user: { id: users.id, displayName: users.displayName, languages: users.languages, timezone: users.timezone },
      profile: supporterProfiles,
      ratingMean: sql<number | null>`(select avg(sr.rating)::float from ${supportRequests} sr where sr.accepted_by = ${outer('users', 'id')} and sr.rating is not null)`,
      ratingCount: sql<number>`(select count(sr.rating)::int from ${supportRequests} sr where sr.accepted_by = ${outer('users', 'id')})`,
    })
    .from(users)
    .leftJoin(supporterProfiles, eq(supporterProfiles.userId, users.id))
    .where(and(eq(users.orgId, orgId), eq(users.role, 'peer_supporter')));
}

export async function findSupporterProfile(db: DbOrTx, userId: string): Promise<SupporterProfileRow | null> {
  const [row] = await db.select().from(supporterProfiles).where(eq(supporterProfiles.userId, userId));
  return row ?? null;
}

export async function upsertSupporterProfile(db: DbOrTx, values: typeof supporterProfiles.$inferInsert): Promise<SupporterProfileRow> {
  const [row] = await db
    .insert(supporterProfiles)
    .values(values)
    .onConflictDoUpdate({ target: supporterProfiles.userId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

// ---- support requests (the on-demand one-to-one queue) ----

export async function insertSupportRequest(db: DbOrTx, values: typeof supportRequests.$inferInsert): Promise<SupportRequestRow> {
  const [row] = await db.insert(supportRequests).values(values).returning();
  return row!;
}

export async function findSupportRequest(db: DbOrTx, id: string): Promise<SupportRequestRow | null> {
  const [row] = await db.select().from(supportRequests).where(eq(supportRequests.id, id));
  return row ?? null;
}

export async function lockSupportRequest(db: DbOrTx, id: string): Promise<SupportRequestRow | null> {
  const [row] = await db.select().from(supportRequests).where(eq(supportRequests.id, id)).for('update');
  return row ?? null;
}

export async function findWaitingRequestOf(db: DbOrTx, memberId: string): Promise<SupportRequestRow | null> {
  const [row] = await db.select().from(supportRequests).where(and(eq(supportRequests.memberId, memberId), eq(supportRequests.status, 'waiting')));
  return row ?? null;
}

export async function updateSupportRequest(db: DbOrTx, id: string, values: Partial<typeof supportRequests.$inferInsert>): Promise<SupportRequestRow> {
  const [row] = await db.update(supportRequests).set(values).where(eq(supportRequests.id, id)).returning();
  return row!;
}

/** Waiting requests of an organization, oldest first (uses support_requests_org_status_idx). */
export async function listWaitingRequests(db: DbOrTx, orgId: string, limit = 50): Promise<SupportRequestRow[]> {
  return db
    .select()
    .from(supportRequests)
    .where(and(eq(supportRequests.orgId, orgId), eq(supportRequests.status, 'waiting')))
    .orderBy(asc(supportRequests.createdAt))
    .limit(limit);
}

/** How many requests in the organization's queue were asked before this one and are still waiting. */
export async function countWaitingBefore(db: DbOrTx, orgId: string, createdAt: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(supportRequests)
    .where(and(eq(supportRequests.orgId, orgId), eq(supportRequests.status, 'waiting'), lt(supportRequests.createdAt, createdAt)));
  return row?.n ?? 0;
}

export async function listRequestsOf(db: DbOrTx, memberId: string): Promise<SupportRequestRow[]> {
  return db.select().from(supportRequests).where(eq(supportRequests.memberId, memberId)).orderBy(desc(supportRequests.createdAt)).limit(20);
}

export async function findUserBrief(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: users.id, displayName: users.displayName, orgId: users.orgId, role: users.role, languages: users.languages, timezone: users.timezone }).from(users).where(eq(users.id, id));
  return row ?? null;
}

// ---- on-demand small groups ----

/** Serializes placement within one organization, so two urgent people can never race into the same room. */
export async function lockOrgPlacement(db: DbOrTx, orgId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`on_demand:${orgId}`}))`);
}

/** Open rooms of an organization with their current size, and how many present members were urgent / acute when placed. */
export async function listOpenRooms(db: DbOrTx, orgId: string) {
  return db
    .select({
      room: onDemandRooms,
      size: sql<number>`(select count(*)::int from ${onDemandMembers} m where m.on_demand_room_id = ${outer('on_demand_rooms', 'id')} and m.left_at is null and m.role = 'member')`,
      urgent: sql<number>`(select count(*)::int from ${onDemandMembers} m where m.on_demand_room_id = ${outer('on_demand_rooms', 'id')} and m.left_at is null and m.level = 'urgent')`,
      acute: sql<number>`(select count(*)::int from ${onDemandMembers} m where m.on_demand_room_id = ${outer('on_demand_rooms', 'id')} and m.left_at is null and m.level <> 'none')`,
    })
    .from(onDemandRooms)
    .where(and(eq(onDemandRooms.orgId, orgId), eq(onDemandRooms.status, 'open')));
}

/** Present members' latest levels in a room, re-read inside the placement transaction (the safety rule's last check). */
export async function listPresentMemberIds(db: DbOrTx, onDemandRoomId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: onDemandMembers.userId })
    .from(onDemandMembers)
    .where(and(eq(onDemandMembers.onDemandRoomId, onDemandRoomId), isNull(onDemandMembers.leftAt), eq(onDemandMembers.role, 'member')));
  return rows.map((r) => r.userId);
}

export async function insertOnDemandRoom(db: DbOrTx, values: typeof onDemandRooms.$inferInsert): Promise<OnDemandRoomRow> {
  const [row] = await db.insert(onDemandRooms).values(values).returning();
  return row!;
}

export async function upsertOnDemandMember(db: DbOrTx, values: typeof onDemandMembers.$inferInsert): Promise<void> {
  await db
    .insert(onDemandMembers)
    .values(values)
    .onConflictDoUpdate({ target: [onDemandMembers.onDemandRoomId, onDemandMembers.userId], set: { leftAt: null, level: values.level, role: values.role, updatedAt: values.updatedAt ?? new Date() } });
}

export async function findOnDemandRoomByChatRoom(db: DbOrTx, roomId: string): Promise<OnDemandRoomRow | null> {
  const [row] = await db.select().from(onDemandRooms).where(eq(onDemandRooms.roomId, roomId));
  return row ?? null;
}

export async function findOnDemandRoom(db: DbOrTx, id: string): Promise<OnDemandRoomRow | null> {
  const [row] = await db.select().from(onDemandRooms).where(eq(onDemandRooms.id, id));
  return row ?? null;
}

export async function findPresence(db: DbOrTx, onDemandRoomId: string, userId: string): Promise<OnDemandMemberRow | null> {
  const [row] = await db
    .select()
    .from(onDemandMembers)
    .where(and(eq(onDemandMembers.onDemandRoomId, onDemandRoomId), eq(onDemandMembers.userId, userId), isNull(onDemandMembers.leftAt)));
  return row ?? null;
}

/** The open room a person is currently in (as member or host), if any. */
export async function findCurrentRoomOf(db: DbOrTx, userId: string): Promise<(OnDemandMemberRow & { room: OnDemandRoomRow }) | null> {
  const [row] = await db
    .select({ m: onDemandMembers, room: onDemandRooms })
    .from(onDemandMembers)
    .innerJoin(onDemandRooms, eq(onDemandRooms.id, onDemandMembers.onDemandRoomId))
    .where(and(eq(onDemandMembers.userId, userId), isNull(onDemandMembers.leftAt), eq(onDemandRooms.status, 'open'), eq(onDemandMembers.role, 'member')));
  return row ? { ...row.m, room: row.room } : null;
}

export async function markLeft(db: DbOrTx, onDemandRoomId: string, userId: string, at: Date): Promise<void> {
  await db.update(onDemandMembers).set({ leftAt: at }).where(and(eq(onDemandMembers.onDemandRoomId, onDemandRoomId), eq(onDemandMembers.userId, userId), isNull(onDemandMembers.leftAt)));
}

export async function closeOnDemandRoom(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(onDemandRooms).set({ status: 'closed', closedAt: at }).where(eq(onDemandRooms.id, id));
}

/** Locks one on-demand room row (closing and idling race with joins). */
export async function lockOnDemandRoom(db: DbOrTx, id: string): Promise<OnDemandRoomRow | null> {
  const [row] = await db.select().from(onDemandRooms).where(eq(onDemandRooms.id, id)).for('update');
  return row ?? null;
}

/** Everyone still in a room (members and host), for closing it and telling them. */
export async function listPresentUserIds(db: DbOrTx, onDemandRoomId: string): Promise<string[]> {
  const rows = await db.select({ userId: onDemandMembers.userId }).from(onDemandMembers).where(and(eq(onDemandMembers.onDemandRoomId, onDemandRoomId), isNull(onDemandMembers.leftAt)));
  return rows.map((r) => r.userId);
}

/** Marks everyone still in a room as gone (the room closed). */
export async function markAllLeft(db: DbOrTx, onDemandRoomId: string, at: Date): Promise<void> {
  await db.update(onDemandMembers).set({ leftAt: at }).where(and(eq(onDemandMembers.onDemandRoomId, onDemandRoomId), isNull(onDemandMembers.leftAt)));
}

/** The latest time someone joined a room (or rejoined it). */
export async function findLastJoinAt(db: DbOrTx, onDemandRoomId: string): Promise<Date | null> {
  const [row] = await db.select({ at: sql<string | null>`max(greatest(${onDemandMembers.createdAt}, ${onDemandMembers.updatedAt}))` }).from(onDemandMembers).where(eq(onDemandMembers.onDemandRoomId, onDemandRoomId));
  return row?.at ? new Date(row.at) : null;
}

/** Peer supporters and moderators who could host, with how many open rooms each already hosts (least busy first). */
export async function listHostCandidates(db: DbOrTx, orgId: string) {
  // Joined rather than correlated: a correlated subquery here would compare against its own table's "id".
  const hosting = db
    .select({ hostId: onDemandRooms.hostId, n: sql<number>`count(*)::int`.as('n') })
    .from(onDemandRooms)
    .where(eq(onDemandRooms.status, 'open'))
    .groupBy(onDemandRooms.hostId)
    .as('hosting');
  return db
    .select({
      id: users.id,
      role: users.role,
      languages: users.languages,
      timezone: users.timezone,
      hosting: sql<number>`coalesce(${hosting.n}, 0)`,
      accepting: sql<boolean>`coalesce(${supporterProfiles.acceptingRequests}, true)`,
      availability: sql<{ weekday: number; start: string; end: string }[]>`coalesce(${supporterProfiles.availability}, '[]'::jsonb)`,
    })
    .from(users)
    .leftJoin(supporterProfiles, eq(supporterProfiles.userId, users.id))
    .leftJoin(hosting, eq(hosting.hostId, users.id))
    .where(and(eq(users.orgId, orgId), or(eq(users.role, 'peer_supporter'), eq(users.role, 'moderator'))));
}

// ---- personal data ----

export async function listOnDemandMembershipsOf(db: DbOrTx, userId: string) {
  return db
    .select({ topic: onDemandRooms.topic, role: onDemandMembers.role, joinedAt: onDemandMembers.createdAt, leftAt: onDemandMembers.leftAt })
    .from(onDemandMembers)
    .innerJoin(onDemandRooms, eq(onDemandRooms.id, onDemandMembers.onDemandRoomId))
    .where(eq(onDemandMembers.userId, userId));
}

export async function deletePersonalRows(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(onDemandMembers).where(eq(onDemandMembers.userId, userId));
  await db.update(onDemandRooms).set({ hostId: null }).where(eq(onDemandRooms.hostId, userId));
  await db.delete(supportRequests).where(eq(supportRequests.memberId, userId));
  await db.update(supportRequests).set({ acceptedBy: null }).where(eq(supportRequests.acceptedBy, userId));
  await db.delete(supporterProfiles).where(eq(supporterProfiles.userId, userId));
}
