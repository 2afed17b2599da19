import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { intakeConversations, intakeMessages, intakeProfiles } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type ProfileRow = typeof intakeProfiles.$inferSelect;
export type ConversationRow = typeof intakeConversations.$inferSelect;
export type MessageRow = typeof intakeMessages.$inferSelect;

export async function findProfile(db: DbOrTx, userId: string): Promise<ProfileRow | null> {
  const [row] = await db.select().from(intakeProfiles).where(eq(intakeProfiles.userId, userId));
  return row ?? null;
}

export async function upsertProfile(db: DbOrTx, values: typeof intakeProfiles.$inferInsert): Promise<ProfileRow> {
  const [row] = await db
    .insert(intakeProfiles)
    .values(values)
    .onConflictDoUpdate({ target: intakeProfiles.userId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function deleteProfile(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db.delete(intakeProfiles).where(eq(intakeProfiles.userId, userId)).returning({ id: intakeProfiles.id });
  return rows.length > 0;
}

export async function insertConversation(db: DbOrTx, values: typeof intakeConversations.$inferInsert): Promise<ConversationRow> {
  const [row] = await db.insert(intakeConversations).values(values).returning();
  return row!;
}

export async function findConversation(db: DbOrTx, id: string): Promise<ConversationRow | null> {
  const [row] = await db.select().from(intakeConversations).where(eq(intakeConversations.id, id));
  return row ?? null;
}

export async function lockConversation(db: DbOrTx, id: string): Promise<ConversationRow | null> {
  const [row] = await db.select().from(intakeConversations).where(eq(intakeConversations.id, id)).for('update');
  return row ?? null;
}

export async function updateConversation(db: DbOrTx, id: string, values: Partial<typeof intakeConversations.$inferInsert>): Promise<void> {
  await db.update(intakeConversations).set(values).where(eq(intakeConversations.id, id));
}

export async function deleteConversation(db: DbOrTx, id: string): Promise<void> {
  await db.delete(intakeConversations).where(eq(intakeConversations.id, id));
}

export async function listConversationsOf(db: DbOrTx, userId: string): Promise<ConversationRow[]> {
  return db.select().from(intakeConversations).where(eq(intakeConversations.userId, userId)).orderBy(desc(intakeConversations.createdAt));
}

/** Appends lines, taking the next seqs from the conversation's counter (the row is locked by the caller). */
export async function appendMessages(db: DbOrTx, conversationId: string, lines: Array<Omit<typeof intakeMessages.$inferInsert, 'conversationId' | 'seq'>>): Promise<MessageRow[]> {
  if (lines.length === 0) return [];
  const [conv] = await db
    .update(intakeConversations)
    .set({ lastSeq: sql`${intakeConversations.lastSeq} + ${lines.length}` })
    .where(eq(intakeConversations.id, conversationId))
    .returning({ lastSeq: intakeConversations.lastSeq });
  const first = conv!.lastSeq - lines.length + 1;
  return db
    .insert(intakeMessages)
    .values(lines.map((l, i) => ({ ...l, conversationId, seq: first + i })))
    .returning();
}

export async function listMessages(db: DbOrTx, conversationId: string): Promise<MessageRow[]> {
  return db.select().from(intakeMessages).where(eq(intakeMessages.conversationId, conversationId)).orderBy(asc(intakeMessages.seq));
}

export async function listPersonMessages(db: DbOrTx, conversationId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(intakeMessages)
    .where(and(eq(intakeMessages.conversationId, conversationId), eq(intakeMessages.author, 'person')))
    .orderBy(asc(intakeMessages.seq));
}

export async function deleteAllOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(intakeConversations).where(eq(intakeConversations.userId, userId));
  await db.delete(intakeProfiles).where(eq(intakeProfiles.userId, userId));
}
