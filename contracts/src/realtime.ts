import { z } from 'zod';

/** Realtime rooms are named `<scope>:<id>`, e.g. `room:<uuid>` for a chat room. */
export const RoomName = z.string().regex(/^[a-z]+:[0-9a-zA-Z-]+$/, 'must look like scope:id');

/** A chat message as every client sees it. `seq` is strictly increasing per room: the catch-up cursor. */
export const ChatMessage = z.object({
  id: z.string(),
  roomId: z.string(),
  seq: z.number().int(),
  clientId: z.string(),
  author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  body: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  /** Hidden by moderation: the words are withheld from everyone but the author and moderators. */
  hidden: z.boolean().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const PresenceMember = z.object({ userId: z.string(), displayName: z.string() });
export type PresenceMember = z.infer<typeof PresenceMember>;

/**
 * Messages a client sends over the websocket. Chat can be sent over HTTP or with `send` here: either way it is
 * assessed, moderated and stored before it is acknowledged (`sent`, or `send_failed` with a kind message).
 */
export const ClientEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), room: RoomName, after: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('send'), room: RoomName, clientId: z.string().min(1).max(64), body: z.string().max(20_000) }),
  z.object({ type: z.literal('unsubscribe'), room: RoomName }),
  z.object({ type: z.literal('typing'), room: RoomName }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientEvent = z.infer<typeof ClientEvent>;

/** Why a live subscription was ended by the server; the client words it kindly. */
export const REVOKE_REASONS = ['removed', 'left', 'banned', 'suspended', 'archived', 'closed', 'blocked', 'signed_out', 'account_deleted', 'access_changed'] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

/** Messages the server sends. Payloads are small; clients refetch through the API when they need more. */
export type ServerEvent =
  | { type: 'subscribed'; room: string; presence: PresenceMember[] }
  | { type: 'message.created'; room: string; seq: number; message: ChatMessage }
  | { type: 'message.updated'; room: string; message: ChatMessage }
  | { type: 'typing'; room: string; user: PresenceMember }
  | { type: 'presence'; room: string; presence: PresenceMember[] }
  | { type: 'invalidate'; room: string; keys: string[] }
  | { type: 'error'; room?: string; code: string; message: string }
  | { type: 'pong' }
  /** To the sender only: the message sent with `send` is stored; `message` is what the HTTP send would have answered. */
  | { type: 'sent'; room: string; clientId: string; seq: number; message: ChatMessage & Record<string, unknown> }
  /** To the sender only: the message was not stored (keep the draft); `message` says why and what to do next. */
  | { type: 'send_failed'; room: string; clientId: string; code: string; status: number; message: string }
  | { type: 'reconnect'; reason: string; retryAfterMs: number }
  /**
   * This connection no longer hears `room` (removed, banned, archived, closed, signed out …): nothing more is delivered
   * and joining again is refused. The client keeps any draft visible but stops retrying the join.
   */
  | { type: 'revoked'; room: string; reason: RevokeReason }
  /** To the author's private `user:<id>` room only: show the gentle resources card (never shown to others). */
  | { type: 'safety.card'; room: string; level: 'concern' | 'urgent'; aboutSomeoneElse: boolean; caseId?: string }
  /** To the on-call dashboard `oncall:<orgId>`: someone may need a person now. No words, no names: refetch the case. */
  | { type: 'case.opened'; room: string; caseId: string; level: 'none' | 'concern' | 'urgent' }
  | { type: 'case.escalated'; room: string; caseId: string; level: 'none' | 'concern' | 'urgent'; tier: number }
  /** To a person's private `user:<id>` room: a new in-app notification (kind and link only) and the unread count. */
  | { type: 'notification.created'; room: string; notification: NotificationSummary; unreadCount: number }
  /** To `user:<id>`: notifications were marked read (on any device); the bell shows the new count. */
  | { type: 'notification.read'; room: string; unreadCount: number };

/** A notification as the realtime event carries it: what kind, where it leads; the client renders the words. */
export type NotificationSummary = { id: string; kind: string; url: string; params: Record<string, string | number>; createdAt: string };
