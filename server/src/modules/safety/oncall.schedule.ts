import { DateTime } from 'luxon';

export type ShiftWindow = { weekday: number; startMinute: number; endMinute: number; timezone: string };

/**
 * Whether `at` falls inside a weekly shift in the worker's own time zone. A shift whose end is at or before its
 * start runs past midnight into the next day (a night shift).
 */
export function isOnShift(shift: ShiftWindow, at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone: shift.timezone });
  if (!local.isValid) return false;
  const minute = local.hour * 60 + local.minute;
  const day = local.weekday;
  if (shift.endMinute > shift.startMinute) return day === shift.weekday && minute >= shift.startMinute && minute < shift.endMinute;
  const nextDay = (shift.weekday % 7) + 1;
  return (day === shift.weekday && minute >= shift.startMinute) || (day === nextDay && minute < shift.endMinute);
}

/** "HH:MM" → minutes after midnight. */
export function parseClock(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes after midnight → "HH:MM". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether a time zone name is one the server understands (IANA). */
export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
