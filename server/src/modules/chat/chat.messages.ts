import type { ChatMessage } from '@hearth/contracts';
import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { RoomEvent } from '../../platform/realtime/index.ts';
import { ChatErrors } from './chat.errors.ts';
import { canChangeMessage } from './chat.policy.ts';
import { presentMessage } from './chat.presenter.ts';
import * as repo from './chat.repo.ts';
import { createSendBatcher, type PublishTurn } from './chat.send-batch.ts';
import type { ChatDeps, LoadedRoom, ModerationNotice, RoomAccess, SafetyNotice } from './chat.rooms.ts';
import type { EditMessageBody, HistoryQuery, PostMessageBody } from './chat.schemas.ts';

/** How many missed messages a reconnecting client is sent over the websocket; beyond that it pages over HTTP. */
export const BACKLOG_LIMIT = 500;

const topic = (roomId: string) => `room:${roomId}`;

/** Where a message is posted, as moderation needs it (pre-moderating groups, session mutes). */
const placeOf = (loaded: LoadedRoom) => ({
  roomId: loaded.room.id,
  roomKind: loaded.room.kind,
  groupId: loaded.room.groupId ?? loaded.session?.groupId ?? null,
  sessionId: loaded.room.sessionId,
});

/** Posting, editing, deleting and reading messages. */
export function createMessageUseCases(deps: ChatDeps, access: RoomAccess) {
  const { db, hub, cipher, now } = deps;
  const present = (row: repo.MessageWithAuthor) => presentMessage(row, cipher);
  const batcher = createSendBatcher(db);

  async function loadOwnMessage(actor: Actor, roomId: string, messageId: string) {
    const message = await repo.findMessage(db, roomId, messageId);
    if (!message) throw ChatErrors.messageNotFound();
    if (message.authorId !== actor.userId) throw ChatErrors.notYourMessage();
    if (!canChangeMessage(actor, message)) throw ChatErrors.messageDeleted();
    return message;
  }

  async function publishUpdated(message: ChatMessage) {
    // No seq on updates: the hub de-duplicates by seq, and an edit must reach clients that already have the message.
    await hub.publish(topic(message.roomId), { type: 'message.updated', message });
  }

  return {
    /**
     * Stores a message, then acknowledges it. Messages arriving together are stored in one statement (group commit,
     * see chat.send-batch.ts): each room's seq is bumped for them and they commit before any is acknowledged. A resend
     * with the same client id returns the stored message instead of a copy (`created: false`) and uses no seq.
     */
    async postMessage(
      actor: Actor,
      roomId: string,
      body: PostMessageBody,
    ): Promise<{ message: ChatMessage; created: boolean; safety: SafetyNotice | null; moderation?: ModerationNotice | null }> {
      // The room check, the resend lookup and the safety assessment at once: each is a read, none depends on another,
      // and a resend is answered (or anything stored) only once the room check has passed.
      const [loaded, existing, screening] = await Promise.all([
        access.getPostableRoom(actor, roomId),
        batcher.findResent({ roomId, authorId: actor.userId, clientId: body.clientId }),
        // Assessed before it is stored and broadcast; the words are still delivered whatever the result.
        deps.screen?.screen(actor, body.body),
      ]);
      const resentNotice = async (id: string) => (await deps.screen?.findNotice?.(actor, { kind: 'chat_message', id })) ?? null;
      if (existing) return { message: present(existing), created: false, safety: await resentNotice(existing.id) };
      // Moderation runs after the safety assessment and never holds or blocks words the assessment was worried about.
      const gate = await deps.moderation?.check(actor, { kind: 'chat_message', text: body.body, safetyLevel: screening?.level ?? 'none', place: placeOf(loaded) });
      const text = gate?.text ?? body.body;
      let stored: repo.MessageWithAuthor;
      let turn: PublishTurn;
      try {
        // The seq bump and the insert commit together (with the rest of the batch) before anything is acknowledged.
        const done = await batcher.store({ roomId, authorId: actor.userId, clientId: body.clientId, bodyCiphertext: cipher.encrypt(text), hiddenAt: gate?.hold ? now() : null });
        stored = { ...done.row, authorName: actor.displayName };
        turn = done.turn;
      } catch (err) {
        // Two copies of one resend raced: the loser's statement (and its seq) rolled back; answer with the winner.
        if ((err as { code?: string }).code !== '23505' && (err as { cause?: { code?: string } }).cause?.code !== '23505') throw err;
        const winner = await repo.findMessageByClientId(db, roomId, actor.userId, body.clientId);
        if (!winner) throw err;
        return { message: present(winner), created: false, safety: await resentNotice(winner.id) };
      }
      try {
        const message = presentMessage(stored, cipher, { plain: text });
        // Crisis routing (on-call alert, the author's private card) runs before the broadcast; moderation's bookkeeping
        // is independent of it, so both run at once (route never throws: nobody is silenced by a failure there).
        const [safety] = await Promise.all([
          screening?.route({ kind: 'chat_message', id: message.id, roomId }).then((notice) => notice ?? null) ?? null,
          gate?.record({ id: message.id }),
        ]);
        // Published in the room's seq order (this node's earlier messages first), then acknowledged.
        await turn.run(() => hub.publish(topic(roomId), { type: 'message.created', seq: message.seq, message }));
        void deps.onMessageStored?.({ messageId: message.id, roomId, authorId: actor.userId, orgId: actor.orgId, text }).catch(() => {});
        // The author keeps seeing their own held words; everyone else sees that a message is waiting for review.
        return { message: gate?.hold ? presentMessage(stored, cipher, { reveal: true, plain: text }) : message, created: true, safety, moderation: gate?.notice ?? null };
      } finally {
        turn.release();
      }
    },

    /** Changes the words of one's own message. */
    async editMessage(actor: Actor, roomId: string, messageId: string, body: EditMessageBody): Promise<ChatMessage> {
      const loaded = await access.getPostableRoom(actor, roomId);
      const message = await loadOwnMessage(actor, roomId, messageId);
      const screening = await deps.screen?.screen(actor, body.body);
      const gate = await deps.moderation?.check(actor, {
        kind: 'chat_message', text: body.body, safetyLevel: screening?.level ?? 'none', place: placeOf(loaded), editOf: message.id,
      });
      const editedAt = now();
      const bodyCiphertext = cipher.encrypt(gate?.text ?? body.body);
      // An edit can bring back a message hidden for review (the author fixed it), or hold one that now needs a look.
      const hiddenAt = gate?.hold ? editedAt : gate?.unhide ? null : message.hiddenAt;
      await db.transaction(async (tx) => {
        await repo.updateMessage(tx, message.id, { bodyCiphertext, editedAt, hiddenAt });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'message.edited', entityType: 'message', entityId: message.id, data: { roomId } });
      });
      const updated = present({ ...message, bodyCiphertext, editedAt, hiddenAt });
      await screening?.route({ kind: 'chat_message', id: message.id, roomId });
      await gate?.record({ id: message.id });
      await publishUpdated(updated);
      return hiddenAt ? presentMessage({ ...message, bodyCiphertext, editedAt, hiddenAt }, cipher, { reveal: true }) : updated;
    },

    /** Deletes one's own message, leaving a tombstone (empty body, deletedAt) so the conversation keeps its shape. */
    async deleteMessage(actor: Actor, roomId: string, messageId: string): Promise<ChatMessage> {
      // Deleting needs only read access: someone may want their words gone after a conversation has closed.
      await access.getReadableRoom(actor, roomId);
      const message = await loadOwnMessage(actor, roomId, messageId);
      const deletedAt = now();
      await db.transaction(async (tx) => {
        // The words themselves are wiped, not hidden.
        await repo.updateMessage(tx, message.id, { bodyCiphertext: '', deletedAt });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'message.deleted', entityType: 'message', entityId: message.id, data: { roomId } });
      });
      const tombstone = present({ ...message, bodyCiphertext: '', deletedAt });
      await publishUpdated(tombstone);
      return tombstone;
    },

    /**
     * A page of history, oldest first. `before` (or nothing) gives the newest page before that point;
     * `after` gives the oldest page after it, for catching up.
     */
    async listMessages(actor: Actor, roomId: string, query: HistoryQuery) {
      const { room } = await access.getReadableRoom(actor, roomId);
      const page = query.after !== undefined
        ? { rows: await repo.listMessagesAfter(db, roomId, query.after, query.limit + 1), newestFirst: false }
        : { rows: await repo.listMessagesBefore(db, roomId, query.before, query.limit + 1), newestFirst: true };
      const shown = page.rows.slice(0, query.limit);
      const messages = (page.newestFirst ? shown.reverse() : shown).map(present);
      // Reading counts toward trust levels; a failure there never fails the read.
      await deps.onMessagesRead?.(actor, { kind: 'room', id: roomId }, messages.map((m) => ({ authorId: m.author?.id ?? null, createdAt: m.createdAt, hidden: m.hidden, deleted: !!m.deletedAt }))).catch(() => {});
      return { messages, hasMore: page.rows.length > query.limit, lastSeq: room.lastSeq };
    },

    /**
     * A message with the ones just before and after it, oldest first, for the safety case view. No actor: safety's
     * policy has already decided that the on-call worker may see this.
     */
    async listMessagesAround(roomId: string, messageId: string, around: number): Promise<ChatMessage[]> {
      const target = await repo.findMessage(db, roomId, messageId);
      if (!target) return [];
      const [before, after] = await Promise.all([
        repo.listMessagesBefore(db, roomId, target.seq, around),
        repo.listMessagesAfter(db, roomId, target.seq, around),
      ]);
      // Reviewers see the words of hidden messages too: that is what they are reviewing.
      return [...before.reverse(), target, ...after].map((row) => presentMessage(row, cipher, { reveal: true }));
    },

    /**
     * What a reconnecting client missed after `after`, oldest first. When it missed more than BACKLOG_LIMIT, an
     * `invalidate` follows so the app pages the rest over HTTP instead of through one huge burst.
     */
    async listBacklog(actor: Actor, roomId: string, after: number): Promise<RoomEvent[]> {
      if (!(await access.canJoinRoom(actor, roomId))) return [];
      return listRoomBacklog(roomId, after);
    },

    /** A room's missed messages without a per-person check (see below). */
    listRoomBacklog,
  };

  /**
   * What a room's subscribers missed after `after`, for callers that have already checked each subscriber may read the
   * room (the realtime gateway's shared catch-up): the same events as `listBacklog`, without a per-person check.
   */
  async function listRoomBacklog(roomId: string, after: number): Promise<RoomEvent[]> {
    const rows = await repo.listMessagesAfter(db, roomId, after, BACKLOG_LIMIT + 1);
    const room = topic(roomId);
    const events: RoomEvent[] = rows.slice(0, BACKLOG_LIMIT).map((row) => {
      const message = present(row);
      return { type: 'message.created', room, seq: message.seq, message };
    });
    if (rows.length > BACKLOG_LIMIT) events.push({ type: 'invalidate', room, keys: ['messages'] });
    return events;
  }
}
