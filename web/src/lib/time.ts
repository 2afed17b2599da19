import { DateTime } from 'luxon';

/**
 * The locale for dates: the browser's own regional variant when it matches the interface language
 * (en-GB readers get "3 March, 19:00"), else the interface language.
 */
export function resolveDateLocale(language: string, browser: readonly string[] = typeof navigator !== 'undefined' ? navigator.languages ?? [] : []): string {
  const base = language.split('-')[0]?.toLowerCase() ?? language;
  return browser.find((l) => l.toLowerCase().split('-')[0] === base) ?? language;
}

/** The browser's IANA time zone, or UTC when it cannot tell. */
export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const FALLBACK_ZONES = [
  'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Madrid', 'Europe/Paris', 'Europe/Berlin', 'America/New_York',
  'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Toronto', 'America/Vancouver',
  'America/Mexico_City', 'America/Bogota', 'America/Buenos_Aires', 'Australia/Sydney', 'Australia/Perth',
  'Asia/Kolkata', 'Asia/Tokyo', 'Pacific/Auckland', 'Africa/Johannesburg',
];

/** Every IANA zone the browser knows (sorted), always including `ensure`. */
export function listTimeZones(ensure?: string): string[] {
  let zones: string[];
  try {
    zones = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    zones = FALLBACK_ZONES;
  }
  const set = new Set(zones);
  set.add('UTC');
  if (ensure) set.add(ensure);
  return [...set].sort();
}

/** Whether a zone name is valid for luxon/Intl. */
export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** "Tuesday 3 March, 19:00 – 20:30 GMT" in the viewer's zone and language. */
export function formatSessionRange(startsAt: string, endsAt: string | null | undefined, zone: string, locale: string): string {
  const start = DateTime.fromISO(startsAt, { zone }).setLocale(resolveDateLocale(locale));
  if (!start.isValid) return startsAt;
  const day = start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
  const from = start.toLocaleString(DateTime.TIME_SIMPLE);
  const zoneName = start.toFormat('ZZZZ');
  if (!endsAt) return `${day}, ${from} ${zoneName}`;
  const end = DateTime.fromISO(endsAt, { zone }).setLocale(resolveDateLocale(locale));
  const sameDay = end.hasSame(start, 'day');
  const to = sameDay ? end.toLocaleString(DateTime.TIME_SIMPLE) : end.toLocaleString({ weekday: 'short', hour: 'numeric', minute: '2-digit' });
  return `${day}, ${from} – ${to} ${zoneName}`;
}

/** A short date-time, e.g. for messages and posts: "3 Mar, 19:04". */
export function formatShortDateTime(iso: string, zone: string, locale: string): string {
  const dt = DateTime.fromISO(iso, { zone }).setLocale(resolveDateLocale(locale));
  if (!dt.isValid) return iso;
  const now = DateTime.now().setZone(zone);
  if (dt.hasSame(now, 'day')) return dt.toLocaleString(DateTime.TIME_SIMPLE);
  return dt.toLocaleString({ day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

/** "in 2 hours" / "3 days ago" in the viewer's language. */
export function formatRelative(iso: string, locale: string, now: DateTime = DateTime.now()): string {
  const dt = DateTime.fromISO(iso);
  if (!dt.isValid) return '';
  return dt.setLocale(resolveDateLocale(locale)).toRelative({ base: now }) ?? '';
}

/** A stable day key (yyyy-MM-dd) in a zone, for grouping sessions by day. */
export function dayKey(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toISODate() ?? iso.slice(0, 10);
}

/** A day heading like "Tuesday 3 March" for a day key. */
export function formatDayHeading(key: string, zone: string, locale: string): string {
  return DateTime.fromISO(key, { zone }).setLocale(resolveDateLocale(locale)).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
}

/** The zone's current offset name, e.g. "GMT+1", for showing which zone times are in. */
export function zoneLabel(zone: string, locale: string): string {
  const dt = DateTime.now().setZone(zone).setLocale(resolveDateLocale(locale));
  return dt.isValid ? `${zone.replace(/_/g, ' ')} (${dt.toFormat('ZZZZ')})` : zone;
}
