import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { ChatErrors } from './chat.errors.ts';
import { canCloseConversation, canRequestConversation, canRespondToConversation, isParticipant } from './chat.policy.ts';
import { presentConversation, presentSupporter } from './chat.presenter.ts';
import * as repo from './chat.repo.ts';
import type { ChatDeps } from './chat.rooms.ts';
import type { Conversation, RequestConversationBody } from './chat.schemas.ts';

/** One-to-one conversations between a member and a peer supporter: requested, accepted (or declined), closed. */
export function createDirectUseCases(deps: ChatDeps) {
  const { db, hub, cipher, now } = deps;

  async function getOwnConversation(actor: Actor, id: string) {
    const conversation = await repo.findConversation(db, id);
    if (!conversation || !isParticipant(actor, conversation)) throw ChatErrors.conversationNotFound();
    return conversation;
  }

  async function reload(actor: Actor, id: string): Promise<Conversation> {
    return presentConversation((await repo.findConversation(db, id))!, actor, cipher);
  }

  /** Tells both people's open screens to refetch; payloads stay small and carry no words. */
  async function announce(roomId: string | null) {
    if (roomId) await hub.publish(`room:${roomId}`, { type: 'invalidate', keys: ['room', 'conversations'] });
  }

  /** A notification for the other person (after commit): a kind and a link, never the words. Never fails the request. */
  async function tell(userId: string, kind: 'direct.request' | 'direct.accepted', conversationId: string) {
    await deps.notify?.({ userId, kind, url: `/support/${conversationId}`, dedupeKey: `${kind}:${conversationId}` }).catch(() => {});
  }

  return {
    /** Peer supporters in the caller's organization, presented publicly; only those who may take one-to-one requests. */
    async listSupporters(actor: Actor) {
      const rows = (await repo.listSupporters(db, actor.orgId)).filter((u) => u.id !== actor.userId);
      const take = deps.canTakeOneToOne;
      const allowed = take ? await Promise.all(rows.map((u) => take({ userId: u.id, orgId: actor.orgId }))) : rows.map(() => true);
      return rows.filter((_u, i) => allowed[i]).map(presentSupporter);
    },

    /** Open (accepted) one-to-one conversations per supporter: their current load, for supervisors' caseload. */
    async countOpenConversations(supporterIds: string[]): Promise<Map<string, number>> {
      return new Map((await repo.countOpenConversations(db, supporterIds)).map((r) => [r.supporterId, r.open]));
    },

    /** Whether a supporter has held a one-to-one conversation with this member (accepted at some point), for thank-you cards. */
    async hasTalkedOneToOne(supporterId: string, memberId: string): Promise<boolean> {
      return repo.hasHeldConversation(db, supporterId, memberId);
    },

    /** A person asks a peer supporter for a one-to-one conversation. Their opening words are encrypted at rest. */
    async requestConversation(actor: Actor, body: RequestConversationBody): Promise<Conversation> {
      const supporter = await repo.findUser(db, body.supporterId);
      if (!supporter || !canRequestConversation(actor, supporter)) throw ChatErrors.supporterNotFound();
      // Someone who blocked this person is not asked on their behalf (moderation decides; wired in main.ts).
      await deps.moderation?.assertMayRequestConversation(actor, supporter.id);
      const id = await db.transaction(async (tx) => {
        if (await repo.findOpenConversation(tx, actor.userId, supporter.id)) throw ChatErrors.conversationExists();
        const row = await repo.insertConversation(tx, { memberId: actor.userId, supporterId: supporter.id, introCiphertext: cipher.encrypt(body.intro) });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'direct.requested', entityType: 'direct_conversation', entityId: row.id });
        return row.id;
      });
      await tell(supporter.id, 'direct.request', id);
      return reload(actor, id);
    },

    /**
     * On-call staff open a one-to-one chat with a person they are worried about: accepted at once, with its room.
     * An open conversation between the two is reused. Safety's policy has already decided this is allowed.
     */
    async openStaffConversation(staff: { userId: string; orgId: string }, memberId: string): Promise<{ conversationId: string; roomId: string }> {
      return db.transaction(async (tx) => {
        const open = await repo.findOpenConversation(tx, memberId, staff.userId);
        if (open?.roomId && open.status === 'accepted') return { conversationId: open.id, roomId: open.roomId };
        const room = await repo.insertDirectRoom(tx, staff.orgId);
        let conversationId: string;
        if (open) {
          await repo.transitionConversation(tx, open.id, ['pending'], { status: 'accepted', roomId: room.id, respondedAt: now() });
          conversationId = open.id;
        } else {
          const row = await repo.insertConversation(tx, { memberId, supporterId: staff.userId, status: 'accepted', roomId: room.id, respondedAt: now() });
          conversationId = row.id;
        }
        await writeAudit(tx, { orgId: staff.orgId, actorId: staff.userId, action: 'direct.opened_by_staff', entityType: 'direct_conversation', entityId: conversationId, data: { roomId: room.id } });
        return { conversationId, roomId: room.id };
      });
    },

    /**
     * A peer supporter takes a member's on-demand request from the matching queue: the conversation starts accepted,
     * with its room and the member's opening words (encrypted). The matching module has already checked who may take it.
     */
    async openMatchedConversation(supporter: { userId: string; orgId: string }, memberId: string, intro: string | null): Promise<{ conversationId: string; roomId: string }> {
      return db.transaction(async (tx) => {
        const open = await repo.findOpenConversation(tx, memberId, supporter.userId);
        if (open?.roomId && open.status === 'accepted') return { conversationId: open.id, roomId: open.roomId };
        const room = await repo.insertDirectRoom(tx, supporter.orgId);
        let conversationId: string;
        if (open) {
          await repo.transitionConversation(tx, open.id, ['pending'], { status: 'accepted', roomId: room.id, respondedAt: now() });
          conversationId = open.id;
        } else {
          const row = await repo.insertConversation(tx, {
            memberId, supporterId: supporter.userId, status: 'accepted', roomId: room.id, respondedAt: now(), introCiphertext: intro ? cipher.encrypt(intro) : null,
          });
          conversationId = row.id;
        }
        await writeAudit(tx, { orgId: supporter.orgId, actorId: supporter.userId, action: 'direct.matched', entityType: 'direct_conversation', entityId: conversationId, data: { roomId: room.id } });
        return { conversationId, roomId: room.id };
      });
    },

    /** Both sides: the conversations I asked for and the ones asked of me, newest first. */
    async listConversations(actor: Actor): Promise<Conversation[]> {
      return (await repo.listConversations(db, actor.userId)).map((c) => presentConversation(c, actor, cipher));
    },

    async getConversation(actor: Actor, id: string): Promise<Conversation> {
      return presentConversation(await getOwnConversation(actor, id), actor, cipher);
    },

    /** The peer supporter accepts: the conversation's room is created in the same transaction. */
    async acceptConversation(actor: Actor, id: string): Promise<Conversation> {
      const conversation = await getOwnConversation(actor, id);
      if (!canRespondToConversation(actor, conversation)) throw ChatErrors.conversationAnswered();
      // Only certified peer supporters take one-to-one requests (training decides; the organization can switch it off).
      if (deps.canTakeOneToOne && !(await deps.canTakeOneToOne(actor))) throw ChatErrors.certificateRequired();
      await db.transaction(async (tx) => {
        const room = await repo.insertDirectRoom(tx, actor.orgId);
        const moved = await repo.transitionConversation(tx, id, ['pending'], { status: 'accepted', roomId: room.id, respondedAt: now() });
        if (!moved) throw ChatErrors.conversationAnswered();
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'direct.accepted', entityType: 'direct_conversation', entityId: id, data: { roomId: room.id } });
      });
      await tell(conversation.memberId, 'direct.accepted', id);
      return reload(actor, id);
    },

    /** The peer supporter declines; the member can ask someone else. */
    async declineConversation(actor: Actor, id: string): Promise<Conversation> {
      const conversation = await getOwnConversation(actor, id);
      if (!canRespondToConversation(actor, conversation)) throw ChatErrors.conversationAnswered();
      await db.transaction(async (tx) => {
        const moved = await repo.transitionConversation(tx, id, ['pending'], { status: 'declined', respondedAt: now() });
        if (!moved) throw ChatErrors.conversationAnswered();
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'direct.declined', entityType: 'direct_conversation', entityId: id });
      });
      return reload(actor, id);
    },

    /** Either person ends the conversation (a member may also withdraw a request that is still waiting). */
    async closeConversation(actor: Actor, id: string): Promise<Conversation> {
      const conversation = await getOwnConversation(actor, id);
      if (!canCloseConversation(actor, conversation)) throw ChatErrors.conversationEnded();
      await db.transaction(async (tx) => {
        const moved = await repo.transitionConversation(tx, id, ['pending', 'accepted'], { status: 'closed' });
        if (!moved) throw ChatErrors.conversationEnded();
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'direct.closed', entityType: 'direct_conversation', entityId: id });
      });
      await announce(conversation.roomId);
      // Live sockets in the room are read again against the room's policy and dropped where it says no (every node).
      if (conversation.roomId) await hub.revoke({ room: `room:${conversation.roomId}`, reason: 'closed' }).catch(() => {});
      return reload(actor, id);
    },
  };
}
