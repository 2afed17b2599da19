/**
 * The emotion label of a message: multinomial logistic regression over hashed word 1–2-grams (binary, L2-normalized),
 * trained by `npm run train:emotion` on GoEmotions grouped to Ekman's six emotions plus neutral. The weights are
 * committed (int16, base64) and loaded from disk once; nothing is downloaded.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countWordGrams, hashBucket } from '../../../platform/ml/hashed-features.ts';

export const EMOTIONS = ['anger', 'disgust', 'fear', 'joy', 'neutral', 'sadness', 'surprise'] as const;
export type Emotion = (typeof EMOTIONS)[number];

export type EmotionModel = { version: 1; buckets: number; scale: number; labels: readonly string[]; bias: number[]; weights: string; meta: Record<string, unknown> };
export type LoadedEmotionModel = { buckets: number; labels: readonly Emotion[]; bias: number[]; weights: Float32Array };

/** Lower-cased words, with a few contractions kept whole ("don't"), at most 300 of them. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9'!?]+|(?=[!?])/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
    .slice(0, 300);
}

/** Sorted unique hashed feature indices of a text. */
export function emotionFeatures(text: string, buckets: number): Uint32Array {
  const set = new Set(countWordGrams(tokenize(text), buckets).keys());
  set.add(hashBucket('__bias_token__', buckets));
  return Uint32Array.from(set).sort();
}

/** Class probabilities for a text (softmax of the linear scores). */
export function emotionProbabilities(model: LoadedEmotionModel, text: string): number[] {
  const f = emotionFeatures(text, model.buckets);
  const v = 1 / Math.sqrt(f.length);
  const k = model.labels.length;
  const z = model.bias.slice();
  for (let i = 0; i < f.length; i++) {
    const row = f[i]! * k;
    for (let c = 0; c < k; c++) z[c]! += model.weights[row + c]! * v;
  }
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const sum = e.reduce((s, x) => s + x, 0);
  return e.map((x) => x / sum);
}

export function classifyEmotion(model: LoadedEmotionModel, text: string): { emotion: Emotion; confidence: number } {
  const p = emotionProbabilities(model, text);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return { emotion: model.labels[best]!, confidence: p[best]! };
}

/** Weights are stored row-major (bucket × class) as int16 scaled by `scale`. */
export function encodeWeights(weights: Float32Array, scale: number): string {
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-32767, Math.min(32767, Math.round(weights[i]! * scale)));
  return Buffer.from(q.buffer).toString('base64');
}

export function loadEmotionModel(model: EmotionModel): LoadedEmotionModel {
  const bytes = Buffer.from(model.weights, 'base64');
  const q = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! / model.scale;
  return { buckets: model.buckets, labels: model.labels as Emotion[], bias: model.bias, weights };
}

export const EMOTION_MODEL_PATH = fileURLToPath(new URL('./emotion-model.json', import.meta.url));

let cached: LoadedEmotionModel | null = null;
/** The committed model, read once per process. */
export function defaultEmotionModel(): LoadedEmotionModel {
  cached ??= loadEmotionModel(JSON.parse(fs.readFileSync(EMOTION_MODEL_PATH, 'utf8')) as EmotionModel);
  return cached;
}
