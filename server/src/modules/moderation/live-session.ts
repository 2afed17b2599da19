import type { Actor } from '../../platform/http/actor.ts';
import { writeAudit } from '../../platform/db/index.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { canControlLiveSession } from './moderation.policy.ts';
import * as repo from './moderation.repo.ts';
import * as standingRepo from './standing.repo.ts';

/** A facilitator holding a live session: remove a message, pause a participant for the session, end the session. */
export function createLiveSessionUseCases(ctx: ModerationContext) {
  const { db, hub, chat, sessions, groups } = ctx;

  async function loadControlled(actor: Actor, groupId: string | null) {
    const group = groupId ? await groups.findGroup(groupId) : null;
    if (!group) return null;
    const membership = await groups.findMembership(group.id, actor.userId);
    return canControlLiveSession(actor, membership, group) ? group : null;
  }

  async function loadSession(actor: Actor, sessionId: string) {
    const session = await sessions.findSession(sessionId);
    const group = session && (await loadControlled(actor, session.groupId));
    if (!session || !group) throw ModerationErrors.sessionNotFound();
    return { session, group };
  }

  /** Who is paused in a session, with names for the facilitator's list. */
  async function presentMutes(sessionId: string) {
    const ids = (await standingRepo.listSessionMutes(db, sessionId)).map((m) => m.userId);
    const names = new Map((await standingRepo.findDisplayNames(db, ids)).map((p) => [p.id, p.displayName]));
    return { mutedUserIds: ids, people: ids.map((userId) => ({ userId, displayName: names.get(userId) ?? '' })) };
  }

  return {
    /** Removes a message from a group or session room: hidden for everyone, recorded in the modlog. */
    async removeLiveMessage(actor: Actor, roomId: string, messageId: string, reason: string | undefined) {
      const message = await chat.findMessageForModeration(messageId);
      if (!message || message.roomId !== roomId || message.deleted) throw ModerationErrors.contentNotFound();
      const group = await loadControlled(actor, message.groupId);
      if (!group || message.orgId !== actor.orgId) throw ModerationErrors.contentNotFound();
      if (message.authorId === actor.userId) throw ModerationErrors.cannotActOnSelf();
      await db.transaction(async (tx) => {
        const item = await repo.lockOrCreateItem(tx, {
          orgId: message.orgId, targetKind: 'chat_message', targetId: message.id, authorId: message.authorId, groupId: message.groupId, roomId, status: 'resolved',
        });
        await repo.updateItem(tx, item.id, { hidden: true, hiddenReason: 'moderator', status: 'resolved', resolution: 'live_remove', resolvedAt: ctx.now() });
        const action = await repo.insertAction(tx, {
          orgId: message.orgId, itemId: item.id, subjectId: message.authorId, moderatorId: actor.userId, action: 'live_remove',
          reason: reason || 'Removed by the facilitator during the session', groupId: message.groupId,
        });
        if (message.authorId) await ctx.tell(tx, { orgId: message.orgId, userId: message.authorId, kind: 'content_removed', itemId: item.id, actionId: action.id });
        await writeAudit(tx, { orgId: message.orgId, actorId: actor.userId, action: 'moderation.live_remove', entityType: 'message', entityId: message.id, data: { roomId } });
      });
      await chat.setMessageHidden(message.id, true, ctx.now());
      return { ok: true as const };
    },

    /** Pauses one participant's messages for the rest of this session (they can still read). */
    async muteForSession(actor: Actor, sessionId: string, userId: string, mute: boolean) {
      const { group } = await loadSession(actor, sessionId);
      if (userId === actor.userId) throw ModerationErrors.cannotActOnSelf();
      const membership = await groups.findMembership(group.id, userId);
      if (membership?.status !== 'active') throw ModerationErrors.notInSession();
      await db.transaction(async (tx) => {
        const changed = mute ? await standingRepo.insertSessionMute(tx, sessionId, userId, actor.userId) : await standingRepo.deleteSessionMute(tx, sessionId, userId);
        if (!changed) return;
        await repo.insertAction(tx, {
          orgId: group.orgId, subjectId: userId, moderatorId: actor.userId, action: mute ? 'live_mute' : 'live_unmute',
          reason: mute ? 'Paused for the rest of the session by the facilitator' : 'Unpaused by the facilitator', groupId: group.id, data: { sessionId },
        });
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: mute ? 'moderation.live_mute' : 'moderation.live_unmute', entityType: 'session', entityId: sessionId });
      });
      return presentMutes(sessionId);
    },

    async listSessionMutes(actor: Actor, sessionId: string) {
      await loadSession(actor, sessionId);
      return presentMutes(sessionId);
    },

    /** Ends the session now: the live room closes for everyone and the room is told to refetch. */
    async endLiveSession(actor: Actor, sessionId: string) {
      const { group } = await loadSession(actor, sessionId);
      await sessions.endSessionNow(actor, sessionId);
      await db.transaction(async (tx) => {
        await repo.insertAction(tx, { orgId: group.orgId, moderatorId: actor.userId, action: 'live_end', reason: 'Session ended by the facilitator', groupId: group.id, data: { sessionId } });
      });
      const roomId = await chat.findSessionRoomId(sessionId);
      if (roomId) await hub.publish(`room:${roomId}`, { type: 'invalidate', keys: ['room', 'messages'] }).catch(() => {});
      return { ok: true as const };
    },
  };
}
