import type { Db } from '../../platform/db/index.ts';
import { createCoalescer } from '../../platform/coalesce.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { Notify } from '../../platform/notify.ts';
import type { GroupsService } from '../groups/index.ts';
import { LIVE_ROOM_OPENS_BEFORE_MS, type SessionFacts, type SessionsService } from '../sessions/index.ts';
import { ChatErrors } from './chat.errors.ts';
import { canPostInRoom, canReadRoom, canSeeRoom, type MembershipFacts, type RoomFacts } from './chat.policy.ts';
import * as repo from './chat.repo.ts';
import type { Room } from './chat.schemas.ts';

/** What the sender sees privately after a message that worried the safety check: the gentle card. */
export type SafetyNotice = { card: 'concern' | 'urgent'; aboutSomeoneElse: boolean };

/**
 * The safety check, wired in main.ts (safety reads chat for case context, so chat must not import safety).
 * `screen` assesses the words before they are stored; `route` runs after storing and before broadcasting.
 */
export type MessageScreen = {
  screen(author: { userId: string; orgId: string }, text: string): Promise<{ level?: 'none' | 'concern' | 'urgent'; route(source: { kind: 'chat_message'; id: string; roomId: string }): Promise<SafetyNotice | null> }>;
  /** The card already decided for a stored message, so a resend with the same client id shows it again. */
  findNotice?(author: { userId: string; orgId: string }, source: { kind: 'chat_message'; id: string }): Promise<SafetyNotice | null>;
};

/** On-demand small groups live in the matching module, which tells chat who is in a room and whether it is open. */
export type OnDemandRoomFacts = {
  findRoomFacts(roomId: string, userId: string): Promise<{ participant: boolean; open: boolean; title: string } | null>;
  /** `findRoomFacts` for many (room, person) pairs in one statement, keyed `room:user` (the post path asks once per batch). */
  listRoomFacts?(pairs: Array<{ roomId: string; userId: string }>): Promise<Map<string, { participant: boolean; open: boolean; title: string }>>;
};

/** What moderation tells the author of a message it changed or held (shown privately beside the composer). */
export type ModerationNotice = { kind: 'held' | 'redacted' | 'censored'; message: string };

/**
 * Moderation, wired in main.ts (chat must not import it). `check` runs after the safety screen and before storing:
 * it throws a kind error to stop a message, or returns the words to store (perhaps redacted) and whether to hold them.
 * `record` runs once the message is stored. It never holds or blocks a message the safety screen was worried about.
 */
export type MessageGate = {
  check(
    author: { userId: string; orgId: string; role: string },
    input: {
      kind: 'chat_message';
      text: string;
      safetyLevel: 'none' | 'concern' | 'urgent';
      place: { roomId: string; roomKind: string; groupId: string | null; sessionId: string | null };
      editOf?: string;
    },
  ): Promise<{ text: string; hold: boolean; unhide: boolean; notice: ModerationNotice | null; record(source: { id: string }): Promise<void> }>;
  /** Throws when the person asked has blocked the one asking. */
  assertMayRequestConversation(member: { userId: string; orgId: string }, supporterId: string): Promise<void>;
};

/** The sessions module's read port: many sessions at once (live-access re-check) and session rooms' posting facts (send path). */
export type SessionBatchFacts = Pick<SessionFacts, 'findSessions' | 'listPostingFacts'>;
type SessionPostingFacts = Awaited<ReturnType<SessionBatchFacts['listPostingFacts']>> extends Map<string, infer F> ? F : never;

/** What every chat use case is built from (the chat service's factory arguments). */
export type ChatDeps = { db: Db; hub: RealtimeHub; cipher: FieldCipher; groups: GroupsService; sessions: SessionsService; now: () => Date; screen?: MessageScreen; onDemand?: OnDemandRoomFacts; moderation?: MessageGate; notify?: Notify; canTakeOneToOne?: CanTakeOneToOne; onMessageStored?: OnMessageStored; onMessagesRead?: OnMessagesRead; sessionFacts: SessionBatchFacts };

/** Told after a page of history was delivered to a reader (moderation counts posts read for trust levels; wired in main.ts). */
export type OnMessagesRead = (
  reader: { userId: string; orgId: string },
  place: { kind: 'room'; id: string },
  messages: { authorId: string | null; createdAt: string; hidden?: boolean; deleted?: boolean }[],
) => Promise<unknown>;

/** Told after a new message is stored and broadcast (outcomes records its sentiment; wired in main.ts). Must not throw. */
export type OnMessageStored = (message: { messageId: string; roomId: string; authorId: string; orgId: string; text: string }) => Promise<void>;

/** Whether a person may take one-to-one requests (certified peer supporters; training decides, wired in main.ts). */
export type CanTakeOneToOne = (who: { userId: string; orgId: string }) => Promise<boolean>;

/** What chat uses of a session: when it runs, its group and title (the sessions module's row has more). */
type Session = SessionPostingFacts['session'];

/** A room with the facts the policy decides on, and what the caller sees of it. */
export type LoadedRoom = {
  room: repo.RoomRow;
  facts: RoomFacts;
  title: string;
  session: Session | null;
  conversation: repo.ConversationWithPeople | null;
};

/** How many room rows each node keeps for the post path. */
const ROOM_ROWS_KEPT = 20_000;

/** Finding rooms, deciding who may see, read and post in them, and presenting them. */
export function createRoomAccess(deps: ChatDeps) {
  const { db, groups, sessions, now } = deps;

  async function membershipOf(groupId: string, userId: string): Promise<MembershipFacts> {
    const m = await groups.findMembership(groupId, userId);
    return m ? { role: m.role, status: m.status } : null;
  }

  /**
   * The post path reads a group room's facts for every message in one statement per batch (fresh each time: no
   * authorization is kept, so leaving, removal or archiving stops the very next message, on any node).
   */
  const groupFacts = createCoalescer<{ groupId: string; userId: string }, repo.GroupPostingFacts | null>(async (pairs) => {
    const found = await repo.listGroupPostingFacts(db, pairs);
    return pairs.map((p) => found.get(`${p.groupId}:${p.userId}`) ?? null);
  });

  /** Likewise a direct room's conversation (who is in it, whether it is open): one statement per batch of posts. */
  const conversations = createCoalescer<string, repo.ConversationWithPeople | null>(async (roomIds) => {
    const found = await repo.listConversationsByRooms(db, roomIds);
    return roomIds.map((id) => found.get(id) ?? null);
  });

  /** A session room's facts (the session, its group, the person's membership): one statement per batch of posts, fresh each time. */
  const sessionFacts = createCoalescer<{ sessionId: string; userId: string }, SessionPostingFacts | null>(async (pairs) => {
    const found = await deps.sessionFacts.listPostingFacts(pairs);
    return pairs.map((p) => found.get(`${p.sessionId}:${p.userId}`) ?? null);
  });

  /** An on-demand room's facts from the matching module: one statement per batch of posts, fresh each time. */
  const listOnDemand = deps.onDemand?.listRoomFacts;
  const onDemandFacts = listOnDemand && createCoalescer<{ roomId: string; userId: string }, { participant: boolean; open: boolean; title: string } | null>(async (pairs) => {
    const found = await listOnDemand(pairs);
    return pairs.map((p) => found.get(`${p.roomId}:${p.userId}`) ?? null);
  });

  function sessionRoomFacts(session: Session, membership: MembershipFacts, groupArchived: boolean): RoomFacts {
    const at = now();
    return {
      kind: 'session',
      membership,
      groupArchived,
      open: sessions.isLiveRoomOpen(session, at),
      ended: at >= session.endsAt,
      cancelled: session.status === 'cancelled',
    };
  }

  async function loadGroupRoomForPosting(actor: Actor, room: repo.RoomRow & { groupId: string }): Promise<LoadedRoom | null> {
    const found = await groupFacts.add({ groupId: room.groupId, userId: actor.userId });
    if (!found) return null;
    const membership = found.membership as MembershipFacts;
    return { room, facts: { kind: 'group', membership, groupArchived: found.archivedAt !== null }, title: found.name, session: null, conversation: null };
  }

  async function loadRoom(actor: Actor, room: repo.RoomRow, opts: { forPosting?: boolean } = {}): Promise<LoadedRoom | null> {
    if (opts.forPosting && room.kind === 'group' && room.groupId) return loadGroupRoomForPosting(actor, { ...room, groupId: room.groupId });
    if (room.kind === 'group' && room.groupId) {
      const [group, membership] = await Promise.all([groups.findGroup(room.groupId), membershipOf(room.groupId, actor.userId)]);
      if (!group) return null;
      const facts: RoomFacts = { kind: 'group', membership, groupArchived: group.archivedAt !== null };
      return { room, facts, title: group.name, session: null, conversation: null };
    }
    if (room.kind === 'session' && room.sessionId && opts.forPosting) {
      const found = await sessionFacts.add({ sessionId: room.sessionId, userId: actor.userId });
      if (!found) return null;
      const facts = sessionRoomFacts(found.session, found.membership as MembershipFacts, found.archivedAt !== null);
      return { room, facts, title: found.session.title ?? found.groupName, session: found.session, conversation: null };
    }
    if (room.kind === 'session' && room.sessionId) {
      const session = await sessions.findSession(room.sessionId);
      const group = session && (await groups.findGroup(session.groupId));
      if (!session || !group) return null;
      const facts = sessionRoomFacts(session, await membershipOf(group.id, actor.userId), group.archivedAt !== null);
      return { room, facts, title: session.title ?? group.name, session, conversation: null };
    }
    if (room.kind === 'direct') {
      const conversation = opts.forPosting ? await conversations.add(room.id) : await repo.findConversationByRoom(db, room.id);
      const facts: RoomFacts = { kind: 'direct', conversation };
      const other = conversation?.memberId === actor.userId ? conversation.supporter : conversation?.member;
      return { room, facts, title: other?.displayName ?? '', session: null, conversation };
    }
    if (room.kind === 'on_demand' && deps.onDemand) {
      const found = opts.forPosting && onDemandFacts ? await onDemandFacts.add({ roomId: room.id, userId: actor.userId }) : await deps.onDemand.findRoomFacts(room.id, actor.userId);
      if (!found) return null;
      return { room, facts: { kind: 'on_demand', participant: found.participant, open: found.open }, title: found.title, session: null, conversation: null };
    }
    return null;
  }

  /**
   * A room's kind, org, group and session never change once it exists, so the post path keeps rows per node instead
   * of reading them on every message. Only `lastSeq` goes stale, and posting never reads it. Who may post (membership,
   * archived groups, open sessions, conversations) is still read fresh every time.
   */
  const roomRows = new Map<string, repo.RoomRow>();
  /** Lookups under way, so a room's members arriving at once (a reconnect wave) read its row once. */
  const reading = new Map<string, Promise<repo.RoomRow | null>>();
  async function findRoomForPosting(roomId: string): Promise<repo.RoomRow | null> {
    const known = roomRows.get(roomId);
    if (known) return known;
    const pending = reading.get(roomId);
    if (pending) return pending;
    const lookup = repo.findRoom(db, roomId).then((room) => {
      if (room) {
        if (roomRows.size >= ROOM_ROWS_KEPT) roomRows.delete(roomRows.keys().next().value!);
        roomRows.set(roomId, room);
      }
      return room;
    }).finally(() => reading.delete(roomId));
    reading.set(roomId, lookup);
    return lookup;
  }

  /** The room if the caller may see it; a 404 otherwise, so its existence stays private. */
  async function getVisibleRoom(actor: Actor, roomId: string, opts: { forPosting?: boolean } = {}): Promise<LoadedRoom> {
    const room = opts.forPosting ? await findRoomForPosting(roomId) : await repo.findRoom(db, roomId);
    const loaded = room && (await loadRoom(actor, room, opts));
    if (!loaded || !canSeeRoom(actor, loaded.facts)) throw ChatErrors.roomNotFound();
    return loaded;
  }

  function whyNotReadable(loaded: LoadedRoom) {
    return loaded.facts.kind === 'session' ? ChatErrors.roomClosed() : ChatErrors.roomNotFound();
  }

  function whyNotPostable(loaded: LoadedRoom) {
    if (loaded.facts.kind === 'direct') return ChatErrors.conversationClosed();
    return ChatErrors.groupArchived();
  }

  return {
    loadRoom,
    getVisibleRoom,

    /** The room if the caller may read it: 404 when hidden, 403 `room_closed` when a session room is not open. */
    async getReadableRoom(actor: Actor, roomId: string): Promise<LoadedRoom> {
      const loaded = await getVisibleRoom(actor, roomId);
      if (!canReadRoom(actor, loaded.facts)) throw whyNotReadable(loaded);
      return loaded;
    },

    /** The room if the caller may post in it. */
    async getPostableRoom(actor: Actor, roomId: string): Promise<LoadedRoom> {
      const loaded = await getVisibleRoom(actor, roomId, { forPosting: true });
      if (!canReadRoom(actor, loaded.facts)) throw whyNotReadable(loaded);
      if (!canPostInRoom(actor, loaded.facts)) throw whyNotPostable(loaded);
      return loaded;
    },

    /** A room's row from this node's copy (kind, org, group and session never change; `lastSeq` may be stale). */
    findKnownRoom: findRoomForPosting,

    /**
     * The same rule as reading, for the websocket: false instead of an error. Like posting, it reads the room's row from
     * this node's copy and a group room's facts fresh, batched with everyone else's at that moment (2,000 members
     * reconnecting at once are a few statements, not 6,000).
     */
    async canJoinRoom(actor: Actor, roomId: string): Promise<boolean> {
      const room = await findRoomForPosting(roomId);
      const loaded = room && (await loadRoom(actor, room, { forPosting: true }));
      return !!loaded && canReadRoom(actor, loaded.facts);
    },

    /** The room as the caller sees it, with what they may do. */
    presentRoom(actor: Actor, loaded: LoadedRoom): Room {
      const { room, facts, session } = loaded;
      return {
        roomId: room.id,
        kind: room.kind,
        title: loaded.title,
        groupId: room.groupId ?? session?.groupId ?? null,
        sessionId: room.sessionId,
        conversationId: loaded.conversation?.id ?? null,
        open: facts.kind === 'session' ? facts.open : canPostInRoom(actor, facts),
        opensAt: session ? new Date(session.startsAt.getTime() - LIVE_ROOM_OPENS_BEFORE_MS).toISOString() : null,
        closesAt: session ? session.endsAt.toISOString() : null,
        lastSeq: room.lastSeq,
        abilities: { read: canReadRoom(actor, facts), post: canPostInRoom(actor, facts) },
      };
    },

    /** A group's room, created the first time someone asks. Active members of the group only. */
    async getGroupRoom(actor: Actor, groupId: string): Promise<LoadedRoom> {
      const group = await groups.findGroup(groupId);
      if (!group || !(await groups.isActiveMember(groupId, actor.userId))) throw ChatErrors.roomNotFound();
      const room = await repo.ensureRoom(db, { orgId: group.orgId, kind: 'group', groupId });
      return getVisibleRoom(actor, room.id);
    },

    /** A session's live room, created the first time someone asks. Active members of the session's group only. */
    async getSessionRoom(actor: Actor, sessionId: string): Promise<LoadedRoom> {
      const session = await sessions.findSession(sessionId);
      const group = session && (await groups.findGroup(session.groupId));
      if (!session || !group || !(await groups.isActiveMember(group.id, actor.userId))) throw ChatErrors.roomNotFound();
      const room = await repo.ensureRoom(db, { orgId: group.orgId, kind: 'session', sessionId });
      return getVisibleRoom(actor, room.id);
    },
  };
}

export type RoomAccess = ReturnType<typeof createRoomAccess>;
