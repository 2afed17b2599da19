import { describe, expect, it } from 'vitest';
import { classifyChange, meanWithCi, reliableChangeThreshold, sampleSd, studentTCdf, studentTQuantile } from './stats.ts';

describe('Student t quantiles', () => {
  it.each([
    [1, 12.7062047],
    [4, 2.7764451],
    [9, 2.2621572],
    [29, 2.0452296],
    [1000, 1.9623391],
  ])('matches published tables for df = %i', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 5);
  });

  it('is symmetric and inverts the CDF', () => {
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.2621572, 5);
    expect(studentTCdf(2.2621572, 9)).toBeCloseTo(0.975, 6);
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 10);
  });
});

describe('mean change with a 95% CI', () => {
  it('matches a hand calculation', () => {
    // Changes: -6, -4, -2, 0, -8. Mean = -20/5 = -4.
    // Deviations 2^2+0+2^2+4^2+4^2 = 4+0+4+16+16 = 40; SD = √(40/4) = √10 = 3.16228.
    // SE = √10/√5 = √2 = 1.41421; t(0.975, 4) = 2.77645; half-width = 3.92648.
    const r = meanWithCi([-6, -4, -2, 0, -8])!;
    expect(r.n).toBe(5);
    expect(r.mean).toBe(-4);
    expect(r.sd).toBeCloseTo(Math.sqrt(10), 10);
    expect(r.ciLow).toBeCloseTo(-4 - 3.92648, 4);
    expect(r.ciHigh).toBeCloseTo(-4 + 3.92648, 4);
  });

  it('gives nothing for fewer than two people', () => {
    expect(meanWithCi([3])).toBeNull();
    expect(sampleSd([3])).toBe(0);
  });
});

describe('Jacobson–Truax reliable change', () => {
  it('reproduces the 6-point PHQ-9 and 4-point GAD-7 criteria from the documented SD and reliability', () => {
    // PHQ-9: 1.96 × √2 × 6.5 × √(1 − 0.89) = 5.976 → a change of 6 points is reliable, 5 is not.
    expect(reliableChangeThreshold(6.5, 0.89)).toBeCloseTo(5.9756, 3);
    // GAD-7: 1.96 × √2 × 5.1 × √(1 − 0.92) = 3.998 → 4 points.
    expect(reliableChangeThreshold(5.1, 0.92)).toBeCloseTo(3.9984, 3);
  });

  it('sorts people into recovered, improved, unchanged and deteriorated', () => {
    const t = reliableChangeThreshold(6.5, 0.89);
    expect(classifyChange(16, 8, t, 10)).toBe('recovered'); // −8, crosses below 10
    expect(classifyChange(22, 14, t, 10)).toBe('improved'); // −8, still at or above 10
    expect(classifyChange(8, 2, t, 10)).toBe('improved'); // −6, was never a case
    expect(classifyChange(12, 7, t, 10)).toBe('unchanged'); // −5 is within measurement error
    expect(classifyChange(5, 11, t, 10)).toBe('deteriorated'); // +6
  });
});
