import type { DbOrTx } from './db/index.ts';

/**
 * One notification for one person. Modules describe *what happened*; the notifications module owns the wording,
 * the channels (in-app, e-mail, Web Push), preferences, quiet hours and digests.
 * E-mail and push text never carry sensitive content: at most "You have a new message".
 */
export type NotificationInput = {
  userId: string;
  /** Dotted kind, e.g. "session.reminder_24h", "forum.reply", "direct.request", "moderation.outcome". */
  kind: string;
  /** In-app path the notification opens, e.g. "/forums/threads/…". */
  url: string;
  /** Non-sensitive values the wording may use (a group name, a time). Never message text. */
  params?: Record<string, string | number>;
  /** Same key for the same person → stored and sent once (e.g. `reminder:24h:<sessionId>`). */
  dedupeKey?: string;
};

/** Sends now (after the caller's transaction commits when `tx` is given). */
export type Notify = (input: NotificationInput, tx?: DbOrTx) => Promise<void>;
/** Schedules a durable notification for later (a Postgres job); survives restarts, runs once across nodes. */
export type ScheduleNotification = (tx: DbOrTx, input: NotificationInput, at: Date) => Promise<void>;

/**
 * Cancels pending scheduled notifications whose dedupe key starts with `dedupeKeyPrefix` (for one person, or for
 * everyone when `userId` is omitted). Pass the caller's transaction so the cancel commits with the change.
 */
export type CancelScheduled = (tx: DbOrTx, match: { userId?: string; dedupeKeyPrefix: string }) => Promise<number>;

/** The port other modules receive from main.ts. */
export type Notifier = { notify: Notify; schedule: ScheduleNotification; cancel: CancelScheduled };
