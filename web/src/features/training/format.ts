import { DateTime } from 'luxon';

/** A date (no time) in the viewer's time zone and language, e.g. "12 March 2027". */
export function formatDate(iso: string, zone: string, locale: string): string {
  return DateTime.fromISO(iso).setZone(zone).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
}
