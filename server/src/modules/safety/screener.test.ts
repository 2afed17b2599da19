import { describe, expect, it } from 'vitest';
import { isOnShift } from './oncall.schedule.ts';
import { scoreScreener } from './screener.ts';

const none = { wishToBeDead: false, suicidalThoughts: false, recentBehaviour: false };

describe('scoreScreener', () => {
  it('is none with every answer no', () => expect(scoreScreener(none)).toBe('none'));
  it('is a concern for a wish to be dead, thoughts, or method thoughts alone', () => {
    expect(scoreScreener({ ...none, wishToBeDead: true })).toBe('concern');
    expect(scoreScreener({ ...none, suicidalThoughts: true, method: false, intent: false, plan: false })).toBe('concern');
    expect(scoreScreener({ ...none, suicidalThoughts: true, method: true, intent: false, plan: false })).toBe('concern');
  });
  it('is urgent for intent, a plan, or behaviour in the past three months', () => {
    expect(scoreScreener({ ...none, suicidalThoughts: true, intent: true })).toBe('urgent');
    expect(scoreScreener({ ...none, suicidalThoughts: true, plan: true })).toBe('urgent');
    expect(scoreScreener({ ...none, recentBehaviour: true })).toBe('urgent');
  });
});

describe('isOnShift', () => {
  // 2025-03-03 is a Monday.
  const day = { weekday: 1, startMinute: 9 * 60, endMinute: 17 * 60, timezone: 'Europe/Madrid' };
  it('uses the worker\'s own time zone', () => {
    expect(isOnShift(day, new Date('2025-03-03T08:30:00Z'))).toBe(true); // 09:30 in Madrid
    expect(isOnShift(day, new Date('2025-03-03T16:30:00Z'))).toBe(false); // 17:30 in Madrid
    expect(isOnShift(day, new Date('2025-03-04T08:30:00Z'))).toBe(false); // Tuesday
  });
  it('runs a night shift past midnight into the next day, and Sunday nights into Monday', () => {
    const night = { weekday: 7, startMinute: 22 * 60, endMinute: 6 * 60, timezone: 'UTC' };
    expect(isOnShift(night, new Date('2025-03-02T23:00:00Z'))).toBe(true); // Sunday 23:00
    expect(isOnShift(night, new Date('2025-03-03T05:59:00Z'))).toBe(true); // Monday 05:59
    expect(isOnShift(night, new Date('2025-03-03T06:00:00Z'))).toBe(false);
  });
  it('treats the same start and end as the whole day', () => {
    expect(isOnShift({ weekday: 1, startMinute: 0, endMinute: 0, timezone: 'UTC' }, new Date('2025-03-03T23:59:00Z'))).toBe(true);
  });
});
