import type { ChatMessage } from '@hearth/contracts';
import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { PostRateLimiter } from './post-rate.ts';

/** A chat message as moderation sees it (chat's `findMessageForModeration`). */
export type ModeratedMessage = {
  id: string; roomId: string; orgId: string; roomKind: string; groupId: string | null; sessionId: string | null;
  authorId: string | null; authorName: string | null; body: string; hidden: boolean; deleted: boolean; createdAt: Date;
};

/** A forum post as moderation sees it (forums' `findPostForModeration`). */
export type ModeratedPost = {
  id: string; threadId: string; boardId: string; orgId: string; groupId: string | null; authorId: string | null; authorName: string | null;
  title: string; body: string; hidden: boolean; deleted: boolean; createdAt: Date;
};

export type ContextEntry = { id: string; author: { id: string; displayName: string } | null; body: string; createdAt: string; hidden?: boolean };

/** What moderation needs from chat, given by main.ts (chat never imports moderation, and moderation never imports chat). */
export type ChatPort = {
  findMessageForModeration(messageId: string): Promise<ModeratedMessage | null>;
  setMessageHidden(messageId: string, hidden: boolean, at: Date): Promise<void>;
  listMessagesAround(roomId: string, messageId: string, around: number): Promise<ChatMessage[]>;
  findSessionRoomId(sessionId: string): Promise<string | null>;
  /** The chat read policy: may this person read the room? */
  canJoinRoom(actor: Actor, roomId: string): Promise<boolean>;
};

/** What moderation needs from forums. */
export type ForumsPort = {
  findPostForModeration(postId: string): Promise<ModeratedPost | null>;
  setPostHidden(postId: string, hidden: boolean, at: Date, moderatorId: string | null): Promise<void>;
  listPostsAround(postId: string, around: number): Promise<ContextEntry[]>;
  countReactionsReceived(userId: string): Promise<number>;
  /** The forum read policy: may this person read the thread? */
  canReadThread(actor: Actor, threadId: string): Promise<boolean>;
};

/** What moderation needs from groups and sessions, for facilitators' live-session controls and group summaries. */
export type GroupsPort = {
  findMembership(groupId: string, userId: string): Promise<{ role: 'member' | 'co_facilitator' | 'facilitator'; status: string } | null>;
  findGroup(groupId: string): Promise<{ id: string; orgId: string; name: string } | null>;
};
export type SessionsPort = {
  findSession(sessionId: string): Promise<{ id: string; groupId: string; startsAt: Date; endsAt: Date; status: string } | null>;
  endSessionNow(actor: Actor, sessionId: string): Promise<unknown>;
};

/** Accounts: a suspended or banned person is signed out everywhere. */
export type AccountsPort = { findUser(userId: string): Promise<{ id: string; orgId: string; role: string; displayName: string; createdAt: Date } | null> };

/**
 * The safety on-call flow: "I'm worried about this person" opens (or joins) a case there, never the moderation queue.
 * Safety's `raiseForPerson`, passed in by main.ts.
 */
export type RaiseWorry = (input: {
  orgId: string;
  userId: string;
  raisedBy: string | null;
  level: 'concern' | 'urgent';
  source: { kind: 'worry_report'; id?: string };
  reasons: string[];
  note?: string;
}) => Promise<{ caseId: string }>;

/** What the moderation module is built from. */
export type ModerationDeps = {
  db: Db;
  hub: RealtimeHub;
  cipher: FieldCipher;
  logger: Logger;
  now: () => Date;
  chat: ChatPort;
  forums: ForumsPort;
  groups: GroupsPort;
  sessions: SessionsPort;
  accounts: AccountsPort;
  raiseWorry?: RaiseWorry;
  notifier?: Notifier;
  /** Counts posts per minute; shared through Redis when REDIS_URL is set (main.ts), in this process otherwise. */
  postRate?: PostRateLimiter;
};

export const queueRoom = (orgId: string) => `modqueue:${orgId}`;
