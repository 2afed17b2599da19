import { fnv1a } from '../../../platform/ml/hashed-features.ts';
import { seededRandom, shuffleInPlace } from '../../../platform/ml/random.ts';
import { LABELS, type Label } from './rules.ts';

/**
 * A small softmax (multinomial logistic) regression over word 1–2-grams, trained by `npm run train:roleplay` on the
 * labelled practice replies in examples.tsv. Plain TypeScript, no I/O, deterministic.
 */
export type RoleplayModel = { labels: Label[]; vocabulary: string[]; weights: number[][]; bias: number[] };
export type Example = { label: Label; text: string };

/** Lowercased words with apostrophes kept inside (don't, it's), plus a marker for a trailing question mark. */
export function tokenize(text: string): string[] {
  const normal = text.toLowerCase().replace(/[’‘]/g, "'");
  const words = normal.match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  return normal.trim().endsWith('?') ? [...words, '<q>'] : words;
}

/** Unigrams, bigrams and the first word (how a reply opens says a lot about it). */
export function features(text: string): string[] {
  const words = tokenize(text);
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(words[i]!);
    if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
  }
  if (words[0]) out.add(`^${words[0]}`);
  if (words[1]) out.add(`^${words[0]} ${words[1]}`);
  return [...out];
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Probability of each label for a reply. */
export function predict(model: RoleplayModel, text: string): Array<{ label: Label; p: number }> {
  const index = vocabularyIndex(model);
  const active = features(text).flatMap((f) => (index.has(f) ? [index.get(f)!] : []));
  const scale = active.length ? 1 / Math.sqrt(active.length) : 0;
  const scores = model.labels.map((_, k) => model.bias[k]! + active.reduce((sum, j) => sum + model.weights[k]![j]! * scale, 0));
  return softmax(scores)
    .map((p, k) => ({ label: model.labels[k]!, p }))
    .sort((a, b) => b.p - a.p);
}

const indexCache = new WeakMap<RoleplayModel, Map<string, number>>();
function vocabularyIndex(model: RoleplayModel) {
  let index = indexCache.get(model);
  if (!index) {
    index = new Map(model.vocabulary.map((f, i) => [f, i]));
    indexCache.set(model, index);
  }
  return index;
}

/** Trains with seeded SGD and L2 regularisation; the same examples always give the same weights. */
export function trainModel(examples: Example[], options: { epochs?: number; rate?: number; l2?: number; seed?: number } = {}): RoleplayModel {
  const { epochs = 60, rate = 0.5, l2 = 1e-4, seed = 7 } = options;
  const labels = [...LABELS];
  const vocabulary = [...new Set(examples.flatMap((e) => features(e.text)))].sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const weights = labels.map(() => new Array<number>(vocabulary.length).fill(0));
  const bias = labels.map(() => 0);
  const rows = examples.map((e) => ({ y: labels.indexOf(e.label), x: features(e.text).map((f) => index.get(f)!) }));
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffleInPlace(rows.map((_, i) => i), random);
    const step = rate / (1 + epoch * 0.05);
    for (const i of order) {
      const { x, y } = rows[i]!;
      const scale = 1 / Math.sqrt(x.length || 1);
      const p = softmax(labels.map((_, k) => bias[k]! + x.reduce((s, j) => s + weights[k]![j]! * scale, 0)));
      for (let k = 0; k < labels.length; k++) {
        const g = p[k]! - (k === y ? 1 : 0);
        bias[k] = bias[k]! - step * g;
        const w = weights[k]!;
        for (const j of x) w[j] = w[j]! - step * (g * scale + l2 * w[j]!);
      }
    }
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { labels, vocabulary, weights: weights.map((w) => w.map(round)), bias: bias.map(round) };
}

/** About one example in five is held out for measuring accuracy; it is never trained on (split by a hash of the text, stable across runs and machines). */
export function isHeldOut(example: Example): boolean {
  return fnv1a(example.text) % 5 === 0;
}

/** Parses examples.tsv (a header line, then `label<TAB>text`). */
export function parseExamples(tsv: string): Example[] {
  return tsv
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [label, ...rest] = line.split('\t');
      if (!LABELS.includes(label as Label)) throw new Error(`unknown label ${label}`);
      return { label: label as Label, text: rest.join('\t') };
    });
}
