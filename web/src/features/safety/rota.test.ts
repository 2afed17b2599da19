import { describe, expect, it } from 'vitest';
import { closedCasesQuery } from './api.ts';
import { checkShift, shiftSpan, shiftStartIn, slaMinutesToSeconds, slaSecondsToMinutes, sortShifts, weekdayName } from './rota.ts';

describe('on-call rota helpers', () => {
  it('names weekdays in the reader’s language, Monday first', () => {
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'es')).toBe('domingo');
    expect(weekdayName(3, 'en', 'short')).toBe('Wed');
  });

  it('tells all-day, overnight and same-day shifts apart', () => {
    expect(shiftSpan({ weekday: 1, start: '00:00', end: '00:00' })).toBe('allDay');
    expect(shiftSpan({ weekday: 1, start: '22:00', end: '06:00' })).toBe('overnight');
    expect(shiftSpan({ weekday: 1, start: '09:00', end: '17:00' })).toBe('sameDay');
  });

  it('flags times that are not 24-hour clock times', () => {
    expect(checkShift({ weekday: 1, start: '09:00', end: '17:30' })).toEqual({});
    expect(checkShift({ weekday: 1, start: '9', end: '24:00' })).toEqual({ start: 'time', end: 'time' });
  });

  it('sorts by day, then start', () => {
    expect(sortShifts([{ weekday: 3, start: '08:00', end: '09:00' }, { weekday: 1, start: '18:00', end: '20:00' }, { weekday: 1, start: '06:00', end: '07:00' }]).map((s) => `${s.weekday} ${s.start}`)).toEqual([
      '1 06:00', '1 18:00', '3 08:00',
    ]);
  });

  it('shows a shift kept in another time zone at the viewer’s time, crossing the day when it must', () => {
    const monday = new Date('2026-03-02T12:00:00Z');
    // Tuesday 07:00 in Tokyo is Monday 22:00 in London (GMT in March before the change).
    expect(shiftStartIn({ weekday: 2, start: '07:00', end: '15:00' }, 'Asia/Tokyo', 'Europe/London', monday)).toEqual({ weekday: 1, time: '22:00' });
    expect(shiftStartIn({ weekday: 5, start: '09:00', end: '17:00' }, 'Europe/Madrid', 'Europe/Madrid', monday)).toEqual({ weekday: 5, time: '09:00' });
    expect(shiftStartIn({ weekday: 5, start: '09:00', end: '17:00' }, 'Mars/Base', 'Europe/Madrid', monday)).toBeNull();
  });

  it('converts the acknowledgement time limit between minutes and seconds', () => {
    expect(slaSecondsToMinutes(120)).toBe(2);
    expect(slaSecondsToMinutes(90)).toBe(1.5);
    expect(slaMinutesToSeconds(2.5)).toBe(150);
  });

  it('builds the closed-cases query without empty filters', () => {
    expect(closedCasesQuery({})).toBe('status=resolved');
    expect(closedCasesQuery({ outcome: 'false_alarm', days: 30, level: undefined })).toBe('status=resolved&outcome=false_alarm&days=30');
  });
});
