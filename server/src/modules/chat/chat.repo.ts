import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { directConversations, messages, rooms, users } from '../../db/schema/index.ts';
import { uuidv7 } from 'uuidv7';
import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { runPrepared, type PreparedStatement as Prepared } from '../../platform/db/prepared.ts';

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

// The send path's per-batch statements are fixed texts run as named (prepared) statements straight on the pool (see
// platform/db/prepared.ts): no query is built per batch. Everything variable is one jsonb parameter.

/**
 * Group commit: stores many messages (any rooms) in ONE statement. Each room's seq is bumped once by the number of its
 * messages, and they are numbered in the order given, so seqs stay strictly increasing and gapless. The rooms are
 * locked in id order, so two nodes' batches cannot deadlock. A room that does not exist stores nothing (null); any
 * constraint failure (e.g. a duplicate client id) fails the whole statement and no seq is used.
 */
const INSERT_BATCH: Prepared = {
  name: 'chat_insert_messages_v1',
  text: `
    with input as (
      select * from jsonb_to_recordset($1::jsonb)
        as t(id uuid, ord int, room_id uuid, author_id uuid, client_id text, body_ciphertext text, hidden_at timestamptz)
    ),
    counts as (select room_id, count(*)::int as n from input group by room_id),
    locked as (select rooms.id from rooms where rooms.id in (select room_id from counts) order by rooms.id for update),
    bumped as (
      update rooms set last_seq = rooms.last_seq + counts.n, updated_at = now()
      from counts join locked on locked.id = counts.room_id
      where rooms.id = counts.room_id
      returning rooms.id as id, rooms.last_seq - counts.n as base
    )
    insert into messages (id, room_id, seq, author_id, client_id, body_ciphertext, hidden_at)
    select input.id, input.room_id, bumped.base + row_number() over (partition by input.room_id order by input.ord), input.author_id, input.client_id, input.body_ciphertext, input.hidden_at
    from input join bumped on bumped.id = input.room_id
    returning id, seq, created_at, updated_at`,
};

/** Resends: the messages already stored under these (room, author, client id) keys, with their author's name. */
const FIND_RESENT: Prepared = {
  name: 'chat_find_resent_v1',
  text: `
    select m.id, m.room_id as "roomId", m.seq, m.author_id as "authorId", m.client_id as "clientId", m.body_ciphertext as "bodyCiphertext",
      m.edited_at as "editedAt", m.deleted_at as "deletedAt", m.hidden_at as "hiddenAt", m.created_at as "createdAt", m.updated_at as "updatedAt",
      u.display_name as "authorName"
    from messages m left join users u on u.id = m.author_id
    where (m.room_id, m.author_id, m.client_id) in (
      select room_id, author_id, client_id from jsonb_to_recordset($1::jsonb) as t(room_id uuid, author_id uuid, client_id text))`,
};

/** A group room's facts per (group, person) pair: the group's name and archive state, and the membership if any. */
const GROUP_POSTING_FACTS: Prepared = {
  name: 'chat_group_posting_facts_v1',
  text: `
    select p.group_id, p.user_id, g.name, g.archived_at, m.role, m.status
    from jsonb_to_recordset($1::jsonb) as p(group_id uuid, user_id uuid)
    join groups g on g.id = p.group_id
    left join group_members m on m.group_id = p.group_id and m.user_id = p.user_id`,
};

const messageColumns = { message: messages, authorName: users.displayName };

/** One message waiting in a batch to be stored. */
export type NewMessage = { roomId: string; authorId: string; clientId: string; bodyCiphertext: string; hiddenAt: Date | null };

/**
 * Group commit: stores many messages (any rooms) in ONE statement. Each room's seq is bumped once by the number of its
 * messages, and they are numbered in the order given, so seqs stay strictly increasing and gapless. The rooms are
 * locked in id order, so two nodes' batches cannot deadlock. A room that does not exist stores nothing (null); any
 * constraint failure (e.g. a duplicate client id) fails the whole statement and no seq is used.
 */
export async function insertMessagesWithNextSeq(db: Db, values: NewMessage[]): Promise<Array<MessageRow | null>> {
  const input = values.map((v, ord) => ({ id: uuidv7(), ord, room_id: v.roomId, author_id: v.authorId, client_id: v.clientId, body_ciphertext: v.bodyCiphertext, hidden_at: v.hiddenAt?.toISOString() ?? null }));
  const result = await runPrepared<{ id: string; seq: string | number; created_at: Date | string; updated_at: Date | string }>(db, INSERT_BATCH, [JSON.stringify(input)]);
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  return input.map((v, i) => {
    const row = byId.get(v.id);
    const given = values[i]!;
    return row ? {
      id: v.id, roomId: given.roomId, seq: Number(row.seq), authorId: given.authorId, clientId: given.clientId, bodyCiphertext: given.bodyCiphertext,
      editedAt: null, deletedAt: null, hiddenAt: given.hiddenAt, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at),
    } : null;
  });
}

/** The messages already sent with these client ids (resends), keyed `room:author:clientId`, in one statement. */
export async function findMessagesByClientIds(db: Db, keys: Array<{ roomId: string; authorId: string; clientId: string }>): Promise<Map<string, MessageWithAuthor>> {
  const input = keys.map((k) => ({ room_id: k.roomId, author_id: k.authorId, client_id: k.clientId }));
  const result = await runPrepared<MessageWithAuthor>(db, FIND_RESENT, [JSON.stringify(input)]);
  return new Map(result.rows.map((m) => [clientKey(m.roomId, m.authorId ?? '', m.clientId ?? ''), { ...m, seq: Number(m.seq) }]));
}

/** The key a resend is found by. */
export const clientKey = (roomId: string, authorId: string, clientId: string) => `${roomId}:${authorId}:${clientId}`;

/** What the post path needs to know about a group room, per person: the group's name and archive state and their membership. */
export type GroupPostingFacts = { name: string; archivedAt: Date | null; membership: { role: string; status: string } | null };

/**
 * Group and membership facts for many (group, person) pairs in one statement, read fresh for every batch of posts:
 * nothing is cached, so leaving, removal or archiving is seen by the very next message. Keyed `group:user`; a group
 * that does not exist is missing. (Reads the groups module's tables with only the columns the chat policy needs.)
 */
export async function listGroupPostingFacts(db: Db, pairs: Array<{ groupId: string; userId: string }>): Promise<Map<string, GroupPostingFacts>> {
  const input = pairs.map((p) => ({ group_id: p.groupId, user_id: p.userId }));
  const result = await runPrepared<{ group_id: string; user_id: string; name: string; archived_at: Date | string | null; role: string | null; status: string | null }>(db, GROUP_POSTING_FACTS, [JSON.stringify(input)]);
  return new Map(result.rows.map((r) => [
    `${r.group_id}:${r.user_id}`,
    { name: r.name, archivedAt: r.archived_at === null ? null : new Date(r.archived_at), membership: r.role && r.status ? { role: r.role, status: r.status } : null },
  ]));
}

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

/** The conversations of many direct rooms in one statement (the post path's batch), keyed by room id. */
export async function listConversationsByRooms(db: DbOrTx, roomIds: string[]): Promise<Map<string, ConversationWithPeople>> {
  const rows = flatten(await selectConversations(db).where(inArray(directConversations.roomId, [...new Set(roomIds)])));
  return new Map(rows.flatMap((c) => (c.roomId ? [[c.roomId, c] as const] : [])));
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
