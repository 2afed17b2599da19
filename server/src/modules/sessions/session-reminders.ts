import type { DbOrTx } from '../../platform/db/index.ts';
import type { NotificationInput, Notifier } from '../../platform/notify.ts';
import * as repo from './sessions.repo.ts';
import { LIVE_ROOM_OPENS_BEFORE_MS } from './sessions.policy.ts';

/** The reminders a person gets for a session they are going to: a day before, an hour before, and when the live room opens. */
export const REMINDER_SLOTS = [
  { slot: '24h', kind: 'session.reminder_24h', beforeMs: 24 * 60 * 60_000 },
  { slot: '1h', kind: 'session.reminder_1h', beforeMs: 60 * 60_000 },
  { slot: 'open', kind: 'session.room_open', beforeMs: LIVE_ROOM_OPENS_BEFORE_MS },
] as const;

const keyPrefix = (sessionId: string) => `session:${sessionId}:`;

type ReminderSession = { id: string; groupId: string; startsAt: Date };

/**
 * Schedules the reminders still ahead, as durable jobs in the caller's transaction. The dedupe key carries the start
 * time, so after a move the new reminders are sent even if an old one already went out.
 */
export async function scheduleReminders(notifier: Notifier, tx: DbOrTx, session: ReminderSession, group: { name: string }, userId: string, now: Date) {
  for (const { slot, kind, beforeMs } of REMINDER_SLOTS) {
    const at = new Date(session.startsAt.getTime() - beforeMs);
    if (at <= now) continue;
    await notifier.schedule(
      tx,
      {
        userId,
        kind,
        url: slot === 'open' ? `/sessions/${session.id}/room` : `/groups/${session.groupId}`,
        params: { sessionId: session.id, startsAt: session.startsAt.toISOString(), groupName: group.name },
        dedupeKey: `${keyPrefix(session.id)}${slot}:${session.startsAt.getTime()}`,
      },
      at,
    );
  }
}

/** Cancels a session's pending reminders, for one person (not going any more) or everyone (cancelled or moved). */
export async function cancelReminders(notifier: Notifier, tx: DbOrTx, sessionId: string, userId?: string) {
  await notifier.cancel(tx, { dedupeKeyPrefix: keyPrefix(sessionId), ...(userId ? { userId } : {}) });
}

/** After a move: everyone going gets their reminders again at the new time. */
export async function rescheduleReminders(notifier: Notifier, tx: DbOrTx, session: ReminderSession, group: { name: string }, now: Date) {
  await cancelReminders(notifier, tx, session.id);
  for (const userId of await repo.listGoingUserIds(tx, session.id)) await scheduleReminders(notifier, tx, session, group, userId, now);
}

/**
 * Checked when a reminder comes due: the session still happens at the time the reminder names, and the person is
 * still going. Covers changes that did not pass through the hooks above (a schedule regenerated, a person removed).
 */
export async function isReminderStillDue(db: DbOrTx, input: NotificationInput): Promise<boolean> {
  const sessionId = input.params?.sessionId;
  const startsAt = input.params?.startsAt;
  if (typeof sessionId !== 'string' || typeof startsAt !== 'string') return false;
  const session = await repo.findSession(db, sessionId);
  if (!session || session.status === 'cancelled' || session.startsAt.toISOString() !== startsAt) return false;
  return (await repo.findRsvp(db, sessionId, input.userId))?.status === 'going';
}
