import type { Db, DbOrTx } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { Notify } from '../../platform/notify.ts';
import type { GroupsService } from '../groups/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import { createDirectUseCases } from './chat.direct.ts';
import { createMessageUseCases } from './chat.messages.ts';
import * as repo from './chat.repo.ts';
import { createRoomAccess, type CanTakeOneToOne, type MessageGate, type MessageScreen, type OnDemandRoomFacts, type OnMessageStored, type OnMessagesRead, type SessionBatchFacts } from './chat.rooms.ts';
import { createJoinBatch } from './chat.join-batch.ts';
import { createChatModerationHooks } from './chat.moderation.ts';

export { ChatErrors } from './chat.errors.ts';

export type ChatService = ReturnType<typeof createChatService>;

/** Chat rooms, messages and one-to-one conversations. */
export function createChatService(input: { db: Db; hub: RealtimeHub; cipher: FieldCipher; groups: GroupsService; sessions: SessionsService; now?: () => Date; screen?: MessageScreen; onDemand?: OnDemandRoomFacts; moderation?: MessageGate; notify?: Notify; canTakeOneToOne?: CanTakeOneToOne; onMessageStored?: OnMessageStored; onMessagesRead?: OnMessagesRead; sessionFacts: SessionBatchFacts }) {
  const deps = { ...input, now: input.now ?? (() => new Date()) };
  const access = createRoomAccess(deps);
  const { db, hub, sessions } = deps;

  /** The session a room belongs to, if it is a session's live room. */
  async function sessionIdOf(roomId: string): Promise<string | null> {
    const room = await access.findKnownRoom(roomId);
    return room?.kind === 'session' ? room.sessionId : null;
  }

  return {
    ...createMessageUseCases(deps, access),
    ...createDirectUseCases(deps),
    ...createChatModerationHooks(deps),

    /** A room's details (kind, title, open, abilities) for anyone who may see it. */
    async getRoom(actor: Actor, roomId: string) {
      return access.presentRoom(actor, await access.getVisibleRoom(actor, roomId));
    },
    async getGroupRoom(actor: Actor, groupId: string) {
      return access.presentRoom(actor, await access.getGroupRoom(actor, groupId));
    },
    async getSessionRoom(actor: Actor, sessionId: string) {
      return access.presentRoom(actor, await access.getSessionRoom(actor, sessionId));
    },

    /** Opens the chat room for an on-demand small group (the matching module keeps who is in it). */
    async openOnDemandRoom(orgId: string, tx?: DbOrTx): Promise<{ roomId: string }> {
      // Pass matching's placement transaction, so a failed placement leaves no orphan room behind.
      return { roomId: (await repo.insertOnDemandRoom(tx ?? db, orgId)).id };
    },

    /** When someone last wrote in a room (null when nobody has yet), so idle on-demand rooms can be closed. */
    async findLastMessageAt(roomId: string): Promise<Date | null> {
      return repo.findLastMessageAt(db, roomId);
    },

    /** Joining a room live is decided by the same policy as reading it. */
    canJoinRoom: access.canJoinRoom,
    /** `canJoinRoom` for many people and rooms at once (the websocket re-check), with the same answers. */
    canJoinRooms: createJoinBatch(deps, access),

    /** Being in a session's live room counts as attending online. */
    async recordJoin(actor: Actor, roomId: string) {
      const sessionId = await sessionIdOf(roomId);
      if (sessionId) await sessions.recordOnlineJoin(sessionId, actor.userId);
    },

    /** Leaving the live room ends online attendance, unless the person is still there on another device. */
    async recordLeave(actor: Actor, roomId: string) {
      const sessionId = await sessionIdOf(roomId);
      if (!sessionId) return;
      if (hub.presenceOf(`room:${roomId}`).some((p) => p.userId === actor.userId)) return;
      await sessions.recordOnlineLeave(sessionId, actor.userId);
    },
  };
}
