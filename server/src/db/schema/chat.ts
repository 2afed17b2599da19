import { bigint, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { groups } from './groups.ts';
import { sessions } from './sessions.ts';
import { users } from './accounts.ts';

export const roomKind = pgEnum('room_kind', ['group', 'session', 'direct', 'on_demand']);

/** A chat room. last_seq is bumped in the message's transaction so ids are strictly increasing per room. */
export const rooms = pgTable(
  'rooms',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    kind: roomKind('kind').notNull(),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('rooms_group_key').on(t.groupId), uniqueIndex('rooms_session_key').on(t.sessionId)],
);

export const directStatus = pgEnum('direct_status', ['pending', 'accepted', 'declined', 'closed']);

/** One-to-one conversations between a member and a peer supporter: requested, then accepted. */
export const directConversations = pgTable(
  'direct_conversations',
  {
    id: id(),
    memberId: uuid('member_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    supporterId: uuid('supporter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: directStatus('status').notNull().default('pending'),
    /** Encrypted at rest: the member's opening words. */
    introCiphertext: text('intro_ciphertext'),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    ...timestamps,
  },
  // room_id: a room's messages look up their conversation (access checks, case context) by it.
  (t) => [index('direct_member_idx').on(t.memberId), index('direct_supporter_idx').on(t.supporterId), index('direct_room_idx').on(t.roomId)],
);

/** Chat messages. Bodies are encrypted at rest; seq is the per-room sortable cursor for catch-up. */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    roomId: uuid('room_id').notNull().references(() => rooms.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Client-chosen id so a resend after a dropped ack is stored once. */
    clientId: text('client_id').notNull(),
    bodyCiphertext: text('body_ciphertext').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Set while moderation hides the message (flags past the threshold, held for approval, removed): only its author and moderators see the words. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('messages_room_seq_key').on(t.roomId, t.seq),
    uniqueIndex('messages_room_author_client_key').on(t.roomId, t.authorId, t.clientId),
  ],
);
