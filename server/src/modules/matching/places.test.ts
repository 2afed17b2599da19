import { describe, expect, it } from 'vitest';
import { distanceKm, resolvePlace } from './places.ts';
import { isWithinWindows, scheduleFit } from './schedule.ts';

describe('coarse places', () => {
  it('resolves cities and postcodes to an area from the shared place table, never keeping the detail', () => {
    expect(resolvePlace('Burlington')?.label).toBe('Burlington');
    expect(resolvePlace('05401')).toMatchObject({ label: 'Burlington', lat: 44.48, lng: -73.21 });
    expect(resolvePlace('05409')?.label).toBe('Burlington');
    expect(resolvePlace('SW1A 1AA')?.label).toBe('London (Westminster)');
    expect(resolvePlace('Bogota')?.label).toBe('Bogotá');
    expect(resolvePlace('Atlantis')).toBeNull();
  });

  it('reads the same table the directory searches (one source of places)', async () => {
    const { createPlaceIndex } = await import('../../platform/places/index.ts');
    for (const p of createPlaceIndex().list()) expect(resolvePlace(p.postcode), p.postcode).not.toBeNull();
  });

  it('measures distance in kilometres', () => {
    expect(Math.round(distanceKm({ lat: 51.51, lng: -0.13 }, { lat: 53.48, lng: -2.24 }))).toBe(261);
  });
});

describe('weekly windows', () => {
  it('reads a meeting time in the person\'s own time zone, including windows past midnight', () => {
    const tue19NY = new Date('2026-06-02T23:00:00Z');
    expect(isWithinWindows(tue19NY, [{ weekday: 2, start: '18:00', end: '21:00' }], 'America/New_York')).toBe(true);
    expect(isWithinWindows(tue19NY, [{ weekday: 2, start: '18:00', end: '21:00' }], 'Europe/London')).toBe(false);
    expect(isWithinWindows(new Date('2026-06-03T05:30:00Z'), [{ weekday: 2, start: '22:00', end: '02:00' }], 'America/New_York')).toBe(true);
    expect(scheduleFit([tue19NY], [], 'UTC')).toBeNull();
  });
});
