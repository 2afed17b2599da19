import type { ChatMessage } from '@hearth/contracts';
import type { ChatDeps } from './chat.rooms.ts';
import { presentMessage } from './chat.presenter.ts';
import * as modRepo from './chat.moderation.repo.ts';

/** A chat message as moderation sees it: its words (always), its place, and whether it is hidden. */
export type MessageForModeration = {
  id: string;
  roomId: string;
  orgId: string;
  roomKind: string;
  groupId: string | null;
  sessionId: string | null;
  authorId: string | null;
  authorName: string | null;
  body: string;
  hidden: boolean;
  deleted: boolean;
  createdAt: Date;
};

/**
 * What the moderation module needs from chat (wired in main.ts; chat never imports moderation). No actor: the
 * moderation policy has already decided that the caller may see or change this message.
 */
export function createChatModerationHooks(deps: ChatDeps) {
  const { db, hub, cipher, sessions } = deps;

  return {
    async findMessageForModeration(messageId: string): Promise<MessageForModeration | null> {
      const row = await modRepo.findMessageWithRoom(db, messageId);
      if (!row) return null;
      const { message, room } = row;
      let groupId = room.groupId;
      if (!groupId && room.sessionId) groupId = (await sessions.findSession(room.sessionId))?.groupId ?? null;
      return {
        id: message.id,
        roomId: room.id,
        orgId: room.orgId,
        roomKind: room.kind,
        groupId,
        sessionId: room.sessionId,
        authorId: message.authorId,
        authorName: row.authorName,
        body: message.deletedAt || message.bodyCiphertext === '' ? '' : cipher.decrypt(message.bodyCiphertext),
        hidden: message.hiddenAt !== null,
        deleted: message.deletedAt !== null,
        createdAt: message.createdAt,
      };
    },

    /** A session's live room, if it was ever opened. */
    findSessionRoomId: (sessionId: string) => modRepo.findSessionRoomId(db, sessionId),

    /** Hides or shows a message for everyone but its author and moderators, and tells the room at once. */
    async setMessageHidden(messageId: string, hidden: boolean, at: Date): Promise<void> {
      await modRepo.setMessageHiddenAt(db, messageId, hidden ? at : null);
      const row = await modRepo.findMessageWithRoom(db, messageId);
      if (!row) return;
      const message: ChatMessage = presentMessage({ ...row.message, authorName: row.authorName }, cipher);
      await hub.publish(`room:${row.room.id}`, { type: 'message.updated', message });
    },
  };
}
