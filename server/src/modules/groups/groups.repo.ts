import { and, arrayContains, asc, count, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { groupMembers, groups, users } from '../../db/schema/index.ts';
import type { Db, DbOrTx } from '../../platform/db/index.ts';

export type GroupRow = typeof groups.$inferSelect;
export type NewGroup = typeof groups.$inferInsert;
export type GroupMemberRow = typeof groupMembers.$inferSelect;
export type MemberStatusName = GroupMemberRow['status'];

export async function findGroup(db: DbOrTx, id: string): Promise<GroupRow | null> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id));
  return row ?? null;
}

/**
 * The group and membership reads every chat message makes, built once per database handle and run as named prepared
 * statements: no SQL building per call (drizzle's cost, ~0.1 ms of CPU for the wide `groups` row) and no parsing in
 * PostgreSQL after a connection's first use. Outside a transaction only.
 */
export function prepareHotReads(db: Db) {
  const group = db.select().from(groups).where(eq(groups.id, sql.placeholder('id'))).prepare('groups_find_group');
  const membership = db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, sql.placeholder('groupId')), eq(groupMembers.userId, sql.placeholder('userId'))))
    .prepare('groups_find_membership');
  return {
    findGroup: async (id: string): Promise<GroupRow | null> => (await group.execute({ id }))[0] ?? null,
    findMembership: async (groupId: string, userId: string): Promise<GroupMemberRow | null> => (await membership.execute({ groupId, userId }))[0] ?? null,
  };
}

/**
 * Many (group, person) pairs' group rows and memberships in one statement, for the websocket re-check. Keyed
 * `groupId:userId`; a missing group has no entry, a person without a membership row has `membership: null`.
 */
export async function listGroupsWithMemberships(db: DbOrTx, pairs: Array<{ groupId: string; userId: string }>) {
  const found = new Map<string, { group: GroupRow; membership: GroupMemberRow | null }>();
  if (pairs.length === 0) return found;
  const groupIds = [...new Set(pairs.map((p) => p.groupId))];
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  const rows = await db
    .select({ group: groups, membership: groupMembers })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), inArray(groupMembers.userId, userIds)))
    .where(inArray(groups.id, groupIds));
  const byGroup = new Map(rows.map((r) => [r.group.id, r.group]));
  const memberships = new Map(rows.flatMap((r) => (r.membership ? [[`${r.group.id}:${r.membership.userId}`, r.membership] as const] : [])));
  for (const p of pairs) {
    const group = byGroup.get(p.groupId);
    if (group) found.set(`${p.groupId}:${p.userId}`, { group, membership: memberships.get(`${p.groupId}:${p.userId}`) ?? null });
  }
  return found;
}

/** Reads the group and locks its row until the transaction ends, so capacity checks cannot race. */
export async function lockGroup(db: DbOrTx, id: string): Promise<GroupRow | null> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id)).for('update');
  return row ?? null;
}

export async function findMembership(db: DbOrTx, groupId: string, userId: string): Promise<GroupMemberRow | null> {
  const [row] = await db.select().from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  return row ?? null;
}

export async function insertGroup(db: DbOrTx, values: NewGroup): Promise<GroupRow> {
  const [row] = await db.insert(groups).values(values).returning();
  return row!;
}

export async function updateGroup(db: DbOrTx, id: string, values: Partial<NewGroup>): Promise<GroupRow> {
  const [row] = await db.update(groups).set(values).where(eq(groups.id, id)).returning();
  return row!;
}

/** Creates or replaces a person's membership row (one row per person and group). */
export async function upsertMembership(db: DbOrTx, values: typeof groupMembers.$inferInsert): Promise<GroupMemberRow> {
  const { groupId: _g, userId: _u, ...set } = values;
  const [row] = await db
    .insert(groupMembers)
    .values(values)
    .onConflictDoUpdate({ target: [groupMembers.groupId, groupMembers.userId], set: { ...set, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function countActiveMembers(db: DbOrTx, groupId: string, role?: GroupMemberRow['role']): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'active'), role ? eq(groupMembers.role, role) : undefined));
  return row?.n ?? 0;
}

export async function countRequests(db: DbOrTx, groupId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'requested')));
  return row?.n ?? 0;
}

export async function findUserOrg(db: DbOrTx, userId: string): Promise<{ id: string; orgId: string } | null> {
  const [row] = await db.select({ id: users.id, orgId: users.orgId }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

function selectMembers(db: DbOrTx) {
  return db
    .select({
      userId: groupMembers.userId,
      displayName: users.displayName,
      pronouns: users.pronouns,
      role: groupMembers.role,
      status: groupMembers.status,
      joinedAt: groupMembers.joinedAt,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId));
}

export type MemberWithProfile = Awaited<ReturnType<typeof selectMembers>>[number];

export async function listMembers(db: DbOrTx, groupId: string, statuses: MemberStatusName[]): Promise<MemberWithProfile[]> {
  return selectMembers(db)
    .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.status, statuses)))
    .orderBy(sql`case ${groupMembers.role} when 'facilitator' then 0 when 'co_facilitator' then 1 else 2 end`, asc(users.displayName));
}

export async function findMember(db: DbOrTx, groupId: string, userId: string): Promise<MemberWithProfile | null> {
  const [row] = await selectMembers(db).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  return row ?? null;
}

/** Ids of the groups a person actively belongs to. */
export async function listActiveGroupIds(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: groupMembers.groupId })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.status, 'active'), isNull(groups.archivedAt)));
  return rows.map((r) => r.id);
}

export type GroupFilters = {
  orgId: string;
  topic?: string;
  community?: string;
  format?: GroupRow['format'];
  language?: string;
  q?: string;
  lat?: number;
  lng?: number;
  radiusKm?: number;
  limit: number;
  offset: number;
};

type StatsOptions = { viewerId: string; lat?: number; lng?: number };

/** Great-circle (haversine) distance in km from a point to the group's venue; null for groups without one. */
function distanceExpr(lat: number, lng: number): SQL<number | null> {
  return sql<number | null>`case when ${groups.format} <> 'online' and ${groups.venueLat} is not null then
    6371 * 2 * asin(sqrt(power(sin(radians(${groups.venueLat} - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(${groups.venueLat})) * power(sin(radians(${groups.venueLng} - ${lng}::float8) / 2), 2)))
    end`;
}

/** Groups with their member count and the viewer's membership (the next session comes from the sessions module). */
function selectWithStats(db: DbOrTx, opts: StatsOptions) {
  const distance = opts.lat !== undefined && opts.lng !== undefined ? distanceExpr(opts.lat, opts.lng) : sql<number | null>`null::float8`;
  return db
    .select({
      group: groups,
      memberCount: sql<number>`(select count(*)::int from ${groupMembers} gm where gm.group_id = ${groups.id} and gm.status = 'active')`,
      membership: { role: groupMembers.role, status: groupMembers.status },
      distanceKm: distance,
    })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, opts.viewerId)));
}

export type GroupWithStats = Awaited<ReturnType<typeof selectWithStats>>[number];

/** Discovery: open and request-to-join groups of the organization that match the filters. */
export async function listDiscoverableGroups(db: DbOrTx, f: GroupFilters, opts: StatsOptions): Promise<GroupWithStats[]> {
  const distance = f.lat !== undefined && f.lng !== undefined ? distanceExpr(f.lat, f.lng) : null;
  const where = and(
    eq(groups.orgId, f.orgId),
    isNull(groups.archivedAt),
    ne(groups.visibility, 'invite'),
    f.topic ? arrayContains(groups.topics, [f.topic]) : undefined,
    f.community ? arrayContains(groups.communities, [f.community]) : undefined,
    f.format ? eq(groups.format, f.format) : undefined,
    f.language ? eq(groups.language, f.language) : undefined,
    f.q ? or(ilike(groups.name, `%${escapeLike(f.q)}%`), ilike(groups.description, `%${escapeLike(f.q)}%`)) : undefined,
    distance && f.radiusKm !== undefined ? sql`${distance} <= ${f.radiusKm}::float8` : undefined,
  );
  return selectWithStats(db, { ...opts, lat: f.lat, lng: f.lng })
    .where(where)
    .orderBy(...(distance ? [sql`${distance} asc nulls last`] : []), asc(groups.name), asc(groups.id))
    .limit(f.limit)
    .offset(f.offset);
}

export async function findGroupWithStats(db: DbOrTx, id: string, opts: StatsOptions): Promise<GroupWithStats | null> {
  const [row] = await selectWithStats(db, opts).where(eq(groups.id, id));
  return row ?? null;
}

/** The groups a person belongs to, has asked to join or is invited to (not archived). */
export async function listMyGroups(db: DbOrTx, opts: StatsOptions): Promise<GroupWithStats[]> {
  return selectWithStats(db, opts)
    .where(and(isNull(groups.archivedAt), inArray(groupMembers.status, ['active', 'requested', 'invited'])))
    .orderBy(asc(groups.name), asc(groups.id));
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ── Facts other modules read through the groups module's port (analytics, outcomes) ─
export async function listOrgGroups(db: DbOrTx, orgId: string) {
  return db.select({ id: groups.id, name: groups.name, archivedAt: groups.archivedAt }).from(groups).where(eq(groups.orgId, orgId)).orderBy(asc(groups.name));
}

export async function listLedGroupIds(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.status, 'active'), inArray(groupMembers.role, ['facilitator', 'co_facilitator'])));
  return rows.map((r) => r.groupId);
}

export async function listMemberJoins(db: DbOrTx, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  const rows = await db
    .select({ groupId: groupMembers.groupId, userId: groupMembers.userId, status: groupMembers.status, joinedAt: groupMembers.joinedAt })
    .from(groupMembers)
    .where(and(inArray(groupMembers.groupId, groupIds), inArray(groupMembers.status, ['active', 'left']), eq(groupMembers.role, 'member'), sql`${groupMembers.joinedAt} is not null`));
  return rows.map((r) => ({ ...r, joinedAt: r.joinedAt! }));
}

export async function findMembershipFacts(db: DbOrTx, groupId: string, userId: string) {
  const [row] = await db
    .select({ orgId: groups.orgId, status: groupMembers.status })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, userId)))
    .where(eq(groups.id, groupId));
  return row ?? null;
}
