import { DateTime, Info } from 'luxon';
import type { Shift } from './api.ts';

/** ISO weekdays, Monday first, as the server stores them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A weekday's name in the reader's language ("Monday", "lunes"). */
export function weekdayName(weekday: number, locale: string, style: 'long' | 'short' = 'long'): string {
  return Info.weekdays(style, { locale })[weekday - 1] ?? String(weekday);
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What kind of window a shift is: the whole day (start equals end), past midnight, or within one day. */
export function shiftSpan(shift: Shift): 'allDay' | 'overnight' | 'sameDay' {
  if (shift.start === shift.end) return 'allDay';
  return shift.end < shift.start ? 'overnight' : 'sameDay';
}

/** Field problems of a shift row before sending it (message keys under `safety.shifts.errors`). */
export function checkShift(shift: Shift): { start?: 'time'; end?: 'time' } {
  return { ...(CLOCK.test(shift.start) ? {} : { start: 'time' as const }), ...(CLOCK.test(shift.end) ? {} : { end: 'time' as const }) };
}

/** Shifts sorted the way people read a week: by day, then start time. */
export function sortShifts(shifts: Shift[]): Shift[] {
  return [...shifts].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

/**
 * Where a weekly shift's start falls in another time zone (the viewer's), using the coming week, so a rota kept
 * in Tokyo reads correctly in Madrid. Returns the weekday and clock there.
 */
export function shiftStartIn(shift: Shift, fromZone: string, toZone: string, now: Date = new Date()): { weekday: number; time: string } | null {
  const [h, m] = shift.start.split(':').map(Number);
  const base = DateTime.fromJSDate(now, { zone: fromZone });
  if (!base.isValid || !DateTime.now().setZone(toZone).isValid) return null;
  const daysAhead = (shift.weekday - base.weekday + 7) % 7;
  const start = base.plus({ days: daysAhead }).set({ hour: h, minute: m, second: 0, millisecond: 0 }).setZone(toZone);
  return { weekday: start.weekday, time: start.toFormat('HH:mm') };
}

/** The acknowledgement time limit is stored in seconds and set in minutes (half a minute to an hour). */
export const slaSecondsToMinutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;
export const slaMinutesToSeconds = (minutes: number) => Math.round(minutes * 60);
