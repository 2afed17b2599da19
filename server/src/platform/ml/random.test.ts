import { describe, expect, it } from 'vitest';
import { seededRandom, shuffleInPlace } from './random.ts';

describe('seededRandom', () => {
  it('gives the exact sequence the committed models were trained with', () => {
    const random = seededRandom(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const later = seededRandom(20240521);
    for (let i = 0; i < 999; i++) later();
    expect(later()).toBe(0.8425328261218965);
  });

  it('repeats for the same seed and differs for another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const random = seededRandom(1);
    const bins = new Array<number>(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      min = Math.min(min, x);
      max = Math.max(max, x);
      bins[Math.floor(x * 10)]!++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const n of bins) expect(n).toBeGreaterThan(900);
  });

  it('treats negative and unsigned forms of a seed alike (seeds are 32-bit)', () => {
    const a = seededRandom(-1);
    const b = seededRandom(0xffffffff);
    expect([a(), a()]).toEqual([b(), b()]);
  });
});

describe('shuffleInPlace', () => {
  it('gives the exact order the committed models were trained with, in place', () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(shuffleInPlace(items, seededRandom(7))).toBe(items);
    expect(items).toEqual([6, 5, 8, 1, 2, 3, 4, 7, 9, 0]);
  });

  it('keeps every item exactly once', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(items, seededRandom(3));
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
