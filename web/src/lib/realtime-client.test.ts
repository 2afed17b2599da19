import { describe, expect, it } from 'vitest';
import { backoffDelay, nextReconnectDelay } from './realtime-client.ts';

describe('reconnect delays', () => {
  it('doubles the backoff each attempt up to 30 seconds', () => {
    const full = () => 1;
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, full))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20, full)).toBe(30_000);
  });

  it('adds jitter between half and the full delay', () => {
    expect(backoffDelay(2, () => 0)).toBe(1000);
    expect(backoffDelay(2, () => 0.5)).toBe(1500);
  });

  it("honours the server's retryAfterMs over the backoff", () => {
    expect(nextReconnectDelay(5, 2000, () => 0)).toBe(2000);
    expect(nextReconnectDelay(0, null, () => 1)).toBe(500);
  });
});
