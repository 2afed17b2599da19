/**
 * Logistic regression over hashed word (1–2) and character (3–5, inside words) n-grams, binary presence features,
 * L2-normalized. Plain TypeScript, deterministic training (fixed seed, fixed order), tiny JSON weights.
 */

export type ClassifierModel = {
  version: 1;
  buckets: number;
  bias: number;
  /** Weights rounded to 3 decimals, one per hash bucket. */
  weights: number[];
  meta: Record<string, unknown>;
};

export type TrainExample = { text: string; label: 0 | 1; weight?: number };
export type TrainOptions = { buckets?: number; epochs?: number; learningRate?: number; l2?: number; seed?: number };

/** FNV-1a 32-bit. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const MAX_CHARS = 4000;

/** Sorted unique bucket indices of the text's features (the text should already be normalized). */
export function extractFeatures(normalized: string, buckets: number): Uint32Array {
  const text = normalized.length > MAX_CHARS ? normalized.slice(0, MAX_CHARS) : normalized;
  const words = text.split(/[^a-z0-9]+/).filter(Boolean);
  const set = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    set.add(hash(`w:${w}`) % buckets);
    if (i + 1 < words.length) set.add(hash(`b:${w} ${words[i + 1]}`) % buckets);
    const padded = ` ${w} `;
    if (padded.length <= 24) {
      for (let n = 3; n <= 5; n++) {
        for (let j = 0; j + n <= padded.length; j++) set.add(hash(`c:${padded.slice(j, j + n)}`) % buckets);
      }
    }
  }
  return Uint32Array.from(set).sort();
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predictProbability(model: ClassifierModel, normalized: string): number {
  const f = extractFeatures(normalized, model.buckets);
  if (f.length === 0) return sigmoid(model.bias);
  const v = 1 / Math.sqrt(f.length);
  let z = model.bias;
  for (let i = 0; i < f.length; i++) z += (model.weights[f[i] as number] ?? 0) * v;
  return sigmoid(z);
}

/** Mulberry32: a small seeded PRNG so training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** SGD with L2, examples shuffled per epoch by the seeded PRNG. Same input and options → same weights. */
export function trainClassifier(examples: TrainExample[], normalize: (s: string) => string, options: TrainOptions = {}): ClassifierModel {
  const buckets = options.buckets ?? 1 << 16;
  const epochs = options.epochs ?? 12;
  const lr0 = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-5;
  const random = seededRandom(options.seed ?? 42);
  const feats = examples.map((e) => extractFeatures(normalize(e.text), buckets));
  const w = new Float64Array(buckets);
  let bias = 0;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const lr = lr0 / (1 + epoch);
    for (const idx of order) {
      const f = feats[idx] as Uint32Array;
      const ex = examples[idx] as TrainExample;
      const v = f.length > 0 ? 1 / Math.sqrt(f.length) : 0;
      let z = bias;
      for (let k = 0; k < f.length; k++) z += (w[f[k] as number] as number) * v;
      const g = (sigmoid(z) - ex.label) * (ex.weight ?? 1);
      bias -= lr * g;
      for (let k = 0; k < f.length; k++) {
        const b = f[k] as number;
        w[b] = (w[b] as number) - lr * (g * v + l2 * (w[b] as number));
      }
    }
  }
  return { version: 1, buckets, bias: Math.round(bias * 1000) / 1000, weights: Array.from(w, (x) => Math.round(x * 1000) / 1000), meta: {} };
}
