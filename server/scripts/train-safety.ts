/**
 * Trains the crisis-risk classifier (layer 2 of server/src/modules/safety/assessment) and writes its weights to
 * model.json (committed), then evaluates the whole engine on a deterministic held-out dev split and writes
 * bench/reports/safety-dev.md. Never prints or stores post text.
 *
 *   npm run train:safety [-- path/to/cssrs_500_users.csv] [--goemotions path/to/ekman_train.tsv | --no-goemotions]
 *
 * Label mapping (C-SSRS → target): Supportive, Indicator → 0 (not urgent); Ideation, Behavior, Attempt → 1 (urgent).
 * For the 3-level dev report: Supportive → none, Indicator → concern, Ideation/Behavior/Attempt → urgent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createAssessor, engineScore, levelOf } from '../src/modules/safety/assessment/assess.ts';
import { calibrate, chooseThresholds, featurizeAll, fitCalibration, predictProbability, predictRaw, trainOnFeatures, type TrainExample } from '../src/modules/safety/assessment/classifier.ts';
import { evaluateRules } from '../src/modules/safety/assessment/rules.ts';
import { parseCsvRecords } from '../src/modules/safety/assessment/csv.ts';
import { buildConfusion, collapseToBinary, formatConfusion, formatMetrics, levelMetrics, percentile } from '../src/modules/safety/assessment/metrics.ts';
import type { RiskLevel } from '../src/modules/safety/assessment/types.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--goemotions'));
const dataDir = path.join(repoRoot, '../shared/data');
const cssrsPath = path.resolve(positional ?? path.join(dataDir, 'crisis/cssrs_500_users.csv'));
const goPath = args.includes('--no-goemotions') ? null : path.resolve(flag('--goemotions') ?? path.join(dataDir, 'emotion/ekman_train.tsv'));
const goDevPath = path.join(dataDir, 'emotion/ekman_dev.tsv');
const modelPath = path.join(repoRoot, 'server/src/modules/safety/assessment/model.json');
const reportPath = path.join(repoRoot, 'bench/reports/safety-dev.md');

const SEED = 20240521;
const TARGET: Record<string, 0 | 1> = { supportive: 0, indicator: 0, ideation: 1, behavior: 1, attempt: 1 };
const LEVEL: Record<string, RiskLevel> = { supportive: 'none', indicator: 'concern', ideation: 'urgent', behavior: 'urgent', attempt: 'urgent' };

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const records = parseCsvRecords(fs.readFileSync(cssrsPath, 'utf8')).map((r, i) => ({ i, text: r.text ?? r.post ?? '', label: (r.label ?? '').trim().toLowerCase() }));
const usable = records.filter((r) => r.label in TARGET && r.text.length > 0);
// Deterministic stratified 80/20 split: within each label, order by a seeded hash, every fifth goes to dev.
const dev = new Set<number>();
for (const label of Object.keys(TARGET)) {
  const ofLabel = usable.filter((r) => r.label === label).sort((a, b) => hash(`${SEED}:${a.i}`) - hash(`${SEED}:${b.i}`));
  ofLabel.forEach((r, k) => k % 5 === 0 && dev.add(r.i));
}
const train: TrainExample[] = usable.filter((r) => !dev.has(r.i)).map((r) => ({ text: r.text, label: TARGET[r.label] as 0 | 1 }));

let goCount = 0;
if (goPath && fs.existsSync(goPath)) {
  // Everyday Reddit comments (GoEmotions, Apache-2.0) as "not urgent" examples: ordinary sadness, anger, jokes.
  const rows = fs.readFileSync(goPath, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  const picked = rows.filter((c) => (c[0] ?? '').length > 0).sort((a, b) => hash(`${SEED}:${a[2]}`) - hash(`${SEED}:${b[2]}`)).slice(0, Number(flag("--goemotions-count") ?? 1500));
  for (const c of picked) train.push({ text: c[0] as string, label: 0, weight: Number(flag("--goemotions-weight") ?? 0.5) });
  goCount = picked.length;
}

// Features once per text: the rules' cleaned text (idioms removed) and their signals, exactly as the engine sees them.
const featurizer = (() => {
  const cache = new Map<string, ReturnType<typeof evaluateRules>>();
  const rules = (t: string) => {
    let r = cache.get(t);
    if (!r) cache.set(t, (r = evaluateRules(t)));
    return r;
  };
  return { rules, normalize: (t: string) => rules(t).cleaned, signals: (t: string) => ({ score: rules(t).score, urgentCapable: rules(t).urgentCapable }) };
})();
const rulesOf = featurizer.rules;
const OPTIONS = { seed: SEED, buckets: 1 << 16, epochs: 15, learningRate: 0.5, l2: 1e-5 };
const started = performance.now();
const feats = featurizeAll(train, featurizer, OPTIONS.buckets);

// Validation without touching the dev split: 5-fold out-of-fold predictions over the training users (GoEmotions
// comments stay in every fold's training set). They fit the calibration and choose the thresholds.
const FOLDS = 5;
const cssrsIdx = train.map((e, k) => (e.weight === undefined ? k : -1)).filter((k) => k >= 0);
const foldOf = new Map<number, number>();
cssrsIdx.sort((a, b) => hash(`${SEED}:fold:${a}`) - hash(`${SEED}:fold:${b}`)).forEach((k, n) => foldOf.set(k, n % FOLDS));
const oof: Array<{ k: number; raw: number; label: 0 | 1 }> = [];
for (let f = 0; f < FOLDS; f++) {
  const inFold = train.map((_, k) => foldOf.get(k) !== f);
  const m = trainOnFeatures(feats.filter((_, k) => inFold[k]), train.filter((_, k) => inFold[k]), OPTIONS);
  for (const k of cssrsIdx) if (foldOf.get(k) === f) oof.push({ k, raw: predictRaw(m, featurizer.normalize(train[k]!.text), featurizer.signals(train[k]!.text)), label: train[k]!.label });
}
const calibration = fitCalibration(oof);
const calibrated = oof.map((o) => ({ ...o, p: calibrate(calibration, o.raw) }));
// The urgent threshold is the recall target that gives the whole engine (rules + classifier) the best F2 on the
// validation folds: recall weighs four times precision, because a missed person costs more than an extra look.
const trainLabel = new Map<number, RiskLevel>(usable.filter((r) => !dev.has(r.i)).map((r, n) => [n, LEVEL[r.label] as RiskLevel]));
let best = { f2: -1, recall: 0.9, thresholds: { concern: 0.4, urgent: 0.7 } };
const validationRows: string[] = [];
for (const recall of [0.8, 0.85, 0.9, 0.93, 0.95, 0.97]) {
  const thresholds = chooseThresholds(calibrated, recall, Math.min(0.99, recall + 0.04));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const o of calibrated) {
    const rules = rulesOf(train[o.k]!.text);
    const level = levelOf(engineScore(rules, o.p, thresholds));
    const urgent = trainLabel.get(o.k) === 'urgent';
    if (level === 'urgent' && urgent) tp++;
    else if (level === 'urgent') fp++;
    else if (urgent) fn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  const f2 = (5 * p * r) / Math.max(1e-9, 4 * p + r);
  validationRows.push(`| ${recall} | ${thresholds.urgent} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)} | ${f2.toFixed(3)} |`);
  if (f2 > best.f2) best = { f2, recall, thresholds };
}

const model = trainOnFeatures(feats, train, OPTIONS);
model.calibration = calibration;
model.thresholds = best.thresholds;
const trainSeconds = (performance.now() - started) / 1000;
model.meta = {
  trainedOn: `cssrs_500_users.csv (Gaur et al. 2019, CC BY 4.0): ${train.length - goCount} users after a 20% dev hold-out` + (goCount ? `; ${goCount} GoEmotions comments (Demszky et al. 2020, Apache-2.0) as not urgent` : ''),
  labelMapping: 'Supportive, Indicator -> 0; Ideation, Behavior, Attempt -> 1',
  features: 'hashed word 1-2 grams (sublinear tf, L2-normalized), Spanish risk words mapped to English, dense: first/second person rate, rules score, rules urgent, length',
  validation: `${FOLDS}-fold out-of-fold predictions on the training users: Platt calibration, urgent threshold at recall ${best.recall} (best engine F2 ${best.f2.toFixed(3)})`,
  seed: SEED,
};
fs.writeFileSync(modelPath, `${JSON.stringify(model)}\n`);

// Evaluate the full engine (rules + this classifier, no context) on the dev split.
const assess = createAssessor(model);
const devRows = usable.filter((r) => dev.has(r.i));
const times: number[] = [];
const pairs = devRows.map((r) => {
  const t0 = performance.now();
  const a = assess(r.text);
  times.push(performance.now() - t0);
  return { actual: LEVEL[r.label] as RiskLevel, predicted: a.level };
});
times.sort((a, b) => a - b);
const confusion = buildConfusion(pairs);
const binary = collapseToBinary(confusion);
const rulesOnly = createAssessor(null);
const binaryRules = collapseToBinary(buildConfusion(devRows.map((r) => ({ actual: LEVEL[r.label] as RiskLevel, predicted: rulesOnly(r.text).level }))));

let everyday = '';
if (fs.existsSync(goDevPath)) {
  const sad = fs.readFileSync(goDevPath, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t')).filter((c) => (c[1] ?? '').split(',').includes('5'));
  const levels = sad.map((c) => assess(c[0] as string).level);
  const n = levels.length;
  const share = (l: RiskLevel) => ((100 * levels.filter((x) => x === l).length) / n).toFixed(1);
  const keyword = sad.filter((c) => /\b(die|dead|death|kill|suicid\w*|hurt|end it|pills?)\b/i.test(c[0] as string)).length;
  everyday = `\n## Ordinary sad comments (GoEmotions dev, label "sadness", n = ${n}; not used in training)\n\nurgent ${share('urgent')}%, concern ${share('concern')}%, none ${share('none')}% (a plain keyword list of die/dead/kill/suicide/hurt/pills flags ${((100 * keyword) / n).toFixed(1)}%).\n`;
}

/** Threshold-free ranking quality of the classifier alone on the dev split (area under the ROC curve). */
function rocAuc(scores: number[], ys: boolean[]): number {
  const order = scores.map((sc, i) => ({ sc, y: ys[i] })).sort((a, b) => a.sc - b.sc);
  let pos = 0;
  let rankSum = 0;
  order.forEach((o, i) => {
    if (o.y) {
      pos++;
      rankSum += i + 1;
    }
  });
  const neg = order.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / Math.max(1, pos * neg);
}
const devAuc = rocAuc(
  devRows.map((r) => predictProbability(model, featurizer.normalize(r.text), featurizer.signals(r.text))),
  devRows.map((r) => LEVEL[r.label] === 'urgent'),
);
const um = levelMetrics(binary, 'urgent');
const ur = levelMetrics(binaryRules, 'urgent');
const avgChars = Math.round(devRows.reduce((s, r) => s + r.text.length, 0) / Math.max(1, devRows.length));
const report = `# Safety assessment: dev split

Generated by \`npm run train:safety\` (seed ${SEED}); rerun to reproduce. Data: cssrs_500_users.csv (Gaur et al. 2019, CC BY 4.0),
${devRows.length} users held out (stratified 20%), never used for training. Each row is one Reddit user's posts concatenated, so these
are long texts (about ${avgChars} characters on average) from r/SuicideWatch and neighbouring forums, not chat messages.
Labels mapped Supportive → none, Indicator → concern, Ideation/Behavior/Attempt → urgent.
Classifier trained in ${trainSeconds.toFixed(1)} s on ${train.length} examples${goCount ? ` (${goCount} of them GoEmotions comments as not urgent)` : ''}.

## Three levels (rules + classifier, no context)

\`\`\`
${formatConfusion(confusion)}

${formatMetrics(confusion)}
\`\`\`

## Urgent vs not urgent

| engine | urgent precision | urgent recall | F1 |
|---|---|---|---|
| rules + classifier | ${um.precision.toFixed(3)} | ${um.recall.toFixed(3)} | ${um.f1.toFixed(3)} |
| rules only | ${ur.precision.toFixed(3)} | ${ur.recall.toFixed(3)} | ${ur.f1.toFixed(3)} |

Classifier alone, threshold-free: ROC AUC ${devAuc.toFixed(3)} on the dev split.

## How the urgent threshold was chosen (validation folds, never the dev split)

${FOLDS}-fold out-of-fold predictions on the ${cssrsIdx.length} training users fitted the Platt calibration (a = ${calibration.a}, b = ${calibration.b}).
For each recall target the classifier's urgent threshold was set, and the whole engine (rules + classifier) was scored on
the same folds. The target with the best F2 (recall weighted four times precision: missing a person costs more than an
extra look) was kept: **${best.recall}**. The others, for anyone who prefers another trade-off:

| classifier recall target | calibrated threshold | engine precision | engine recall | F1 | F2 |
|---|---|---|---|---|---|
${validationRows.join('\n')}
${everyday}
## Time per assessment on these long texts

median ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms. Chat-length messages: \`npx tsx bench/safety-assess.ts\`.
`;
fs.mkdirSync(path.dirname(reportPath), { recursive: true });
fs.writeFileSync(reportPath, report);
console.log(report);
console.log(`model: ${path.relative(repoRoot, modelPath)} (${(fs.statSync(modelPath).size / 1024).toFixed(0)} KB)`);
