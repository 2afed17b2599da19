import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { directConversations, messages, rooms } from '../../db/schema/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';

/**
 * The chat part of "export my data" and "delete my account" (this file is the module's personal-data repo).
 * Private one-to-one rooms go entirely; in group rooms the person's messages keep their place in the
 * sequence (so catch-up stays gap-free for others) but lose their words and author.
 */
export function createChatPersonalData(deps: { db: Db; cipher: FieldCipher }): PersonalDataContributor {
  const { db, cipher } = deps;
  const decrypt = (value: string | null) => (value ? cipher.decrypt(value) : null);
  return {
    name: 'chat',
    async export(userId) {
      const written = await db
        .select({ id: messages.id, roomKind: rooms.kind, groupId: rooms.groupId, sessionId: rooms.sessionId, body: messages.bodyCiphertext, createdAt: messages.createdAt, editedAt: messages.editedAt, deletedAt: messages.deletedAt })
        .from(messages)
        .innerJoin(rooms, eq(rooms.id, messages.roomId))
        .where(eq(messages.authorId, userId))
        .orderBy(messages.createdAt);
      const conversations = await db
        .select()
        .from(directConversations)
        .where(or(eq(directConversations.memberId, userId), eq(directConversations.supporterId, userId)));
      return {
        messages: written.map((m) => ({ ...m, body: m.deletedAt || m.body === '' ? null : decrypt(m.body) })),
        oneToOne: conversations.map((c) => ({
          id: c.id,
          youWere: c.memberId === userId ? 'member' : 'peer supporter',
          status: c.status,
          openingWords: c.memberId === userId ? decrypt(c.introCiphertext) : null,
          requestedAt: c.createdAt,
          respondedAt: c.respondedAt,
        })),
      };
    },
    async erase(tx: Tx, userId) {
      const direct = await tx
        .select({ roomId: directConversations.roomId })
        .from(directConversations)
        .where(and(or(eq(directConversations.memberId, userId), eq(directConversations.supporterId, userId)), isNotNull(directConversations.roomId)));
      await tx.delete(directConversations).where(or(eq(directConversations.memberId, userId), eq(directConversations.supporterId, userId)));
      const roomIds = direct.map((d) => d.roomId!);
      if (roomIds.length > 0) await tx.delete(rooms).where(inArray(rooms.id, roomIds));
      await tx
        .update(messages)
        .set({ bodyCiphertext: '', authorId: null, clientId: sql`${messages.id}::text`, deletedAt: sql`coalesce(${messages.deletedAt}, now())`, editedAt: null })
        .where(eq(messages.authorId, userId));
    },
  };
}
