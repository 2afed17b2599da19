import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { describeRrule, expandOccurrences, isValidLocal, localToInstant, normalizeRrule } from './recurrence.ts';

const utc = (iso: string) => new Date(iso);
const localTimes = (dates: Date[], zone: string) => dates.map((d) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm'));

describe('expanding a weekly schedule across DST changes', () => {
  it('keeps Tuesday 19:00 Europe/London at 19:00 local across the March and October changes', () => {
    const rec = { rrule: 'FREQ=WEEKLY;BYDAY=TU', startLocal: '2026-03-17T19:00', timezone: 'Europe/London', durationMinutes: 90 };
    const spring = expandOccurrences(rec, utc('2026-03-16T00:00Z'), utc('2026-04-08T00:00Z'));
    expect(spring.map((o) => o.startsAt.toISOString())).toEqual([
      '2026-03-17T19:00:00.000Z', // GMT
      '2026-03-24T19:00:00.000Z', // GMT (clocks go forward on 29 March)
      '2026-03-31T18:00:00.000Z', // BST
      '2026-04-07T18:00:00.000Z',
    ]);
    expect(localTimes(spring.map((o) => o.startsAt), 'Europe/London').every((s) => s.endsWith('19:00'))).toBe(true);
    const autumn = expandOccurrences(rec, utc('2026-10-19T00:00Z'), utc('2026-11-04T00:00Z'));
    expect(autumn.map((o) => o.startsAt.toISOString())).toEqual(['2026-10-20T18:00:00.000Z', '2026-10-27T19:00:00.000Z', '2026-11-03T19:00:00.000Z']);
    expect(autumn[0]!.endsAt.toISOString()).toBe('2026-10-20T19:30:00.000Z');
    expect(autumn.map((o) => o.occurrenceLocal)).toEqual(['2026-10-20T19:00', '2026-10-27T19:00', '2026-11-03T19:00']);
  });

  it('keeps Thursday 19:00 America/New_York at 19:00 local across the March and November changes', () => {
    const rec = { rrule: 'RRULE:FREQ=WEEKLY;BYDAY=TH', startLocal: '2026-03-05T19:00', timezone: 'America/New_York', durationMinutes: 60 };
    const spring = expandOccurrences(rec, utc('2026-03-01T00:00Z'), utc('2026-03-20T00:00Z'));
    expect(spring.map((o) => o.startsAt.toISOString())).toEqual(['2026-03-06T00:00:00.000Z', '2026-03-12T23:00:00.000Z', '2026-03-19T23:00:00.000Z']);
    const autumn = expandOccurrences(rec, utc('2026-10-25T00:00Z'), utc('2026-11-14T00:00Z'));
    expect(localTimes(autumn.map((o) => o.startsAt), 'America/New_York')).toEqual(['2026-10-29 19:00', '2026-11-05 19:00', '2026-11-12 19:00']);
    expect(autumn.map((o) => o.startsAt.toISOString())).toEqual(['2026-10-29T23:00:00.000Z', '2026-11-06T00:00:00.000Z', '2026-11-13T00:00:00.000Z']);
  });

  it('moves a wall-clock time that a DST change skips forward by the gap', () => {
    expect(localToInstant('2026-03-08T02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('honours COUNT and INTERVAL, and only returns occurrences inside the window', () => {
    const rec = { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=3', startLocal: '2026-01-06T10:00', timezone: 'UTC', durationMinutes: 30 };
    const all = expandOccurrences(rec, utc('2025-12-01T00:00Z'), utc('2026-12-01T00:00Z'));
    expect(all.map((o) => o.occurrenceLocal)).toEqual(['2026-01-06T10:00', '2026-01-20T10:00', '2026-02-03T10:00']);
    expect(expandOccurrences(rec, utc('2026-01-07T00:00Z'), utc('2026-02-01T00:00Z')).map((o) => o.occurrenceLocal)).toEqual(['2026-01-20T10:00']);
  });

  it('never starts before the first wall-clock start', () => {
    const rec = { rrule: 'FREQ=DAILY', startLocal: '2026-05-10T09:00', timezone: 'Asia/Tokyo', durationMinutes: 30 };
    expect(expandOccurrences(rec, utc('2026-05-01T00:00Z'), utc('2026-05-11T12:00Z')).map((o) => o.occurrenceLocal)).toEqual(['2026-05-10T09:00', '2026-05-11T09:00']);
  });
});

describe('validating rules', () => {
  it('accepts common schedules and normalizes the RRULE: prefix', () => {
    expect(normalizeRrule('RRULE:FREQ=WEEKLY;BYDAY=TU')).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(normalizeRrule('freq=monthly;byday=1mo')).toBe('FREQ=MONTHLY;BYDAY=1MO');
    expect(normalizeRrule('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1')).toBe('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1');
    expect(normalizeRrule('FREQ=WEEKLY;UNTIL=20261231T235959Z')).not.toBeNull();
  });

  it('refuses rules it cannot schedule', () => {
    for (const bad of ['', 'garbage', 'FREQ=HOURLY', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=WEEKLY;FOO=1', 'BYDAY=TU', 'FREQ=WEEKLY;COUNT=2;UNTIL=20260101', 'DTSTART:20260101T000000Z\nRRULE:FREQ=WEEKLY', 'FREQ=WEEKLY;FREQ=DAILY', 'FREQ=WEEKLY;INTERVAL=0']) {
      expect(normalizeRrule(bad), bad).toBeNull();
    }
  });

  it('checks wall-clock start times are real', () => {
    expect(isValidLocal('2026-02-28T19:00')).toBe(true);
    expect(isValidLocal('2026-02-30T19:00')).toBe(false);
    expect(isValidLocal('2026-02-28 19:00')).toBe(false);
  });

  it('describes a rule in words', () => {
    expect(describeRrule('FREQ=WEEKLY;BYDAY=TU')).toBe('every week on Tuesday');
  });
});
