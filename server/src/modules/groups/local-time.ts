import { DateTime } from 'luxon';
import type { LocalTimes } from './groups.schemas.ts';

/** Shows a meeting's start and end in the viewer's own time zone, so nobody has to do time-zone arithmetic. */
export function presentLocalTimes(startsAt: Date, endsAt: Date, timezone: string): LocalTimes {
  const start = DateTime.fromJSDate(startsAt, { zone: timezone }).setLocale('en-GB');
  const end = DateTime.fromJSDate(endsAt, { zone: timezone }).setLocale('en-GB');
  const startTime = start.toFormat('HH:mm');
  const endTime = end.toFormat('HH:mm');
  const sameDay = start.toISODate() === end.toISODate();
  const zoneName = shortZoneName(start);
  const endText = sameDay ? endTime : `${end.toFormat('cccc d LLLL')}, ${endTime}`;
  return {
    timezone,
    date: start.toISODate() ?? '',
    weekday: start.toFormat('cccc'),
    startTime,
    endTime,
    zoneName,
    text: `${start.toFormat('cccc d LLLL yyyy')}, ${startTime}–${endText} ${zoneName}`,
  };
}

/** EDT in American English, BST in British English; otherwise an offset such as GMT+9. */
function shortZoneName(at: DateTime): string {
  const us = at.setLocale('en-US').offsetNameShort ?? '';
  if (us && !/^(GMT|UTC)[+-]/.test(us)) return us;
  return at.setLocale('en-GB').offsetNameShort ?? us;
}
