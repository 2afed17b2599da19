import { and, asc, desc, eq, gt, gte, sql } from 'drizzle-orm';
import { rewardMilestones, thankYouCards, users } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type MilestoneRow = typeof rewardMilestones.$inferSelect;
export type CardRow = typeof thankYouCards.$inferSelect;

export async function listMilestones(db: DbOrTx, userId: string): Promise<MilestoneRow[]> {
  return db.select().from(rewardMilestones).where(eq(rewardMilestones.userId, userId));
}

/** Stores a milestone once; null when it was already there (so it is announced once). */
export async function insertMilestoneOnce(db: DbOrTx, userId: string, ruleId: string, awardedAt: Date): Promise<MilestoneRow | null> {
  const [row] = await db.insert(rewardMilestones).values({ userId, ruleId, awardedAt }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function listReceivedCards(db: DbOrTx, userId: string) {
  return db
    .select({ card: thankYouCards, fromName: users.displayName })
    .from(thankYouCards)
    .leftJoin(users, eq(users.id, thankYouCards.senderId))
    .where(eq(thankYouCards.recipientId, userId))
    .orderBy(desc(thankYouCards.createdAt))
    .limit(100);
}

export async function listSentCards(db: DbOrTx, userId: string) {
  return db.select().from(thankYouCards).where(eq(thankYouCards.senderId, userId)).orderBy(desc(thankYouCards.createdAt)).limit(100);
}

/** Cards received count towards a milestone but not towards the rhythm, which is about the person's own activity. */
export async function countReceivedCards(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(thankYouCards).where(eq(thankYouCards.recipientId, userId));
  return row?.n ?? 0;
}

export async function countSentSince(db: DbOrTx, senderId: string, since: Date, recipientId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(thankYouCards)
    .where(and(eq(thankYouCards.senderId, senderId), gte(thankYouCards.createdAt, since), ...(recipientId ? [eq(thankYouCards.recipientId, recipientId)] : [])));
  return row?.n ?? 0;
}

/** Serializes one sender's card sends, so two quick clicks cannot both pass the rate limit. */
export async function lockSender(db: DbOrTx, senderId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('hearth.cards'), hashtext(${senderId}))`);
}

export async function insertCard(db: DbOrTx, values: typeof thankYouCards.$inferInsert): Promise<CardRow> {
  const [row] = await db.insert(thankYouCards).values(values).returning();
  return row!;
}

export async function findUserOrg(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ orgId: users.orgId }).from(users).where(eq(users.id, userId));
  return row?.orgId ?? null;
}

export async function deleteMilestones(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(rewardMilestones).where(eq(rewardMilestones.userId, userId));
}

/** Cards the person received go; cards they sent stay with their recipients, without the sender. */
export async function eraseCards(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(thankYouCards).where(eq(thankYouCards.recipientId, userId));
  await db.update(thankYouCards).set({ senderId: null }).where(eq(thankYouCards.senderId, userId));
}

export async function findUserTimezone(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ timezone: users.timezone }).from(users).where(eq(users.id, userId));
  return row?.timezone ?? null;
}

/** One page of people for the daily sweep, in id order after `afterId`. */
export async function listPeoplePage(db: DbOrTx, afterId: string | null, limit: number): Promise<Array<{ id: string; timezone: string }>> {
  return db
    .select({ id: users.id, timezone: users.timezone })
    .from(users)
    .where(afterId ? gt(users.id, afterId) : undefined)
    .orderBy(asc(users.id))
    .limit(limit);
}
