import { DateTime } from 'luxon';

/** A weekly window when someone is free, in their own time zone (ISO weekday 1–7, "HH:mm"). end <= start runs past midnight. */
export type WeeklyWindow = { weekday: number; start: string; end: string };

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** True when the instant falls inside one of the windows, read in the person's time zone. */
export function isWithinWindows(at: Date, windows: WeeklyWindow[], timezone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const minute = local.hour * 60 + local.minute;
  const weekday = local.weekday;
  for (const w of windows) {
    const start = toMinutes(w.start);
    const end = toMinutes(w.end);
    if (end > start) {
      if (w.weekday === weekday && minute >= start && minute < end) return true;
    } else {
      // Runs past midnight (or all day when end == start).
      const nextDay = (w.weekday % 7) + 1;
      if ((w.weekday === weekday && minute >= start) || (nextDay === weekday && minute < end)) return true;
    }
  }
  return false;
}

/** The share of upcoming meetings that fall in the person's free windows (null when either side is unknown). */
export function scheduleFit(starts: Date[], windows: WeeklyWindow[], timezone: string): number | null {
  if (starts.length === 0 || windows.length === 0) return null;
  return starts.filter((s) => isWithinWindows(s, windows, timezone)).length / starts.length;
}

/** "Tuesdays 19:00" for the next meeting, in the viewer's zone: weekday (1–7) and local time. */
export function localSlot(at: Date, timezone: string): { weekday: number; time: string } {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  return { weekday: local.weekday, time: local.toFormat('HH:mm') };
}

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** The plain-English slot, e.g. "Tuesdays 19:00 your time". */
export function describeSlot(slot: { weekday: number; time: string }): string {
  return `${WEEKDAYS[slot.weekday - 1]} ${slot.time} your time`;
}

/** True when a supporter is inside one of their windows right now. */
export function isAvailableNow(windows: WeeklyWindow[], timezone: string, now: Date): boolean {
  return isWithinWindows(now, windows, timezone);
}
