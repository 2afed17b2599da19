import * as rruleNs from 'rrule';
import { DateTime } from 'luxon';

// rrule ships a UMD bundle as its CommonJS entry, so under Node's ESM loader the named exports live on `default`.
const { RRule } = ((rruleNs as unknown as { default?: typeof rruleNs }).default ?? rruleNs) as typeof rruleNs;

/** Recurrences we materialize. Sub-daily rules would flood people's calendars, so they are refused. */
const FREQS = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const DAY = '(?:[+-]?[1-5]?)(?:MO|TU|WE|TH|FR|SA|SU)';
const PARTS: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY: new RegExp(`^${DAY}(,${DAY})*$`),
  BYMONTHDAY: /^-?\d{1,2}(,-?\d{1,2})*$/,
  BYMONTH: /^\d{1,2}(,\d{1,2})*$/,
  BYSETPOS: /^-?\d{1,3}(,-?\d{1,3})*$/,
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

/** Normalizes "RRULE:FREQ=…" to "FREQ=…"; returns null when the rule is not one we can schedule. */
export function normalizeRrule(input: string): string | null {
  const text = input.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (!text || /[\r\n]/.test(text)) return null;
  const seen = new Set<string>();
  for (const part of text.split(';')) {
    const [key, value, extra] = part.split('=');
    if (!key || value === undefined || extra !== undefined || seen.has(key)) return null;
    const pattern = PARTS[key];
    if (!pattern || !pattern.test(value)) return null;
    seen.add(key);
  }
  if (!seen.has('FREQ') || (seen.has('COUNT') && seen.has('UNTIL'))) return null;
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined || !FREQS.has(RRule.FREQUENCIES[options.freq] ?? '')) return null;
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) }).after(new Date(Date.UTC(2026, 0, 1)), true);
  } catch {
    return null;
  }
  return text;
}

/** "2026-03-03T19:00" (wall clock, no offset). */
export const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** True when the wall-clock string names a real calendar date and time. */
export function isValidLocal(local: string): boolean {
  if (!LOCAL_DATETIME.test(local)) return false;
  return DateTime.fromISO(local, { zone: 'UTC' }).isValid;
}

/** Turns a wall-clock time in a zone into an instant. A time skipped by a DST change moves forward by the gap. */
export function localToInstant(local: string, timezone: string): Date {
  const w = DateTime.fromISO(local, { zone: 'UTC' });
  return DateTime.fromObject({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute }, { zone: timezone }).toJSDate();
}

/** The wall-clock time of an instant in a zone, as "yyyy-MM-ddTHH:mm". */
export function instantToLocal(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export type Occurrence = { occurrenceLocal: string; startsAt: Date; endsAt: Date };
export type Recurrence = { rrule: string; startLocal: string; timezone: string; durationMinutes: number };

const MAX_OCCURRENCES = 1000;

/**
 * Occurrences whose start falls in [from, to). The rule is expanded in floating time (a UTC Date whose UTC fields
 * are the local wall clock), then each wall-clock start is placed in the zone, so "Tuesdays 19:00 Europe/London"
 * stays at 19:00 local on both sides of a DST change.
 */
export function expandOccurrences(rec: Recurrence, from: Date, to: Date): Occurrence[] {
  const rule = normalizeRrule(rec.rrule);
  if (!rule || !isValidLocal(rec.startLocal) || to <= from) return [];
  const floating = (local: string) => DateTime.fromISO(local, { zone: 'UTC' }).toJSDate();
  const dtstart = floating(rec.startLocal);
  // Widen the floating window by a day on each side: offsets never exceed ±14h, then filter on real instants.
  const floatFrom = new Date(floating(instantToLocal(from, rec.timezone)).getTime() - 86_400_000);
  const floatTo = new Date(floating(instantToLocal(to, rec.timezone)).getTime() + 86_400_000);
  const rrule = new RRule({ ...RRule.parseString(rule), dtstart });
  const out: Occurrence[] = [];
  rrule.between(floatFrom, floatTo, true, (date) => {
    const occurrenceLocal = DateTime.fromJSDate(date, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm");
    const startsAt = localToInstant(occurrenceLocal, rec.timezone);
    if (startsAt >= from && startsAt < to) {
      out.push({ occurrenceLocal, startsAt, endsAt: new Date(startsAt.getTime() + rec.durationMinutes * 60_000) });
    }
    return out.length < MAX_OCCURRENCES;
  });
  return out;
}

/** A short English description of the rule, e.g. "every week on Tuesday". */
export function describeRrule(rrule: string): string {
  const rule = normalizeRrule(rrule);
  if (!rule) return '';
  try {
    return new RRule(RRule.parseString(rule)).toText();
  } catch {
    return '';
  }
}
