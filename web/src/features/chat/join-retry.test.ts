import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JoinRetry } from './join-retry.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('joining again after "try again"', () => {
  it('asks again after growing pauses with jitter, shows reconnecting meanwhile, and starts over once joined', () => {
    let joins = 0;
    const waiting: boolean[] = [];
    const retry = new JoinRetry(() => joins++, (w) => waiting.push(w), () => 0.5);

    // 500 ms × (0.5 + 0.5 × 0.5) = 375 ms, then 750 ms, then 1,500 ms.
    expect([retry.retryLater()]).toEqual([375]);
    expect(waiting.at(-1)).toBe(true);
    vi.advanceTimersByTime(374);
    expect(joins).toBe(0);
    vi.advanceTimersByTime(1);
    expect(joins).toBe(1);
    expect(retry.retryLater()).toBe(750);
    vi.advanceTimersByTime(750);
    expect(retry.retryLater()).toBe(1500);
    vi.advanceTimersByTime(1500);
    expect(joins).toBe(3);

    retry.reset();
    expect(waiting.at(-1)).toBe(false);
    expect(retry.retryLater()).toBe(375);
  });

  it('spreads clients out: the pause depends on the jitter', () => {
    const low = new JoinRetry(() => {}, () => {}, () => 0);
    const high = new JoinRetry(() => {}, () => {}, () => 0.999);
    expect(low.retryLater()).toBeLessThan(high.retryLater());
  });

  it('does not ask again after the room was closed', () => {
    let joins = 0;
    const retry = new JoinRetry(() => joins++, () => {}, () => 1);
    retry.retryLater();
    retry.reset();
    vi.advanceTimersByTime(60_000);
    expect(joins).toBe(0);
  });
});
