import { describe, expect, it } from 'vitest';
import { checkinDue, reminderKey, screeningDue } from './schedule.ts';
import { checkinSignal, detectDecline, messageSignal, type MoodSignal } from './trend.ts';

const now = new Date('2026-03-30T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('decline detection', () => {
  const steady = (from: number, to: number, mood: number): MoodSignal[] => Array.from({ length: to - from + 1 }, (_, i) => checkinSignal(daysAgo(from + i), mood));

  it('sees a sharp, sustained fall over the last week', () => {
    const signals = [...steady(8, 30, 7), ...steady(0, 5, 3)];
    const trend = detectDecline(signals, now);
    expect(trend.declining).toBe(true);
    expect(trend.baseline!).toBeGreaterThan(trend.recent!);
  });

  it('ignores one bad day in an otherwise steady week', () => {
    const signals = [...steady(8, 30, 7), ...steady(1, 5, 7), checkinSignal(daysAgo(0), 2)];
    expect(detectDecline(signals, now).declining).toBe(false);
  });

  it('needs enough days on both sides before saying anything', () => {
    expect(detectDecline([...steady(0, 1, 2), ...steady(8, 20, 8)], now).declining).toBe(false);
    expect(detectDecline([...steady(0, 6, 2), checkinSignal(daysAgo(9), 8)], now).declining).toBe(false);
  });

  it('combines check-ins and message sentiment', () => {
    const signals = [...steady(8, 30, 7), ...[0, 1, 2, 3].map((d) => messageSignal(daysAgo(d), -0.8))];
    expect(detectDecline(signals, now).declining).toBe(true);
  });
});

describe('what is due', () => {
  it('offers questionnaires at joining and then after the interval', () => {
    expect(screeningDue(null, 14, now).due).toBe(true);
    expect(screeningDue(daysAgo(13), 14, now).due).toBe(false);
    expect(screeningDue(daysAgo(14), 14, now).due).toBe(true);
  });

  it('offers a check-in after an attended session, for 48 hours', () => {
    expect(checkinDue(daysAgo(1), 7, now, daysAgo(0.5))).toMatchObject({ due: true, afterSession: true });
    expect(checkinDue(daysAgo(0.2), 7, now, daysAgo(0.5))).toMatchObject({ due: false, afterSession: false });
    expect(checkinDue(daysAgo(3), 7, now, daysAgo(2.5))).toMatchObject({ due: false });
    expect(checkinDue(daysAgo(8), 7, now, null)).toMatchObject({ due: true, afterSession: false });
  });

  it('keys reminders by due day so one is sent once', () => {
    expect(reminderKey('checkin', 'u1', new Date('2026-03-30T01:00:00Z'))).toBe(reminderKey('checkin', 'u1', new Date('2026-03-30T23:00:00Z')));
  });
});
