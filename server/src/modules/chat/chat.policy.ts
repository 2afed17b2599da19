import type { Actor } from '../../platform/http/actor.ts';

/** A person's membership of a group, as the chat policy needs it. */
export type MembershipFacts = { role: 'member' | 'co_facilitator' | 'facilitator'; status: string } | null;

/** A direct conversation's two sides and where it stands. */
export type ConversationFacts = { memberId: string; supporterId: string; status: 'pending' | 'accepted' | 'declined' | 'closed' };

/**
 * Everything the chat policy needs to know about a room, gathered by the service. The policy itself stays pure so
 * HTTP reads and websocket joins are decided by the very same functions.
 */
export type RoomFacts =
  | { kind: 'group'; membership: MembershipFacts; groupArchived: boolean }
  | { kind: 'session'; membership: MembershipFacts; groupArchived: boolean; open: boolean; ended: boolean; cancelled: boolean }
  | { kind: 'direct'; conversation: ConversationFacts | null }
  /** A live small group opened on demand (matching module): its current participants, and whether it is still open. */
  | { kind: 'on_demand'; participant: boolean; open: boolean };

type Who = Pick<Actor, 'userId'>;

function isActive(m: MembershipFacts): boolean {
  return m?.status === 'active';
}

/** Group facilitators (and co-facilitators) hold the space, so they may enter a session's room before it opens. */
export function isGroupFacilitator(m: MembershipFacts): boolean {
  return isActive(m) && (m!.role === 'facilitator' || m!.role === 'co_facilitator');
}

/** True when the person is one of the two people in the conversation. */
export function isParticipant(actor: Who, c: ConversationFacts | null): boolean {
  return !!c && (c.memberId === actor.userId || c.supporterId === actor.userId);
}

/**
 * Whether the person may know the room exists and see its details (title, when it opens). Anyone else gets a 404.
 * Group and session rooms: active members of the group. Direct rooms: the two participants once a room exists.
 */
export function canSeeRoom(actor: Who, room: RoomFacts): boolean {
  if (room.kind === 'direct') return isParticipant(actor, room.conversation) && room.conversation!.status !== 'pending' && room.conversation!.status !== 'declined';
  if (room.kind === 'on_demand') return room.participant;
  return isActive(room.membership);
}

/**
 * Whether the person may read the room's messages and join it live (the same rule for both).
 * A session room is open from 15 minutes before the start to the end; facilitators may enter early, never after the end.
 * A closed one-to-one conversation stays readable by its two participants so they can look back on it.
 */
export function canReadRoom(actor: Who, room: RoomFacts): boolean {
  if (!canSeeRoom(actor, room)) return false;
  switch (room.kind) {
    case 'group':
      return true;
    case 'session':
      return room.open || (isGroupFacilitator(room.membership) && !room.ended && !room.cancelled);
    case 'direct':
      return room.conversation!.status === 'accepted' || room.conversation!.status === 'closed';
    case 'on_demand':
      return true;
  }
}

/** Whether the person may post (and edit their own messages): readers of a room that is still active. */
export function canPostInRoom(actor: Who, room: RoomFacts): boolean {
  if (!canReadRoom(actor, room)) return false;
  switch (room.kind) {
    case 'group':
    case 'session':
      return !room.groupArchived;
    case 'direct':
      return room.conversation!.status === 'accepted';
    case 'on_demand':
      return room.open;
  }
}

/** Only the author may edit or delete a message, and a deleted message stays deleted. */
export function canChangeMessage(actor: Who, message: { authorId: string | null; deletedAt: Date | null }): boolean {
  return message.authorId === actor.userId && message.deletedAt === null;
}

/** Only the requested peer supporter accepts or declines, and only while the request is waiting. */
export function canRespondToConversation(actor: Who, c: ConversationFacts): boolean {
  return c.supporterId === actor.userId && c.status === 'pending';
}

/** Either person may close a conversation that is waiting or under way (a member closing a pending one withdraws it). */
export function canCloseConversation(actor: Who, c: ConversationFacts): boolean {
  return isParticipant(actor, c) && (c.status === 'pending' || c.status === 'accepted');
}

/** A person may ask a peer supporter in their organization for a one-to-one conversation, never themselves. */
export function canRequestConversation(actor: Pick<Actor, 'userId' | 'orgId'>, supporter: { id: string; orgId: string; role: string }): boolean {
  return supporter.role === 'peer_supporter' && supporter.orgId === actor.orgId && supporter.id !== actor.userId;
}
