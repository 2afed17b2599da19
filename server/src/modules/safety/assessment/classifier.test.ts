import { describe, expect, it } from 'vitest';
import { predictProbability, trainClassifier, type TrainExample } from './classifier.ts';
import { normalizeText } from './normalize.ts';

// A tiny synthetic dataset written for this test.
const data: TrainExample[] = [
  { text: 'the sky feels heavy and grey', label: 1 },
  { text: 'grey heavy days again', label: 1 },
  { text: 'heavy grey mood all week', label: 1 },
  { text: 'sunny walk in the park', label: 0 },
  { text: 'lovely sunny picnic', label: 0 },
  { text: 'park picnic with friends', label: 0 },
];

describe('trainClassifier', () => {
  it('is deterministic for the same data and seed', () => {
    const a = trainClassifier(data, normalizeText, { buckets: 1024, seed: 7 });
    const b = trainClassifier(data, normalizeText, { buckets: 1024, seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('learns to separate the two classes', () => {
    const m = trainClassifier(data, normalizeText, { buckets: 1024, seed: 7, epochs: 30 });
    expect(predictProbability(m, normalizeText('heavy grey week'))).toBeGreaterThan(0.5);
    expect(predictProbability(m, normalizeText('sunny park'))).toBeLessThan(0.5);
  });
});
