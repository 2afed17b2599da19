import { describe, expect, it } from 'vitest';
import type { SafetyCase } from './api.ts';
import { currentWaitingSeconds, formatWaitingSeconds, newCases } from './queue.ts';

describe('on-call queue', () => {
  it('formats waiting time in seconds, minutes and hours', () => {
    expect(formatWaitingSeconds(45)).toBe('45 s');
    expect(formatWaitingSeconds(185)).toBe('3 min 05 s');
    expect(formatWaitingSeconds(3840)).toBe('1 h 04 min');
    expect(formatWaitingSeconds(-3)).toBe('0 s');
  });

  it('counts on from the server’s waiting time since the queue was fetched', () => {
    expect(currentWaitingSeconds(60, 1_000, 6_500)).toBe(65);
    expect(currentWaitingSeconds(60, 5_000, 1_000)).toBe(60);
  });

  it('finds cases that are new since the last fetch, and none on the first', () => {
    const a = { id: 'a' } as SafetyCase;
    const b = { id: 'b' } as SafetyCase;
    expect(newCases(undefined, [a])).toEqual([]);
    expect(newCases([a], [a, b])).toEqual([b]);
  });
});
