import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import {
  moderationActions, moderationAppeals, moderationFlags, moderationItems, moderationNotes, moderationNotices, users,
} from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type ItemRow = typeof moderationItems.$inferSelect;
export type FlagRow = typeof moderationFlags.$inferSelect;
export type ActionRow = typeof moderationActions.$inferSelect;
export type AppealRow = typeof moderationAppeals.$inferSelect;
export type NoticeRow = typeof moderationNotices.$inferSelect;
export type TargetKind = ItemRow['targetKind'];

export async function findItem(db: DbOrTx, id: string): Promise<ItemRow | null> {
  const [row] = await db.select().from(moderationItems).where(eq(moderationItems.id, id));
  return row ?? null;
}

export async function findItemByTarget(db: DbOrTx, kind: TargetKind, targetId: string): Promise<ItemRow | null> {
  const [row] = await db.select().from(moderationItems).where(and(eq(moderationItems.targetKind, kind), eq(moderationItems.targetId, targetId)));
  return row ?? null;
}

/** The item for this content, created if absent, locked for the caller's transaction. */
export async function lockOrCreateItem(db: DbOrTx, values: typeof moderationItems.$inferInsert): Promise<ItemRow> {
  await db.insert(moderationItems).values(values).onConflictDoNothing({ target: [moderationItems.targetKind, moderationItems.targetId] });
  const [row] = await db
    .select()
    .from(moderationItems)
    .where(and(eq(moderationItems.targetKind, values.targetKind), eq(moderationItems.targetId, values.targetId)))
    .for('update');
  return row!;
}

export async function updateItem(db: DbOrTx, id: string, values: Partial<typeof moderationItems.$inferInsert>): Promise<void> {
  await db.update(moderationItems).set(values).where(eq(moderationItems.id, id));
}

/** Open items of an organization: highest summed score first, then the longest waiting (uses moderation_items_queue_idx). */
export async function listQueue(db: DbOrTx, orgId: string, limit: number) {
  return db
    .select({ item: moderationItems, authorName: users.displayName, flagCount: sql<number>`(select count(*)::int from moderation_flags f where f.item_id = ${moderationItems.id} and f.outcome = 'pending')` })
    .from(moderationItems)
    .leftJoin(users, eq(users.id, moderationItems.authorId))
    .where(and(eq(moderationItems.orgId, orgId), eq(moderationItems.status, 'open')))
    .orderBy(desc(moderationItems.score), asc(moderationItems.queuedAt))
    .limit(limit);
}

export async function countOpenItems(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(moderationItems).where(and(eq(moderationItems.orgId, orgId), eq(moderationItems.status, 'open')));
  return row?.n ?? 0;
}

/** Inserts a flag, or returns null when this person already flagged this content for this reason. */
export async function insertFlag(db: DbOrTx, values: typeof moderationFlags.$inferInsert): Promise<FlagRow | null> {
  const [row] = await db.insert(moderationFlags).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateFlag(db: DbOrTx, id: string, values: Partial<typeof moderationFlags.$inferInsert>): Promise<void> {
  await db.update(moderationFlags).set(values).where(eq(moderationFlags.id, id));
}

export async function listItemFlags(db: DbOrTx, itemId: string) {
  return db
    .select({ flag: moderationFlags, reporterName: users.displayName })
    .from(moderationFlags)
    .leftJoin(users, eq(users.id, moderationFlags.reporterId))
    .where(eq(moderationFlags.itemId, itemId))
    .orderBy(asc(moderationFlags.createdAt));
}

/** Upheld and dismissed among a reporter's last 100 decided flags (their accuracy). */
export async function reporterRecord(db: DbOrTx, reporterId: string): Promise<{ upheld: number; dismissed: number }> {
  const recent = db
    .select({ outcome: moderationFlags.outcome })
    .from(moderationFlags)
    .where(and(eq(moderationFlags.reporterId, reporterId), inArray(moderationFlags.outcome, ['upheld', 'dismissed'])))
    .orderBy(desc(moderationFlags.decidedAt))
    .limit(100)
    .as('recent');
  const [row] = await db
    .select({ upheld: sql<number>`count(*) filter (where ${recent.outcome} = 'upheld')::int`, dismissed: sql<number>`count(*) filter (where ${recent.outcome} = 'dismissed')::int` })
    .from(recent);
  return { upheld: row?.upheld ?? 0, dismissed: row?.dismissed ?? 0 };
}

/** Decides every pending flag on an item; returns the reporters to tell. */
export async function decidePendingFlags(db: DbOrTx, itemId: string, outcome: 'upheld' | 'dismissed', at: Date): Promise<{ id: string; reporterId: string | null }[]> {
  return db
    .update(moderationFlags)
    .set({ outcome, decidedAt: at })
    .where(and(eq(moderationFlags.itemId, itemId), eq(moderationFlags.outcome, 'pending')))
    .returning({ id: moderationFlags.id, reporterId: moderationFlags.reporterId });
}

export async function insertAction(db: DbOrTx, values: typeof moderationActions.$inferInsert): Promise<ActionRow> {
  const [row] = await db.insert(moderationActions).values(values).returning();
  return row!;
}

/** A reversed decision stops counting against the person. */
export async function clearStrike(db: DbOrTx, actionId: string): Promise<void> {
  await db.update(moderationActions).set({ strike: false }).where(eq(moderationActions.id, actionId));
}

export async function findAction(db: DbOrTx, id: string): Promise<ActionRow | null> {
  const [row] = await db.select().from(moderationActions).where(eq(moderationActions.id, id));
  return row ?? null;
}

/** Decisions about a person, newest first: their history and strikes, as moderators see it. */
export async function listSubjectActions(db: DbOrTx, subjectId: string, limit = 50): Promise<ActionRow[]> {
  return db.select().from(moderationActions).where(eq(moderationActions.subjectId, subjectId)).orderBy(desc(moderationActions.createdAt)).limit(limit);
}

/** Items about a person's content, newest first. */
export async function listAuthorItems(db: DbOrTx, authorId: string, limit = 20): Promise<ItemRow[]> {
  return db.select().from(moderationItems).where(eq(moderationItems.authorId, authorId)).orderBy(desc(moderationItems.createdAt)).limit(limit);
}

const moderatorUser = users;

/** The full modlog of an organization, newest first, a page at a time (uses moderation_actions_org_idx). */
export async function listModlog(db: DbOrTx, orgId: string, page: { before?: Date; limit: number }) {
  return db
    .select({ action: moderationActions, moderatorName: moderatorUser.displayName })
    .from(moderationActions)
    .leftJoin(moderatorUser, eq(moderatorUser.id, moderationActions.moderatorId))
    .where(and(eq(moderationActions.orgId, orgId), page.before ? lt(moderationActions.createdAt, page.before) : undefined))
    .orderBy(desc(moderationActions.createdAt))
    .limit(page.limit);
}

/** The names of people, for the moderator's view. */
export async function findNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Actions taken in one group (or the organization's public spaces when `groupId` is null), for the public summary. */
export async function listPublicActions(db: DbOrTx, orgId: string, groupId: string | null, since: Date) {
  return db
    .select({ action: moderationActions.action, reason: moderationActions.reason, template: moderationActions.template, createdAt: moderationActions.createdAt })
    .from(moderationActions)
    .where(and(
      eq(moderationActions.orgId, orgId),
      groupId ? eq(moderationActions.groupId, groupId) : isNull(moderationActions.groupId),
      isNotNull(moderationActions.moderatorId),
      gte(moderationActions.createdAt, since),
    ))
    .orderBy(desc(moderationActions.createdAt))
    .limit(200);
}

export async function insertAppeal(db: DbOrTx, values: typeof moderationAppeals.$inferInsert): Promise<AppealRow | null> {
  const [row] = await db.insert(moderationAppeals).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findAppeal(db: DbOrTx, id: string): Promise<AppealRow | null> {
  const [row] = await db.select().from(moderationAppeals).where(eq(moderationAppeals.id, id));
  return row ?? null;
}

export async function findAppealByAction(db: DbOrTx, actionId: string): Promise<AppealRow | null> {
  const [row] = await db.select().from(moderationAppeals).where(eq(moderationAppeals.actionId, actionId));
  return row ?? null;
}

export async function listAppeals(db: DbOrTx, orgId: string, status: AppealRow['status']) {
  return db
    .select({ appeal: moderationAppeals, action: moderationActions })
    .from(moderationAppeals)
    .innerJoin(moderationActions, eq(moderationActions.id, moderationAppeals.actionId))
    .where(and(eq(moderationAppeals.orgId, orgId), eq(moderationAppeals.status, status)))
    .orderBy(asc(moderationAppeals.createdAt))
    .limit(100);
}

/** Decides a pending appeal; false when someone else decided it first. */
export async function decideAppeal(db: DbOrTx, id: string, values: { status: 'granted' | 'denied'; decidedBy: string; decidedAt: Date; decisionNote: string }): Promise<boolean> {
  const rows = await db.update(moderationAppeals).set(values).where(and(eq(moderationAppeals.id, id), eq(moderationAppeals.status, 'pending'))).returning({ id: moderationAppeals.id });
  return rows.length > 0;
}

export async function insertNotice(db: DbOrTx, values: typeof moderationNotices.$inferInsert): Promise<NoticeRow> {
  const [row] = await db.insert(moderationNotices).values(values).returning();
  return row!;
}

export async function listNotices(db: DbOrTx, userId: string, limit = 50): Promise<NoticeRow[]> {
  return db.select().from(moderationNotices).where(eq(moderationNotices.userId, userId)).orderBy(desc(moderationNotices.createdAt)).limit(limit);
}

export async function markNoticesRead(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db.update(moderationNotices).set({ readAt: at }).where(and(eq(moderationNotices.userId, userId), isNull(moderationNotices.readAt)));
}

export async function insertNote(db: DbOrTx, values: typeof moderationNotes.$inferInsert) {
  const [row] = await db.insert(moderationNotes).values(values).returning();
  return row!;
}

export async function listNotes(db: DbOrTx, subjectId: string) {
  return db
    .select({ note: moderationNotes, authorName: users.displayName })
    .from(moderationNotes)
    .leftJoin(users, eq(users.id, moderationNotes.authorId))
    .where(eq(moderationNotes.subjectId, subjectId))
    .orderBy(desc(moderationNotes.createdAt))
    .limit(50);
}

/** Seconds from each item's first member flag to the first moderator decision on it, for items flagged since `since`. */
export async function listFlagToActionSeconds(db: DbOrTx, orgId: string, since: Date): Promise<number[]> {
  const rows = await db.execute<{ seconds: number }>(sql`
    select extract(epoch from (a.first_action - f.first_flag))::float8 as seconds
    from (select item_id, min(created_at) as first_flag from moderation_flags
          where org_id = ${orgId} and item_id is not null and created_at >= ${since.toISOString()}::timestamptz group by item_id) f
    join lateral (select min(created_at) as first_action from moderation_actions
          where item_id = f.item_id and moderator_id is not null and created_at >= f.first_flag
            and action in ('dismiss','hide','ask_edit','warn','mute','suspend','ban','approve','restore')) a on a.first_action is not null`);
  return rows.rows.map((r) => Number(r.seconds));
}

export async function countFlagOutcomes(db: DbOrTx, orgId: string, since: Date) {
  const [row] = await db
    .select({
      upheld: sql<number>`count(*) filter (where ${moderationFlags.outcome} = 'upheld')::int`,
      dismissed: sql<number>`count(*) filter (where ${moderationFlags.outcome} = 'dismissed')::int`,
      pending: sql<number>`count(*) filter (where ${moderationFlags.outcome} = 'pending')::int`,
      worry: sql<number>`count(*) filter (where ${moderationFlags.outcome} = 'sent_to_safety')::int`,
    })
    .from(moderationFlags)
    .where(and(eq(moderationFlags.orgId, orgId), gte(moderationFlags.createdAt, since)));
  return row ?? { upheld: 0, dismissed: 0, pending: 0, worry: 0 };
}

export async function countAppeals(db: DbOrTx, orgId: string, since: Date) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${moderationAppeals.status} = 'pending')::int`,
      granted: sql<number>`count(*) filter (where ${moderationAppeals.status} = 'granted')::int`,
      denied: sql<number>`count(*) filter (where ${moderationAppeals.status} = 'denied')::int`,
    })
    .from(moderationAppeals)
    .where(and(eq(moderationAppeals.orgId, orgId), gte(moderationAppeals.createdAt, since)));
  return row ?? { pending: 0, granted: 0, denied: 0 };
}

// Personal data: what a person made, and de-identifying what the modlog must keep.
export async function listFlagsBy(db: DbOrTx, reporterId: string) {
  return db.select().from(moderationFlags).where(eq(moderationFlags.reporterId, reporterId)).orderBy(asc(moderationFlags.createdAt));
}
export async function listAppealsBy(db: DbOrTx, appellantId: string) {
  return db.select().from(moderationAppeals).where(eq(moderationAppeals.appellantId, appellantId));
}
export async function deidentifyPerson(db: DbOrTx, userId: string): Promise<void> {
  await db.update(moderationFlags).set({ reporterId: null, noteCiphertext: null }).where(eq(moderationFlags.reporterId, userId));
  await db.update(moderationAppeals).set({ appellantId: null, statementCiphertext: '' }).where(eq(moderationAppeals.appellantId, userId));
  await db.update(moderationActions).set({ subjectId: null }).where(eq(moderationActions.subjectId, userId));
  await db.update(moderationActions).set({ moderatorId: null }).where(eq(moderationActions.moderatorId, userId));
  await db.update(moderationItems).set({ authorId: null }).where(eq(moderationItems.authorId, userId));
  await db.delete(moderationNotes).where(eq(moderationNotes.subjectId, userId));
  await db.delete(moderationNotices).where(eq(moderationNotices.userId, userId));
}
