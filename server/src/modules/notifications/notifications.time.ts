import { DateTime } from 'luxon';

/** "HH:MM" → minutes after midnight. */
export function parseClock(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

function safeZone(timezone: string): string {
  return DateTime.now().setZone(timezone).isValid ? timezone : 'UTC';
}

/**
 * When quiet hours (local wall clock, in the person's own time zone) end, if `at` falls inside them; otherwise null.
 * Quiet hours may wrap midnight (22:00–07:00). Equal start and end means none.
 */
export function quietHoursEnd(at: Date, timezone: string, quiet: { start: string; end: string } | null): Date | null {
  if (!quiet) return null;
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === end) return null;
  const local = DateTime.fromJSDate(at, { zone: safeZone(timezone) });
  const minute = local.hour * 60 + local.minute;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  let endDay = local.startOf('day');
  if (start > end && minute >= start) endDay = endDay.plus({ days: 1 });
  // Build the end from the wall clock, so a DST change inside the quiet hours still ends them at, say, 07:00.
  return endDay.set({ hour: Math.floor(end / 60), minute: end % 60 }).toJSDate();
}

/** The next time it is `hour`:00 in the person's time zone, strictly after `at`. */
export function nextLocalHour(at: Date, timezone: string, hour: number): Date {
  const local = DateTime.fromJSDate(at, { zone: safeZone(timezone) });
  let next = local.startOf('day').set({ hour });
  if (next <= local) next = local.startOf('day').plus({ days: 1 }).set({ hour });
  return next.toJSDate();
}

/**
 * A session time as the recipient reads it, in their own time zone: "today at 19:00", "tomorrow at 19:00",
 * or "on Tuesday 3 March at 19:00".
 */
export function describeWhen(startsAt: Date, now: Date, timezone: string): { day: string; time: string; phrase: string } {
  const zone = safeZone(timezone);
  const local = DateTime.fromJSDate(startsAt, { zone }).setLocale('en-GB');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(local.startOf('day').diff(today, 'days').days);
  const time = local.toFormat('HH:mm');
  const day = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `on ${local.toFormat('cccc d MMMM')}`;
  return { day, time, phrase: `${day} at ${time}` };
}
