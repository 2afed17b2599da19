import { describe, expect, it } from 'vitest';
import { dayKey, formatSessionRange, resolveDateLocale } from './time.ts';

describe('session times in the viewer’s zone', () => {
  it('shows the same instant at the viewer’s local wall-clock time', () => {
    // 19:00 in London on 3 March 2026 (GMT) is 14:00 in New York (EST).
    const text = formatSessionRange('2026-03-03T19:00:00Z', '2026-03-03T20:30:00Z', 'America/New_York', 'en-GB');
    expect(text).toContain('14:00');
    expect(text).toContain('15:30');
    expect(text).toMatch(/Tuesday/);
  });

  it('follows daylight saving time for each date', () => {
    // After the US switch (8 March) but before the UK one (29 March) the gap is 4 hours.
    expect(formatSessionRange('2026-03-10T19:00:00Z', '2026-03-10T20:00:00Z', 'America/New_York', 'en-GB')).toContain('15:00');
    expect(formatSessionRange('2026-03-10T19:00:00Z', '2026-03-10T20:00:00Z', 'Europe/London', 'en-GB')).toContain('19:00');
  });

  it('groups sessions by the viewer’s calendar day, not UTC', () => {
    expect(dayKey('2026-03-03T23:30:00Z', 'Asia/Tokyo')).toBe('2026-03-04');
    expect(dayKey('2026-03-03T23:30:00Z', 'America/Los_Angeles')).toBe('2026-03-03');
  });

  it('uses the browser’s regional variant of the interface language for dates', () => {
    expect(resolveDateLocale('en', ['en-GB', 'es-ES'])).toBe('en-GB');
    expect(resolveDateLocale('es', ['en-GB', 'es-MX'])).toBe('es-MX');
    expect(resolveDateLocale('es', ['fr-FR'])).toBe('es');
  });
});
