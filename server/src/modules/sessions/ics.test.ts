import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { buildCalendar, escapeText, foldLine } from './ics.ts';
import { expandOccurrences } from './recurrence.ts';

const now = new Date('2026-03-01T12:00:00Z');

describe('iCalendar output', () => {
  it('uses CRLF line endings and folds long lines at 75 octets without splitting characters', () => {
    const long = `SUMMARY:${'ä'.repeat(100)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const ics = buildCalendar({ name: 'x', now, events: [] });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('parses in ical.js with the right local times across a DST change, and marks cancellations', () => {
    const rec = { rrule: 'FREQ=WEEKLY;BYDAY=TU', startLocal: '2026-03-17T19:00', timezone: 'Europe/London', durationMinutes: 90 };
    const occurrences = expandOccurrences(rec, new Date('2026-03-16T00:00Z'), new Date('2026-04-08T00:00Z'));
    const ics = buildCalendar({
      name: 'Grief, loss; and hope',
      now,
      events: occurrences.map((o, i) => ({
        uid: `s${i}@hearth`,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        summary: 'Grief circle, Tuesday',
        description: 'Line one\nLine two; with a very long description that definitely needs folding at seventy-five octets',
        location: 'Hall, 1 High St',
        cancelled: i === 1,
        updatedAt: now,
      })),
    });
    const vcalendar = new ICAL.Component(ICAL.parse(ics));
    expect(ics).toContain('X-WR-CALNAME:Grief\\, loss\\; and hope\r\n');
    const events = vcalendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(4);
    const londonStarts = events.map((e) => DateTime.fromJSDate(e.startDate.toJSDate(), { zone: 'Europe/London' }).toFormat('yyyy-MM-dd HH:mm'));
    expect(londonStarts).toEqual(['2026-03-17 19:00', '2026-03-24 19:00', '2026-03-31 19:00', '2026-04-07 19:00']);
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2026-03-17T20:30:00.000Z');
    expect(events[0]!.summary).toBe('Grief circle, Tuesday');
    expect(events[0]!.description).toBe('Line one\nLine two; with a very long description that definitely needs folding at seventy-five octets');
    expect(events[0]!.location).toBe('Hall, 1 High St');
    expect(events[0]!.uid).toBe('s0@hearth');
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    expect(events[0]!.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });
});
