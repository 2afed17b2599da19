import type { DbOrTx } from '../../platform/db/index.ts';
import type { NotificationInput, Notifier } from '../../platform/notify.ts';
import * as repo from './events.repo.ts';

/** A registered person hears about an event a day before and an hour before. */
export const EVENT_REMINDERS = [
  { slot: '24h', kind: 'event.reminder_24h', beforeMs: 24 * 60 * 60_000 },
  { slot: '1h', kind: 'event.reminder_1h', beforeMs: 60 * 60_000 },
] as const;

const keyPrefix = (eventId: string) => `event:${eventId}:`;

type ReminderEvent = { id: string; title: string; startsAt: Date };

/** Schedules the reminders still ahead in the caller's transaction; the key carries the start, so a moved event reminds again. */
export async function scheduleEventReminders(notifier: Notifier, tx: DbOrTx, event: ReminderEvent, userId: string, now: Date) {
  for (const { slot, kind, beforeMs } of EVENT_REMINDERS) {
    const at = new Date(event.startsAt.getTime() - beforeMs);
    if (at <= now) continue;
    await notifier.schedule(
      tx,
      { userId, kind, url: `/events/${event.id}`, params: { eventId: event.id, startsAt: event.startsAt.toISOString(), title: event.title }, dedupeKey: `${keyPrefix(event.id)}${slot}:${event.startsAt.getTime()}` },
      at,
    );
  }
}

/** Cancels pending reminders for one person (registration cancelled) or everyone (event moved or cancelled). */
export async function cancelEventReminders(notifier: Notifier, tx: DbOrTx, eventId: string, userId?: string) {
  await notifier.cancel(tx, { dedupeKeyPrefix: keyPrefix(eventId), ...(userId ? { userId } : {}) });
}

/** Checked when a reminder comes due: the event still happens at that time and the person still holds a place. */
export async function isEventReminderStillDue(db: DbOrTx, input: NotificationInput): Promise<boolean> {
  const eventId = input.params?.eventId;
  const startsAt = input.params?.startsAt;
  if (typeof eventId !== 'string' || typeof startsAt !== 'string') return false;
  const event = await repo.findEvent(db, eventId);
  if (!event || event.status !== 'scheduled' || event.startsAt.toISOString() !== startsAt) return false;
  return (await repo.findRegistration(db, eventId, input.userId))?.status === 'registered';
}
