import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { directConversations, messages, rooms, users } from '../../db/schema/index.ts';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../platform/db/index.ts';

export type RoomRow = typeof rooms.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type ConversationRow = typeof directConversations.$inferSelect;
export type UserRow = typeof users.$inferSelect;
/** A message with its author's display name (null when the author's account is gone). */
export type MessageWithAuthor = MessageRow & { authorName: string | null };

export async function findRoom(db: DbOrTx, id: string): Promise<RoomRow | null> {
  const [row] = await db.select().from(rooms).where(eq(rooms.id, id));
  return row ?? null;
}

/**
 * Creates a group's or a session's room unless it exists, then returns it. group_id and session_id are each unique,
 * so a session's room names only its session (the group is reached through it).
 */
export async function ensureRoom(db: DbOrTx, values: { orgId: string } & ({ kind: 'group'; groupId: string } | { kind: 'session'; sessionId: string })): Promise<RoomRow> {
  const target = values.kind === 'group' ? rooms.groupId : rooms.sessionId;
  const where = values.kind === 'group' ? eq(rooms.groupId, values.groupId) : eq(rooms.sessionId, values.sessionId);
  const [existing] = await db.select().from(rooms).where(where);
  if (existing) return existing;
  await db
    .insert(rooms)
    .values(values.kind === 'group' ? { orgId: values.orgId, kind: 'group', groupId: values.groupId } : { orgId: values.orgId, kind: 'session', sessionId: values.sessionId })
    .onConflictDoNothing({ target });
  const [row] = await db.select().from(rooms).where(where);
  return row!;
}

export async function insertDirectRoom(db: DbOrTx, orgId: string): Promise<RoomRow> {
  const [row] = await db.insert(rooms).values({ orgId, kind: 'direct' }).returning();
  return row!;
}

/** A live small group's room; who may enter is decided by the matching module's membership. */
export async function insertOnDemandRoom(db: DbOrTx, orgId: string): Promise<RoomRow> {
  const [row] = await db.insert(rooms).values({ orgId, kind: 'on_demand' }).returning();
  return row!;
}

/** The newest message's time in a room (uses the room/seq index: one row read). */
export async function findLastMessageAt(db: DbOrTx, roomId: string): Promise<Date | null> {
  const [row] = await db.select({ at: messages.createdAt }).from(messages).where(eq(messages.roomId, roomId)).orderBy(desc(messages.seq)).limit(1);
  return row?.at ?? null;
}

/**
 * Takes the room's next seq and stores the message in one statement (one round trip, no BEGIN/COMMIT). The UPDATE's
 * row lock is held until the statement commits, so seqs stay strictly increasing and gapless; a duplicate client id
 * fails the whole statement and its seq is not used.
 */
export async function insertMessageWithNextSeq(db: DbOrTx, values: { roomId: string; authorId: string; clientId: string; bodyCiphertext: string; hiddenAt: Date | null }): Promise<MessageRow> {
  const id = uuidv7();
  const result = await db.execute<{ seq: string | number; created_at: Date | string; updated_at: Date | string }>(sql`
    with next as (update ${rooms} set last_seq = last_seq + 1, updated_at = now() where id = ${values.roomId} returning last_seq)
    insert into ${messages} (id, room_id, seq, author_id, client_id, body_ciphertext, hidden_at)
    select ${id}, ${values.roomId}, next.last_seq, ${values.authorId}, ${values.clientId}, ${values.bodyCiphertext}, ${values.hiddenAt} from next
    returning seq, created_at, updated_at`);
  const row = result.rows[0];
  if (!row) throw new Error(`room ${values.roomId} does not exist`);
  return {
    id, roomId: values.roomId, seq: Number(row.seq), authorId: values.authorId, clientId: values.clientId, bodyCiphertext: values.bodyCiphertext,
    editedAt: null, deletedAt: null, hiddenAt: values.hiddenAt, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at),
  };
}

const messageColumns = { message: messages, authorName: users.displayName };

function withAuthor(rows: { message: MessageRow; authorName: string | null }[]): MessageWithAuthor[] {
  return rows.map((r) => ({ ...r.message, authorName: r.authorName }));
}

export async function insertMessage(db: DbOrTx, values: typeof messages.$inferInsert): Promise<MessageRow> {
  const [row] = await db.insert(messages).values(values).returning();
  return row!;
}

export async function findMessage(db: DbOrTx, roomId: string, id: string): Promise<MessageWithAuthor | null> {
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.roomId, roomId), eq(messages.id, id)));
  return withAuthor(rows)[0] ?? null;
}

/** The message a person already sent with this client id (a resend after a lost acknowledgement). */
export async function findMessageByClientId(db: DbOrTx, roomId: string, authorId: string, clientId: string): Promise<MessageWithAuthor | null> {
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.roomId, roomId), eq(messages.authorId, authorId), eq(messages.clientId, clientId)));
  return withAuthor(rows)[0] ?? null;
}

export async function updateMessage(db: DbOrTx, id: string, values: Partial<typeof messages.$inferInsert>): Promise<void> {
  await db.update(messages).set(values).where(eq(messages.id, id));
}

/** Up to `limit` messages with seq > after, oldest first (uses messages_room_seq_key). */
export async function listMessagesAfter(db: DbOrTx, roomId: string, after: number, limit: number): Promise<MessageWithAuthor[]> {
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.roomId, roomId), gt(messages.seq, after)))
    .orderBy(asc(messages.seq))
    .limit(limit);
  return withAuthor(rows);
}

/** The newest `limit` messages with seq < before (or the newest overall), returned newest first. */
export async function listMessagesBefore(db: DbOrTx, roomId: string, before: number | undefined, limit: number): Promise<MessageWithAuthor[]> {
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(before === undefined ? eq(messages.roomId, roomId) : and(eq(messages.roomId, roomId), lt(messages.seq, before)))
    .orderBy(desc(messages.seq))
    .limit(limit);
  return withAuthor(rows);
}

export async function findUser(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Peer supporters of an organization, by display name. */
export async function listSupporters(db: DbOrTx, orgId: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'peer_supporter')))
    .orderBy(asc(users.displayName));
}

/** Accepted (open) one-to-one conversations per supporter. */
export async function countOpenConversations(db: DbOrTx, supporterIds: string[]) {
  if (supporterIds.length === 0) return [];
  return db
    .select({ supporterId: directConversations.supporterId, open: sql<number>`count(*)::int` })
    .from(directConversations)
    .where(and(inArray(directConversations.supporterId, supporterIds), eq(directConversations.status, 'accepted')))
    .groupBy(directConversations.supporterId);
}

/** A conversation between them that was accepted (it has a room; it may since have closed). */
export async function hasHeldConversation(db: DbOrTx, supporterId: string, memberId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: directConversations.id })
    .from(directConversations)
    .where(and(eq(directConversations.supporterId, supporterId), eq(directConversations.memberId, memberId), inArray(directConversations.status, ['accepted', 'closed']), sql`${directConversations.roomId} is not null`))
    .limit(1);
  return row !== undefined;
}

const memberUser = alias(users, 'member_user');
const supporterUser = alias(users, 'supporter_user');

/** A conversation with both people's names and pronouns. */
export type ConversationWithPeople = ConversationRow & {
  member: { id: string; displayName: string; pronouns: string | null };
  supporter: { id: string; displayName: string; pronouns: string | null };
};

function selectConversations(db: DbOrTx) {
  return db
    .select({
      conversation: directConversations,
      member: { id: memberUser.id, displayName: memberUser.displayName, pronouns: memberUser.pronouns },
      supporter: { id: supporterUser.id, displayName: supporterUser.displayName, pronouns: supporterUser.pronouns },
    })
    .from(directConversations)
    .innerJoin(memberUser, eq(memberUser.id, directConversations.memberId))
    .innerJoin(supporterUser, eq(supporterUser.id, directConversations.supporterId));
}

function flatten(rows: { conversation: ConversationRow; member: ConversationWithPeople['member']; supporter: ConversationWithPeople['supporter'] }[]) {
  return rows.map((r) => ({ ...r.conversation, member: r.member, supporter: r.supporter }));
}

export async function findConversation(db: DbOrTx, id: string): Promise<ConversationWithPeople | null> {
  return flatten(await selectConversations(db).where(eq(directConversations.id, id)))[0] ?? null;
}

export async function findConversationByRoom(db: DbOrTx, roomId: string): Promise<ConversationWithPeople | null> {
  return flatten(await selectConversations(db).where(eq(directConversations.roomId, roomId)))[0] ?? null;
}

/** Every conversation the person is part of, on either side, newest first. */
export async function listConversations(db: DbOrTx, userId: string): Promise<ConversationWithPeople[]> {
  return flatten(
    await selectConversations(db)
      .where(or(eq(directConversations.memberId, userId), eq(directConversations.supporterId, userId)))
      .orderBy(desc(directConversations.createdAt)),
  );
}

/** A conversation between these two people that is still waiting or under way. */
export async function findOpenConversation(db: DbOrTx, memberId: string, supporterId: string): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(directConversations)
    .where(
      and(
        eq(directConversations.memberId, memberId),
        eq(directConversations.supporterId, supporterId),
        or(eq(directConversations.status, 'pending'), eq(directConversations.status, 'accepted')),
      ),
    );
  return row ?? null;
}

export async function insertConversation(db: DbOrTx, values: typeof directConversations.$inferInsert): Promise<ConversationRow> {
  const [row] = await db.insert(directConversations).values(values).returning();
  return row!;
}

/** Moves a conversation on only if it is still in `from` (so two racing responses cannot both win). */
export async function transitionConversation(
  db: DbOrTx,
  id: string,
  from: ConversationRow['status'][],
  values: Partial<typeof directConversations.$inferInsert>,
): Promise<ConversationRow | null> {
  const [row] = await db
    .update(directConversations)
    .set(values)
    .where(and(eq(directConversations.id, id), or(...from.map((s) => eq(directConversations.status, s)))))
    .returning();
  return row ?? null;
}
