import { and, eq, inArray, or } from 'drizzle-orm';
import { directConversations, rooms } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

// Read-only queries behind `createChatFacts` (chat-facts.ts). Kept apart from chat.repo.ts: the send path lives there.

/** Peer supporters the member has an accepted (or since closed) one-to-one conversation with. */
export async function listSupportersOf(db: DbOrTx, memberId: string) {
  return db
    .selectDistinct({ supporterId: directConversations.supporterId, conversationId: directConversations.id, status: directConversations.status })
    .from(directConversations)
    .where(and(eq(directConversations.memberId, memberId), inArray(directConversations.status, ['accepted', 'closed'])));
}

/** Ids of a group's own room and of its sessions' rooms (those that have been opened). */
export async function listGroupRoomIds(db: DbOrTx, groupId: string, sessionIds: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: rooms.id })
    .from(rooms)
    .where(sessionIds.length > 0 ? or(eq(rooms.groupId, groupId), inArray(rooms.sessionId, sessionIds)) : eq(rooms.groupId, groupId));
  return rows.map((r) => r.id);
}
