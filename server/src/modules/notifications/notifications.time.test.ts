import { describe, expect, it } from 'vitest';
import { describeWhen, nextLocalHour, quietHoursEnd } from './notifications.time.ts';

describe('quiet hours in the person’s own time zone', () => {
  const quiet = { start: '22:00', end: '07:00' };
  it('defers a message at 23:30 in Tokyo until 07:00 Tokyo time the next morning', () => {
    expect(quietHoursEnd(new Date('2026-06-09T14:30:00Z'), 'Asia/Tokyo', quiet)?.toISOString()).toBe('2026-06-09T22:00:00.000Z');
  });
  it('defers a message at 05:00 until 07:00 the same morning', () => {
    expect(quietHoursEnd(new Date('2026-06-09T20:00:00Z'), 'Asia/Tokyo', quiet)?.toISOString()).toBe('2026-06-09T22:00:00.000Z');
  });
  it('lets a message at 12:00 through', () => {
    expect(quietHoursEnd(new Date('2026-06-09T03:00:00Z'), 'Asia/Tokyo', quiet)).toBeNull();
  });
  it('handles daytime quiet hours and none at all', () => {
    expect(quietHoursEnd(new Date('2026-06-09T13:00:00Z'), 'Europe/London', { start: '13:00', end: '15:00' })?.toISOString()).toBe('2026-06-09T14:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-06-09T13:00:00Z'), 'Europe/London', null)).toBeNull();
  });
  it('ends at 07:00 wall-clock time across a DST change', () => {
    // London clocks go forward at 01:00 UTC on 29 March 2026: 07:00 that morning is 06:00 UTC.
    expect(quietHoursEnd(new Date('2026-03-28T23:30:00Z'), 'Europe/London', quiet)?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });
});

describe('digest time and session times', () => {
  it('finds the next 08:00 in the person’s zone', () => {
    expect(nextLocalHour(new Date('2026-06-09T10:00:00Z'), 'America/New_York', 8).toISOString()).toBe('2026-06-09T12:00:00.000Z');
    expect(nextLocalHour(new Date('2026-06-09T14:00:00Z'), 'America/New_York', 8).toISOString()).toBe('2026-06-10T12:00:00.000Z');
    expect(nextLocalHour(new Date('2026-06-09T10:00:00Z'), 'Asia/Tokyo', 20).toISOString()).toBe('2026-06-09T11:00:00.000Z');
  });
  it('says today, tomorrow or the date, in 24-hour time', () => {
    const now = new Date('2026-06-09T10:00:00Z');
    expect(describeWhen(new Date('2026-06-09T12:00:00Z'), now, 'Europe/London').phrase).toBe('today at 13:00');
    expect(describeWhen(new Date('2026-06-10T10:00:00Z'), now, 'Asia/Tokyo').phrase).toBe('tomorrow at 19:00');
    expect(describeWhen(new Date('2026-06-12T10:00:00Z'), now, 'Asia/Tokyo').phrase).toBe('on Friday 12 June at 19:00');
  });
});
