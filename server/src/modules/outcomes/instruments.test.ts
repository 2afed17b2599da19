import { describe, expect, it } from 'vitest';
import { scoreScreening, severityOf } from './instruments.ts';

const answersSumming = (n: number, total: number) => {
  const a = new Array<number>(n).fill(0);
  let left = total;
  for (let i = 0; i < n && left > 0; i++) {
    a[i] = Math.min(3, left);
    left -= a[i]!;
  }
  return a;
};

describe('PHQ-9 scoring', () => {
  it.each([
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'],
    [15, 'moderately_severe'], [19, 'moderately_severe'], [20, 'severe'], [27, 'severe'],
  ] as const)('bands a total of %i as %s', (total, band) => {
    expect(severityOf('phq9', total)).toBe(band);
    const scored = scoreScreening('phq9', answersSumming(9, total));
    expect(scored.total).toBe(total);
    expect(scored.severity).toBe(band);
  });

  it('flags item 9 whenever it is above 0, whatever the total', () => {
    expect(scoreScreening('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]).item9Positive).toBe(true);
    expect(scoreScreening('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]).severity).toBe('minimal');
    expect(scoreScreening('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).item9Positive).toBe(false);
  });

  it('refuses a wrong number of answers or an answer outside 0–3', () => {
    expect(() => scoreScreening('phq9', [0, 0, 0])).toThrow(RangeError);
    expect(() => scoreScreening('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 4])).toThrow(RangeError);
    expect(() => severityOf('phq9', 28)).toThrow(RangeError);
  });
});

describe('GAD-7 scoring', () => {
  it.each([
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'severe'], [21, 'severe'],
  ] as const)('bands a total of %i as %s', (total, band) => {
    const scored = scoreScreening('gad7', answersSumming(7, total));
    expect(scored.total).toBe(total);
    expect(scored.severity).toBe(band);
    expect(scored.item9Positive).toBe(false);
  });

  it('has no total above 21', () => {
    expect(() => severityOf('gad7', 22)).toThrow(RangeError);
  });
});
