/**
 * When check-ins and questionnaires are due. Gentle by design: a questionnaire at joining and then every N days, a
 * check-in after a session the person attended (for 48 hours) or when the last one is N days old, and never more
 * than one reminder per due date.
 */
const DAY_MS = 86_400_000;
/** How long after a session its check-in is still offered. */
export const AFTER_SESSION_MS = 48 * 3_600_000;

export type Due = { due: boolean; dueAt: Date | null; lastAt: Date | null };

/** Due at joining (never taken), then `intervalDays` after the last one. */
export function screeningDue(lastAt: Date | null, intervalDays: number, now: Date): Due {
  if (!lastAt) return { due: true, dueAt: now, lastAt: null };
  const dueAt = new Date(lastAt.getTime() + intervalDays * DAY_MS);
  return { due: now >= dueAt, dueAt, lastAt };
}

/** Offered after an attended session that ended since the last check-in, or when the last check-in is old enough. */
export function checkinDue(lastAt: Date | null, intervalDays: number, now: Date, attendedSessionEndedAt: Date | null): Due & { afterSession: boolean } {
  if (attendedSessionEndedAt && (!lastAt || lastAt < attendedSessionEndedAt) && now.getTime() - attendedSessionEndedAt.getTime() <= AFTER_SESSION_MS) {
    return { due: true, dueAt: attendedSessionEndedAt, lastAt, afterSession: true };
  }
  if (!lastAt) return { due: true, dueAt: now, lastAt: null, afterSession: false };
  const dueAt = new Date(lastAt.getTime() + intervalDays * DAY_MS);
  return { due: now >= dueAt, dueAt, lastAt, afterSession: false };
}

/** One key per person, kind and due day, so a reminder is stored and sent once however often it is scheduled. */
export function reminderKey(kind: string, userId: string, dueAt: Date): string {
  return `outcomes:${kind}:${userId}:${dueAt.toISOString().slice(0, 10)}`;
}
