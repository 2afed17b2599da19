import { describe, expect, it } from 'vitest';
import { calibrate, chooseThresholds, extractFeatures, fitCalibration, predictProbability, trainClassifier, type TrainExample } from './classifier.ts';
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
const plain = { normalize: normalizeText, signals: () => ({ score: 0, urgentCapable: false }) };

describe('trainClassifier', () => {
  it('is deterministic for the same data and seed', () => {
    const a = trainClassifier(data, plain, { buckets: 1024, seed: 7 });
    const b = trainClassifier(data, plain, { buckets: 1024, seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('learns to separate the two classes', () => {
    const m = trainClassifier(data, plain, { buckets: 1024, seed: 7, epochs: 30 });
    expect(predictProbability(m, normalizeText('heavy grey week'))).toBeGreaterThan(0.5);
    expect(predictProbability(m, normalizeText('sunny park'))).toBeLessThan(0.5);
  });

  it('maps Spanish risk words onto the English features and adds the dense signals after the buckets', () => {
    const es = extractFeatures(normalizeText('quiero morir'), { score: 0, urgentCapable: false }, 1024);
    const en = extractFeatures(normalizeText('want die'), { score: 0, urgentCapable: false }, 1024);
    expect([...es.idx].filter((i) => i < 1024)).toEqual([...en.idx].filter((i) => i < 1024));
    const withRules = extractFeatures('i feel low', { score: 0.9, urgentCapable: true, others: 2, own: 0 }, 1024);
    expect([...withRules.idx].slice(-7)).toEqual([1024, 1025, 1026, 1027, 1028, 1029, 1030]);
    expect(withRules.val[withRules.val.length - 5]).toBeCloseTo(0.9);
    // Risk phrases about others (a reply to someone) and the author's own, log-scaled.
    expect(withRules.val[withRules.val.length - 2]).toBeCloseTo(Math.log(3) / 3);
    expect(withRules.val[withRules.val.length - 1]).toBe(0);
  });
});

describe('calibration and thresholds', () => {
  it('fits a Platt scaling that pulls over-confident probabilities towards the observed rate', () => {
    const pairs = [...Array(50)].map((_, i) => ({ raw: 0.95, label: (i % 2) as 0 | 1 }));
    const c = fitCalibration(pairs);
    expect(calibrate(c, 0.95)).toBeGreaterThan(0.4);
    expect(calibrate(c, 0.95)).toBeLessThan(0.6);
  });

  it('picks the urgent threshold that keeps the wanted share of urgent examples', () => {
    const pairs = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05].map((p) => ({ p, label: 1 as const }));
    expect(chooseThresholds(pairs, 0.8, 0.9)).toEqual({ urgent: 0.2, concern: 0.1 });
  });
});
