/**
 * Logistic regression over hashed word 1–2-grams (sublinear term frequency, L2-normalized) plus a few dense signals
 * (first- and second-person rates, the rules' score, length), with a separate Platt calibration and decision
 * thresholds chosen on out-of-fold predictions of the training users. Plain TypeScript, deterministic training
 * (fixed seed, fixed order), committed JSON weights.
 */
import { countWordGrams, hashBucket } from '../../../platform/ml/hashed-features.ts';
import { seededRandom, shuffleInPlace } from '../../../platform/ml/random.ts';

export type ClassifierModel = {
  version: 2 | 3;
  buckets: number;
  /** Character n-gram sizes hashed alongside the words (version 3), for misspellings and slang; empty = words only. */
  charGrams?: number[];
  /** Weight of the (separately L2-normalized) character block against the word block. */
  charWeight?: number;
  bias: number;
  /** Weights rounded to 3 decimals: one per hash bucket, then one per dense feature (`DENSE`). */
  weights: number[];
  /** Platt scaling of the raw probability's log-odds, fitted on out-of-fold predictions: p' = σ(a·logit(p) + b). */
  calibration: { a: number; b: number };
  /** Calibrated probabilities at which the classifier alone means concern and urgent (chosen on validation folds). */
  thresholds: { concern: number; urgent: number };
  meta: Record<string, unknown>;
};

/** What the rules found, given to the classifier as features (so it learns how far to trust them on long text). */
/** `others`: risk phrases about someone else, addressed to the reader or said of people in general (a reply to someone); `own`: distinct risk phrases about the author. */
export type RuleSignals = { score: number; urgentCapable: boolean; others?: number; own?: number };
export type TrainExample = { text: string; label: 0 | 1; weight?: number };
export type TrainOptions = { buckets?: number; epochs?: number; learningRate?: number; l2?: number; seed?: number; charGrams?: number[]; charWeight?: number };
/** How a text becomes features; stored in the model so prediction hashes exactly as training did. */
export type FeatureShape = { buckets: number; charGrams?: number[]; charWeight?: number };
export type Featurizer = { normalize: (s: string) => string; signals: (text: string) => RuleSignals };

const DENSE = ['firstPerson', 'secondPerson', 'ruleScore', 'ruleUrgent', 'length', 'ruleOthers', 'ruleOwn'] as const;
/** Long posts are scored on their first 20,000 characters, which keeps the worst case to a few milliseconds. */
const MAX_CHARS = 20_000;

/**
 * Spanish words mapped onto the English words the classifier was trained on, so the same weights carry over.
 * Normalized forms (no accents). The rules handle Spanish phrases; this lets the classifier help too.
 */
const SPANISH: Record<string, string> = {
  morir: 'die', morirme: 'die', muerto: 'dead', muerta: 'dead', muerte: 'death', matarme: 'kill myself', suicidio: 'suicide',
  suicidarme: 'kill myself', suicida: 'suicidal', vida: 'life', vivir: 'live', viviendo: 'living', quiero: 'want', no: 'not',
  ya: 'anymore', mas: 'more', nadie: 'nobody', solo: 'alone', sola: 'alone', triste: 'sad', cansado: 'tired', cansada: 'tired',
  dolor: 'pain', pastillas: 'pills', despedida: 'goodbye', adios: 'goodbye', ayuda: 'help', familia: 'family', odio: 'hate',
  mejor: 'better', sin: 'without', mi: 'my', yo: 'i', me: 'me', nunca: 'never', todo: 'everything', nada: 'nothing',
  esperanza: 'hope', aguanto: 'cope', puedo: 'can', seguir: 'go on', noche: 'night', hoy: 'today', manana: 'tomorrow',
  cortarme: 'cut myself', dano: 'hurt', plan: 'plan', carta: 'letter', puente: 'bridge', deprimido: 'depressed', deprimida: 'depressed',
};
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'myself', 'mine', 'yo', 'mi', 'mis']);
const SECOND_PERSON = new Set(['you', 'your', 'youre', 'yourself', 'youve', 'youll', 'ur', 'tu', 'tus', 'usted']);

export type Features = { idx: Uint32Array; val: Float32Array };

/** Feature vector of a normalized text (see the file comment). Dense features sit after the hash buckets. */
export function extractFeatures(normalized: string, signals: RuleSignals, shape: FeatureShape | number): Features {
  const { buckets, charGrams = [], charWeight = 0.5 } = typeof shape === 'number' ? { buckets: shape } : shape;
  const text = normalized.length > MAX_CHARS ? normalized.slice(0, MAX_CHARS) : normalized;
  const raw = text.split(/[^a-z0-9]+/);
  const words: string[] = [];
  for (const w of raw) {
    if (w === '') continue;
    const es = SPANISH[w];
    if (es) words.push(...es.split(' '));
    else words.push(w);
  }
  const counts = countWordGrams(words, buckets);
  const chars = new Map<number, number>();
  const addChars = (gram: string) => {
    const b = hashBucket(`c:${gram}`, buckets);
    chars.set(b, (chars.get(b) ?? 0) + 1);
  };
  let first = 0;
  let second = 0;
  for (const w of words) {
    if (FIRST_PERSON.has(w)) first++;
    else if (SECOND_PERSON.has(w)) second++;
    if (charGrams.length > 0 && w.length <= 20) {
      const padded = ` ${w} `;
      for (const n of charGrams) for (let c = 0; c + n <= padded.length; c++) addChars(padded.slice(c, c + n));
    }
  }
  const idx = new Uint32Array(counts.size + chars.size + DENSE.length);
  const val = new Float32Array(counts.size + chars.size + DENSE.length);
  let k = 0;
  // Each block (words, characters) is L2-normalized on its own, so long texts and short ones weigh alike.
  const block = (map: Map<number, number>, weight: number) => {
    const from = k;
    let norm = 0;
    for (const [b, c] of map) {
      const v = 1 + Math.log(c);
      idx[k] = b;
      val[k++] = v;
      norm += v * v;
    }
    const scale = norm > 0 ? weight / Math.sqrt(norm) : 0;
    for (let i = from; i < k; i++) val[i] = (val[i] as number) * scale;
  };
  block(counts, 1);
  block(chars, charWeight);
  const n = Math.max(1, words.length);
  const dense = [(10 * first) / n, (10 * second) / n, signals.score, signals.urgentCapable ? 1 : 0, Math.log(1 + words.length) / 8, Math.log(1 + (signals.others ?? 0)) / 3, Math.log(1 + (signals.own ?? 0)) / 3];
  for (let d = 0; d < DENSE.length; d++) {
    idx[k] = buckets + d;
    val[k++] = dense[d] as number;
  }
  return { idx, val };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function dot(weights: ArrayLike<number>, bias: number, f: Features): number {
  let z = bias;
  for (let i = 0; i < f.idx.length; i++) z += (weights[f.idx[i] as number] ?? 0) * (f.val[i] as number);
  return z;
}

/** The raw (uncalibrated) probability that a text is urgent. */
export function predictRaw(model: Pick<ClassifierModel, 'buckets' | 'bias' | 'weights' | 'charGrams' | 'charWeight'>, normalized: string, signals: RuleSignals): number {
  return sigmoid(dot(model.weights, model.bias, extractFeatures(normalized, signals, model)));
}

/** Applies the Platt calibration to a raw probability. */
export function calibrate(calibration: ClassifierModel['calibration'], raw: number): number {
  const p = Math.min(1 - 1e-6, Math.max(1e-6, raw));
  return sigmoid(calibration.a * Math.log(p / (1 - p)) + calibration.b);
}

/** The calibrated probability that a text is urgent. */
export function predictProbability(model: ClassifierModel, normalized: string, signals: RuleSignals = { score: 0, urgentCapable: false }): number {
  return calibrate(model.calibration, predictRaw(model, normalized, signals));
}

/** Features for many examples at once (training and validation reuse them). */
export function featurizeAll(examples: TrainExample[], f: Featurizer, shape: FeatureShape | number): Features[] {
  return examples.map((e) => extractFeatures(f.normalize(e.text), f.signals(e.text), shape));
}

/**
 * SGD with L2, examples shuffled per epoch by the seeded PRNG. Same input and options → same weights. Returns an
 * uncalibrated model (identity calibration, default thresholds): `fitCalibration` and `chooseThresholds` finish it.
 */
export function trainOnFeatures(feats: Features[], examples: TrainExample[], options: TrainOptions = {}): ClassifierModel {
  const buckets = options.buckets ?? 1 << 16;
  const epochs = options.epochs ?? 15;
  const lr0 = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-5;
  const random = seededRandom(options.seed ?? 42);
  const w = new Float64Array(buckets + DENSE.length);
  let bias = 0;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    const lr = lr0 / (1 + epoch);
    for (const n of order) {
      const f = feats[n] as Features;
      const ex = examples[n] as TrainExample;
      const g = (sigmoid(dot(w, bias, f)) - ex.label) * (ex.weight ?? 1);
      bias -= lr * g;
      for (let k = 0; k < f.idx.length; k++) {
        const b = f.idx[k] as number;
        w[b] = (w[b] as number) - lr * (g * (f.val[k] as number) + l2 * (w[b] as number));
      }
    }
  }
  return {
    version: options.charGrams?.length ? 3 : 2,
    buckets,
    ...(options.charGrams?.length ? { charGrams: options.charGrams, charWeight: options.charWeight ?? 0.5 } : {}),
    bias: Math.round(bias * 1000) / 1000,
    weights: Array.from(w, (x) => Math.round(x * 1000) / 1000),
    calibration: { a: 1, b: 0 },
    thresholds: { concern: 0.4, urgent: 0.7 },
    meta: {},
  };
}

/** Trains on raw examples (features computed here). */
export function trainClassifier(examples: TrainExample[], f: Featurizer, options: TrainOptions = {}): ClassifierModel {
  const shape = { buckets: options.buckets ?? 1 << 16, charGrams: options.charGrams, charWeight: options.charWeight };
  return trainOnFeatures(featurizeAll(examples, f, shape), examples, options);
}

/** Platt scaling fitted by gradient descent on (raw probability, label) pairs from held-out predictions. */
export function fitCalibration(pairs: Array<{ raw: number; label: 0 | 1 }>, iterations = 2000): ClassifierModel['calibration'] {
  let a = 1;
  let b = 0;
  const xs = pairs.map((p) => {
    const q = Math.min(1 - 1e-6, Math.max(1e-6, p.raw));
    return Math.log(q / (1 - q));
  });
  for (let it = 0; it < iterations; it++) {
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < pairs.length; i++) {
      const g = sigmoid(a * (xs[i] as number) + b) - (pairs[i] as { label: number }).label;
      ga += g * (xs[i] as number);
      gb += g;
    }
    a -= (0.5 * ga) / pairs.length;
    b -= (0.5 * gb) / pairs.length;
  }
  return { a: Math.round(a * 1000) / 1000, b: Math.round(b * 1000) / 1000 };
}

/**
 * The urgent threshold: the highest calibrated probability that still keeps `minRecall` of the urgent examples
 * (safety first: missing a person costs more than an extra look). The concern threshold keeps `concernRecall`.
 */
export function chooseThresholds(pairs: Array<{ p: number; label: 0 | 1 }>, minRecall: number, concernRecall: number): ClassifierModel['thresholds'] {
  const positives = pairs.filter((x) => x.label === 1).map((x) => x.p).sort((x, y) => y - x);
  const at = (recall: number) => positives[Math.min(positives.length - 1, Math.max(0, Math.ceil(recall * positives.length) - 1))] ?? 0.5;
  const urgent = at(minRecall);
  const concern = Math.min(at(concernRecall), urgent - 0.01);
  return { concern: Math.round(concern * 1000) / 1000, urgent: Math.round(urgent * 1000) / 1000 };
}
