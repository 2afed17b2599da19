import { DateTime } from 'luxon';

/**
 * The friendly repeat picker's model and the RFC 5545 RRULE it stands for. Facilitators choose "every week on
 * Tuesday and Thursday", "every 2 weeks" or "every month on the 2nd Wednesday"; the server stores the RRULE and
 * expands it at a wall-clock time in the group's time zone.
 */

/** RRULE weekday codes, Monday first (ISO order, like luxon's weekday 1–7). */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** Which weekday of the month: 1st–4th, or the last (-1). */
export const MONTH_POSITIONS = [1, 2, 3, 4, -1] as const;
export type MonthPosition = (typeof MONTH_POSITIONS)[number];

export type RepeatPattern =
  | { kind: 'weekly'; weekdays: WeekdayCode[] }
  | { kind: 'fortnightly'; weekdays: WeekdayCode[] }
  | { kind: 'monthly'; position: MonthPosition; weekday: WeekdayCode };

/** Weekdays in Monday-first order without repeats. */
function sortWeekdays(days: readonly WeekdayCode[]): WeekdayCode[] {
  return WEEKDAY_CODES.filter((code) => days.includes(code));
}

/** The RRULE for a pattern, e.g. FREQ=WEEKLY;BYDAY=TU,TH. Null when a weekly pattern has no day chosen. */
export function buildRrule(pattern: RepeatPattern): string | null {
  if (pattern.kind === 'monthly') return `FREQ=MONTHLY;BYDAY=${pattern.position}${pattern.weekday}`;
  const days = sortWeekdays(pattern.weekdays);
  if (days.length === 0) return null;
  const interval = pattern.kind === 'fortnightly' ? ';INTERVAL=2' : '';
  return `FREQ=WEEKLY${interval};BYDAY=${days.join(',')}`;
}

/** The weekday code of a calendar date (yyyy-MM-dd), or null when the date is not valid. */
export function weekdayOfDate(date: string): WeekdayCode | null {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  return dt.isValid ? WEEKDAY_CODES[dt.weekday - 1]! : null;
}

/** Which weekday of its month a date is: 1–4, or -1 for a fifth (always the last). */
export function monthPositionOfDate(date: string): MonthPosition | null {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  if (!dt.isValid) return null;
  const nth = Math.ceil(dt.day / 7);
  return nth >= 5 ? -1 : (nth as MonthPosition);
}

/** The wall-clock value the server expects: "2026-03-03T19:00". Null when the date or time is not valid. */
export function toLocalDateTime(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  return DateTime.fromISO(`${date}T${time}`, { zone: 'UTC' }).isValid ? `${date}T${time}` : null;
}

/**
 * A session moved to a wall-clock date and time in the group's zone, keeping its length:
 * { startsAt, endsAt } as ISO instants with offsets. Null when the date or time is not valid.
 */
export function movedTimes(date: string, time: string, zone: string, durationMinutes: number): { startsAt: string; endsAt: string } | null {
  const local = toLocalDateTime(date, time);
  if (!local) return null;
  const start = DateTime.fromISO(local, { zone });
  if (!start.isValid) return null;
  return { startsAt: start.toUTC().toISO()!, endsAt: start.plus({ minutes: durationMinutes }).toUTC().toISO()! };
}

/** Whole minutes between two instants. */
export function minutesBetween(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
}

/** Today's date (yyyy-MM-dd) in a zone, for date pickers' defaults and minimums. */
export function todayIn(zone: string, now: DateTime = DateTime.now()): string {
  return now.setZone(zone).toISODate() ?? now.toISODate()!;
}
