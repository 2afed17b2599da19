/**
 * Trains the message emotion classifier (server/src/modules/outcomes/sentiment/emotion.ts) and writes its weights to
 * emotion-model.json (committed). Deterministic: fixed seed, fixed order. Never prints or stores the comments' text.
 *
 *   npm run train:emotion [-- --train path/to/ekman_train.tsv --dev path/to/ekman_dev.tsv]
 *
 * Data: GoEmotions (Demszky et al., ACL 2020, Apache-2.0) grouped to Ekman's emotions + neutral, from ../shared/data.
 * A row with several labels is trained as one example per label, each weighted 1/k.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMOTIONS, EMOTION_MODEL_PATH, classifyEmotion, emotionFeatures, encodeWeights, loadEmotionModel, type EmotionModel } from '../src/modules/outcomes/sentiment/emotion.ts';
import { parseEkmanTsv, scoreEmotions } from '../src/modules/outcomes/sentiment/emotion-metrics.ts';
import { seededRandom, shuffleInPlace } from '../src/platform/ml/random.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = path.join(repoRoot, '../shared/data/emotion');
const trainPath = path.resolve(flag('--train') ?? path.join(dataDir, 'ekman_train.tsv'));
const devPath = path.resolve(flag('--dev') ?? path.join(dataDir, 'ekman_dev.tsv'));

const BUCKETS = 1 << 15;
const EPOCHS = Number(process.env.EPOCHS ?? 4);
const LR = Number(process.env.LR ?? 0.2);
const L2 = Number(process.env.L2 ?? 1e-5);
const SEED = 20260301;
const CLASS_POWER = Number(process.env.CLASS_POWER ?? 0.5);
const SCALE = 2000;

const train = parseEkmanTsv(fs.readFileSync(trainPath, 'utf8'));
const dev = parseEkmanTsv(fs.readFileSync(devPath, 'utf8'));
const K = EMOTIONS.length;

// Rarer emotions weigh more (inverse frequency to the power CLASS_POWER), so the macro-F1 is not left to neutral.
const counts = new Array<number>(EMOTIONS.length).fill(0);
for (const row of train) for (const l of row.labels) counts[l]! += 1 / row.labels.length;
const classWeight = counts.map((c) => (Math.max(...counts) / c) ** CLASS_POWER);

// One example per (row, label); features computed once.
const examples = train.flatMap((row) => {
  const features = emotionFeatures(row.text, BUCKETS);
  return row.labels.map((label) => ({ features, label, weight: classWeight[label]! / row.labels.length }));
});

const weights = new Float32Array(BUCKETS * K);
const gradSq = new Float32Array(BUCKETS * K).fill(1e-6);
const bias = new Array<number>(K).fill(0);
const biasSq = new Array<number>(K).fill(1e-6);
const random = seededRandom(SEED);
const order = examples.map((_, i) => i);

for (let epoch = 0; epoch < EPOCHS; epoch++) {
  shuffleInPlace(order, random);
  let loss = 0;
  for (const idx of order) {
    const { features, label, weight } = examples[idx]!;
    const v = 1 / Math.sqrt(features.length);
    const z = bias.slice();
    for (let f = 0; f < features.length; f++) {
      const row = features[f]! * K;
      for (let c = 0; c < K; c++) z[c]! += weights[row + c]! * v;
    }
    const max = Math.max(...z);
    const e = z.map((x) => Math.exp(x - max));
    const sum = e.reduce((s, x) => s + x, 0);
    loss -= weight * Math.log(e[label]! / sum + 1e-12);
    for (let c = 0; c < K; c++) {
      const g = weight * (e[c]! / sum - (c === label ? 1 : 0));
      biasSq[c]! += g * g;
      bias[c]! -= (LR * g) / Math.sqrt(biasSq[c]!);
      for (let f = 0; f < features.length; f++) {
        const at = features[f]! * K + c;
        const gw = g * v + L2 * weights[at]!;
        gradSq[at]! += gw * gw;
        weights[at]! -= (LR * gw) / Math.sqrt(gradSq[at]!);
      }
    }
  }
  console.log(`epoch ${epoch + 1}/${EPOCHS}: mean loss ${(loss / examples.length).toFixed(4)}`);
}

const model: EmotionModel = {
  version: 1,
  buckets: BUCKETS,
  scale: SCALE,
  labels: EMOTIONS,
  bias: bias.map((b) => Math.round(b * 1e4) / 1e4),
  weights: encodeWeights(weights, SCALE),
  meta: {
    data: 'GoEmotions (Demszky et al., ACL 2020), Ekman grouping; Apache-2.0',
    trainRows: train.length,
    features: 'hashed word 1-2-grams, binary, L2-normalized',
    optimizer: `AdaGrad, ${EPOCHS} epochs, lr ${LR}, l2 ${L2}, class weight power ${CLASS_POWER}, seed ${SEED}`,
  },
};
fs.writeFileSync(EMOTION_MODEL_PATH, JSON.stringify(model));

// Check the quantized model as the server will load it.
const loaded = loadEmotionModel(model);
const predictions = dev.map((row) => EMOTIONS.indexOf(classifyEmotion(loaded, row.text).emotion));
const scores = scoreEmotions(dev, predictions, EMOTIONS);
console.log(`wrote ${path.relative(repoRoot, EMOTION_MODEL_PATH)} (${(fs.statSync(EMOTION_MODEL_PATH).size / 1024).toFixed(0)} KiB)`);
console.log(`dev: n=${scores.n} accuracy=${scores.accuracy.toFixed(4)} macro-F1=${scores.macroF1.toFixed(4)} (npm run bench:emotion for the full report)`);
