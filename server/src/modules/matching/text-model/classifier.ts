import { seededRandom, shuffleInPlace } from '../../../platform/ml/random.ts';
import { createVocabulary, fitVocabulary, vectorize, type SparseVector, type Vocabulary } from './vectorizer.ts';

/**
 * Multinomial logistic regression (softmax) over TF-IDF vectors. Deterministic training: a fixed seed, fixed order,
 * plain SGD with L2. The committed JSON holds the vocabulary, idf and rounded weights.
 */
export type TopicModel = {
  version: 1;
  classes: string[];
  terms: string[];
  idf: number[];
  /** classes × terms, rounded to 3 decimals. */
  weights: number[][];
  bias: number[];
  meta: Record<string, unknown>;
};

export type LabelledText = { text: string; label: string; weight?: number };
export type TrainOptions = { epochs?: number; learningRate?: number; l2?: number; seed?: number; maxTerms?: number; minDf?: number };

/** A loaded model: the vocabulary index is built once. */
export type LoadedTopicModel = { model: TopicModel; vocab: Vocabulary };

export function loadTopicModel(model: TopicModel): LoadedTopicModel {
  return { model, vocab: createVocabulary(model.terms, model.idf) };
}

function softmaxScores(weights: ArrayLike<number>[], bias: ArrayLike<number>, x: SparseVector): Float64Array {
  const k = bias.length;
  const z = new Float64Array(k);
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    const w = weights[c]!;
    let s = bias[c]!;
    for (let j = 0; j < x.idx.length; j++) s += w[x.idx[j]!]! * x.val[j]!;
    z[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < k; c++) z[c]! /= sum;
  return z;
}

/** Class probabilities for an already vectorized text, in `model.classes` order. */
export function predictVector(loaded: LoadedTopicModel, x: SparseVector): Float64Array {
  return softmaxScores(loaded.model.weights, loaded.model.bias, x);
}

/** Classes ranked by probability, highest first. */
export function rankClasses(loaded: LoadedTopicModel, text: string): { label: string; p: number }[] {
  const p = predictVector(loaded, vectorize(loaded.vocab, text));
  return loaded.model.classes.map((label, i) => ({ label, p: p[i]! })).sort((a, b) => b.p - a.p);
}

/** Trains a model from labelled texts. Same input and options → same weights. */
export function trainTopicModel(examples: LabelledText[], classes: string[], options: TrainOptions = {}): TopicModel {
  const epochs = options.epochs ?? 40;
  const lr0 = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-4;
  const random = seededRandom(options.seed ?? 7);
  const vocab = fitVocabulary(examples.map((e) => e.text), { maxTerms: options.maxTerms ?? 3000, minDf: options.minDf ?? 2 });
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const data = examples.map((e) => ({ x: vectorize(vocab, e.text), y: classIndex.get(e.label)!, w: e.weight ?? 1 })).filter((d) => d.y !== undefined);
  const k = classes.length;
  const weights = classes.map(() => new Float64Array(vocab.terms.length));
  const bias = new Float64Array(k);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    const lr = lr0 / (1 + epoch * 0.1);
    for (const n of order) {
      const { x, y, w } = data[n]!;
      const p = softmaxScores(weights, bias, x);
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === y ? 1 : 0)) * w;
        const wc = weights[c]!;
        for (let j = 0; j < x.idx.length; j++) {
          const f = x.idx[j]!;
          wc[f] = wc[f]! - lr * (g * x.val[j]! + l2 * wc[f]!);
        }
        bias[c] = bias[c]! - lr * g * 0.1;
      }
    }
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    version: 1,
    classes,
    terms: vocab.terms,
    idf: vocab.idf,
    weights: weights.map((w) => Array.from(w, round)),
    bias: Array.from(bias, round),
    meta: { epochs, learningRate: lr0, l2, examples: data.length },
  };
}
