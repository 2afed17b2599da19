import { eq } from 'drizzle-orm';
import { messages, rooms, users } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

/** A message with its room, for moderation (found by id alone: a flag names the message, not the room). */
export async function findMessageWithRoom(db: DbOrTx, messageId: string) {
  const [row] = await db
    .select({ message: messages, room: rooms, authorName: users.displayName })
    .from(messages)
    .innerJoin(rooms, eq(rooms.id, messages.roomId))
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(eq(messages.id, messageId));
  return row ?? null;
}

export async function findSessionRoomId(db: DbOrTx, sessionId: string): Promise<string | null> {
  const [row] = await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.sessionId, sessionId));
  return row?.id ?? null;
}

export async function setMessageHiddenAt(db: DbOrTx, messageId: string, hiddenAt: Date | null): Promise<void> {
  await db.update(messages).set({ hiddenAt }).where(eq(messages.id, messageId));
}
