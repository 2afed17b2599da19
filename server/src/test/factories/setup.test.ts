import { describe, expect, it } from 'vitest';
import { createTestClock } from './setup.ts';

describe('createTestClock', () => {
  it('moves forward by hand and runs a block at another time, then puts the clock back even when the block fails', async () => {
    const clock = createTestClock('2026-03-01T12:00:00Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T12:01:00.000Z');
    expect(await clock.during(new Date('2027-01-01T00:00:00Z'), async () => clock.now().toISOString())).toBe('2027-01-01T00:00:00.000Z');
    await expect(clock.during(new Date('2030-01-01T00:00:00Z'), async () => Promise.reject(new Error('failed inside')))).rejects.toThrow('failed inside');
    expect(clock.now().toISOString()).toBe('2026-03-01T12:01:00.000Z');
  });
});
