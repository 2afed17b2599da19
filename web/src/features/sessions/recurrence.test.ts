import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildRrule, minutesBetween, monthPositionOfDate, movedTimes, todayIn, toLocalDateTime, weekdayOfDate } from './recurrence.ts';

describe('the repeat picker', () => {
  it('builds a weekly rule on Tuesday and Thursday', () => {
    expect(buildRrule({ kind: 'weekly', weekdays: ['TU', 'TH'] })).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
  });

  it('lists chosen days Monday first and once each, whatever order they were ticked in', () => {
    expect(buildRrule({ kind: 'weekly', weekdays: ['SU', 'MO', 'TH', 'MO'] })).toBe('FREQ=WEEKLY;BYDAY=MO,TH,SU');
  });

  it('builds a fortnightly rule as every 2 weeks', () => {
    expect(buildRrule({ kind: 'fortnightly', weekdays: ['WE'] })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
  });

  it('builds a monthly rule on the 2nd Wednesday', () => {
    expect(buildRrule({ kind: 'monthly', position: 2, weekday: 'WE' })).toBe('FREQ=MONTHLY;BYDAY=2WE');
  });

  it('builds a monthly rule on the last Friday', () => {
    expect(buildRrule({ kind: 'monthly', position: -1, weekday: 'FR' })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
  });

  it('gives no rule for a weekly pattern without a day', () => {
    expect(buildRrule({ kind: 'weekly', weekdays: [] })).toBeNull();
    expect(buildRrule({ kind: 'fortnightly', weekdays: [] })).toBeNull();
  });

  it('suggests the weekday and its place in the month from the start date', () => {
    expect(weekdayOfDate('2026-03-03')).toBe('TU');
    expect(weekdayOfDate('2026-03-11')).toBe('WE');
    expect(monthPositionOfDate('2026-03-11')).toBe(2);
    expect(monthPositionOfDate('2026-03-29')).toBe(-1);
    expect(weekdayOfDate('not a date')).toBeNull();
  });
});

describe('wall-clock times in the group’s zone', () => {
  it('joins a date and a time into the server’s local format', () => {
    expect(toLocalDateTime('2026-03-03', '19:00')).toBe('2026-03-03T19:00');
    expect(toLocalDateTime('2026-02-30', '19:00')).toBeNull();
    expect(toLocalDateTime('2026-03-03', '')).toBeNull();
  });

  it('moves a session to a local time in the group’s zone and keeps its length', () => {
    // 19:00 in London is 18:00 UTC in summer time (BST).
    expect(movedTimes('2026-06-02', '19:00', 'Europe/London', 90)).toEqual({ startsAt: '2026-06-02T18:00:00.000Z', endsAt: '2026-06-02T19:30:00.000Z' });
    expect(movedTimes('2026-01-06', '19:00', 'Europe/London', 60)).toEqual({ startsAt: '2026-01-06T19:00:00.000Z', endsAt: '2026-01-06T20:00:00.000Z' });
    expect(movedTimes('', '19:00', 'Europe/London', 60)).toBeNull();
  });

  it('measures a session’s length in minutes', () => {
    expect(minutesBetween('2026-03-03T19:00:00Z', '2026-03-03T20:30:00Z')).toBe(90);
  });

  it('knows today’s date in the group’s zone', () => {
    const now = DateTime.fromISO('2026-03-03T23:30:00Z');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-03-04');
    expect(todayIn('Europe/London', now)).toBe('2026-03-03');
  });
});
