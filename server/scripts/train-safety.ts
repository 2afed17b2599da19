/**
 * Trains the crisis-risk classifier (layer 2 of server/src/modules/safety/assessment) and writes its weights to
 * model.json (committed), then evaluates the whole engine on a deterministic held-out dev split and writes
 * bench/reports/safety-dev.md. Never prints or stores post text.
 *
 *   npm run train:safety [-- path/to/cssrs_500_users.csv] [--goemotions path/to/ekman_train.tsv | --no-goemotions]
 *     [--rmhd path/to/rmhd_dev.csv | --no-rmhd] [--rmhd-weight 0.5] [--posts-weight 0]
 *
 * Not-urgent examples besides the C-SSRS users: GoEmotions comments (everyday chat) and 60% of the RMHD mental-health
 * forum posts (anxiety, depression, loneliness…: distress that is not a crisis); the other 40% are a held-out check.
 * Individual posts of the training users (split on " ||| ", labelled by their user) can be added with --posts-weight;
 * on the validation folds they did not help (see the assessment README), so the default is 0.
 *
 * Label mapping (C-SSRS → target): Supportive, Indicator → 0 (not urgent); Ideation, Behavior, Attempt → 1 (urgent).
 * For the 3-level dev report: Supportive → none, Indicator → concern, Ideation/Behavior/Attempt → urgent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createAssessor, engineScore, levelOf, ruleSignals } from '../src/modules/safety/assessment/assess.ts';
import { calibrate, chooseThresholds, featurizeAll, fitCalibration, predictProbability, predictRaw, trainOnFeatures, type TrainExample } from '../src/modules/safety/assessment/classifier.ts';
import { evaluateRules } from '../src/modules/safety/assessment/rules.ts';
import { parseCsvRecords } from '../src/modules/safety/assessment/csv.ts';
import { buildConfusion, collapseToBinary, formatConfusion, formatMetrics, levelMetrics, percentile } from '../src/modules/safety/assessment/metrics.ts';
import type { RiskLevel } from '../src/modules/safety/assessment/types.ts';
import { fnv1a } from '../src/platform/ml/hashed-features.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
const dataDir = path.join(repoRoot, '../shared/data');
const cssrsPath = path.resolve(positional ?? path.join(dataDir, 'crisis/cssrs_500_users.csv'));
const goPath = args.includes('--no-goemotions') ? null : path.resolve(flag('--goemotions') ?? path.join(dataDir, 'emotion/ekman_train.tsv'));
const goDevPath = path.join(dataDir, 'emotion/ekman_dev.tsv');
const rmhdPath = args.includes('--no-rmhd') ? null : path.resolve(flag('--rmhd') ?? path.join(dataDir, 'groups/rmhd_dev.csv'));
const modelPath = path.join(repoRoot, 'server/src/modules/safety/assessment/model.json');
const reportPath = path.resolve(repoRoot, flag('--report') ?? 'bench/reports/safety-dev.md');
const writeModel = !args.includes('--dry-run');

const SEED = 20240521;
const TARGET: Record<string, 0 | 1> = { supportive: 0, indicator: 0, ideation: 1, behavior: 1, attempt: 1 };
const LEVEL: Record<string, RiskLevel> = { supportive: 'none', indicator: 'concern', ideation: 'urgent', behavior: 'urgent', attempt: 'urgent' };
const POSTS_WEIGHT = Number(flag('--posts-weight') ?? 0);
const RMHD_WEIGHT = Number(flag('--rmhd-weight') ?? 0.5);

/** The data set joins a user's posts with " ||| "; the engine is told so (it never guesses on the server). */
const HISTORY = { historySeparator: ' ||| ' };
/** The posts of one user's history. */
const splitPosts = (text: string) => text.split(/\s*\|\|\|\s*/).filter((p) => p.trim().length > 0);
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const records = parseCsvRecords(fs.readFileSync(cssrsPath, 'utf8')).map((r, i) => ({ i, text: r.text ?? r.post ?? '', label: (r.label ?? '').trim().toLowerCase() }));
const usable = records.filter((r) => r.label in TARGET && r.text.length > 0);
// Deterministic stratified 80/20 split: within each label, order by a seeded hash, every fifth goes to dev.
const dev = new Set<number>();
for (const label of Object.keys(TARGET)) {
  const ofLabel = usable.filter((r) => r.label === label).sort((a, b) => fnv1a(`${SEED}:${a.i}`) - fnv1a(`${SEED}:${b.i}`));
  ofLabel.forEach((r, k) => k % 5 === 0 && dev.add(r.i));
}
/** `group` keeps a user's history and posts (or one RMHD post) in the same validation fold; -1 = in every fold. */
type Example = TrainExample & { group: number; kind: 'history' | 'post' | 'rmhd' | 'everyday'; level?: RiskLevel };
const train: Example[] = [];
for (const r of usable.filter((u) => !dev.has(u.i))) {
  train.push({ text: r.text, label: TARGET[r.label] as 0 | 1, group: r.i, kind: 'history', level: LEVEL[r.label] });
  const posts = splitPosts(r.text);
  if (POSTS_WEIGHT > 0 && posts.length > 1) {
    // Each user's posts weigh about as much as a few examples, however many they wrote.
    for (const p of posts) train.push({ text: p, label: TARGET[r.label] as 0 | 1, group: r.i, kind: 'post', weight: POSTS_WEIGHT * Math.min(1, 5 / posts.length) });
  }
}
const cssrsUsers = train.filter((e) => e.kind === 'history').length;

let goCount = 0;
if (goPath && fs.existsSync(goPath)) {
  // Everyday Reddit comments (GoEmotions, Apache-2.0) as "not urgent" examples: ordinary sadness, anger, jokes.
  const rows = fs.readFileSync(goPath, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  const picked = rows.filter((c) => (c[0] ?? '').length > 0).sort((a, b) => fnv1a(`${SEED}:${a[2]}`) - fnv1a(`${SEED}:${b[2]}`)).slice(0, Number(flag('--goemotions-count') ?? 1500));
  for (const c of picked) train.push({ text: c[0] as string, label: 0, weight: Number(flag('--goemotions-weight') ?? 0.5), group: -1, kind: 'everyday' });
  goCount = picked.length;
}

// Mental-health forum posts that are not about crisis (RMHD, CC BY 4.0): 60% train as "not urgent", 40% held out.
let rmhdHeldOut: Array<{ text: string; forum: string }> = [];
let rmhdTrainCount = 0;
if (rmhdPath && fs.existsSync(rmhdPath)) {
  const rows = parseCsvRecords(fs.readFileSync(rmhdPath, 'utf8')).map((r, i) => ({ i, text: r.text ?? '', forum: r.label ?? '' })).filter((r) => r.text.trim());
  const held = (i: number) => fnv1a(`${SEED}:rmhd:${i}`) % 5 < 2;
  rmhdHeldOut = rows.filter((r) => held(r.i));
  for (const r of rows.filter((x) => !held(x.i))) train.push({ text: r.text, label: 0, weight: RMHD_WEIGHT, group: 100_000 + r.i, kind: 'rmhd', level: 'none' });
  rmhdTrainCount = rows.length - rmhdHeldOut.length;
}

// Features once per text: the rules' cleaned text (idioms removed) and their signals, exactly as the engine sees them.
const featurizer = (() => {
  const cache = new Map<string, ReturnType<typeof evaluateRules>>();
  const rules = (t: string) => {
    let r = cache.get(t);
    if (!r) cache.set(t, (r = evaluateRules(t, HISTORY)));
    return r;
  };
  return { rules, normalize: (t: string) => rules(t).cleaned, signals: (t: string) => ruleSignals(rules(t)) };
})();
const rulesOf = featurizer.rules;
const charGrams = (flag('--char-grams') ?? '').split(',').filter(Boolean).map(Number);
const OPTIONS = { seed: SEED, buckets: 1 << 16, epochs: 15, learningRate: 0.5, l2: 1e-5, charGrams, charWeight: 0.5 };
const started = performance.now();
const feats = featurizeAll(train, featurizer, OPTIONS);

// Validation without touching the dev split: 5-fold out-of-fold predictions, folds by user (a user's history and
// posts together) and by RMHD post; GoEmotions comments stay in every fold's training set. They fit the calibration
// and choose the thresholds.
const FOLDS = 5;
const groups = [...new Set(train.filter((e) => e.group >= 0).map((e) => e.group))].sort((a, b) => fnv1a(`${SEED}:fold:${a}`) - fnv1a(`${SEED}:fold:${b}`));
const foldOf = new Map(groups.map((g, n) => [g, n % FOLDS]));
const oof: Array<{ k: number; raw: number; label: 0 | 1 }> = [];
for (let f = 0; f < FOLDS; f++) {
  const inFold = train.map((e) => e.group < 0 || foldOf.get(e.group) !== f);
  const m = trainOnFeatures(feats.filter((_, k) => inFold[k]), train.filter((_, k) => inFold[k]), OPTIONS);
  train.forEach((e, k) => {
    if (e.group >= 0 && foldOf.get(e.group) === f) oof.push({ k, raw: predictRaw(m, featurizer.normalize(e.text), featurizer.signals(e.text)), label: e.label });
  });
}
// Calibrated on whole histories and RMHD posts (the shapes the thresholds are chosen on).
const calibration = fitCalibration(oof.filter((o) => train[o.k]!.kind !== 'post'));
const calibrated = oof.map((o) => ({ ...o, p: calibrate(calibration, o.raw) }));
const oofHistories = calibrated.filter((o) => train[o.k]!.kind === 'history');
const oofRmhd = calibrated.filter((o) => train[o.k]!.kind === 'rmhd');
/**
 * The concern threshold: the classifier alone should not send more than one in five ordinary mental-health posts to
 * review, so it is at least the 80th percentile of the RMHD posts' out-of-fold probabilities.
 */
const rmhdP80 = (() => {
  const ps = oofRmhd.map((o) => o.p).sort((a, b) => a - b);
  return ps.length ? (ps[Math.floor(0.8 * (ps.length - 1))] as number) : 0;
})();
// The urgent threshold is the recall target that gives the whole engine (rules + classifier) the best F2 on the
// validation folds, over the users' histories and the RMHD posts together: recall weighs four times precision,
// because a missed person costs more than an extra look.
let best = { f2: -1, recall: 0.9, thresholds: { concern: 0.4, urgent: 0.7 } };
const validationRows: string[] = [];
for (const recall of [0.8, 0.85, 0.9, 0.93, 0.95, 0.97]) {
  const chosen = chooseThresholds(oofHistories, recall, Math.min(0.99, recall + 0.04));
  const thresholds = { urgent: chosen.urgent, concern: Math.round(Math.max(chosen.concern, rmhdP80) * 1000) / 1000 };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let rmhdUrgent = 0;
  for (const o of [...oofHistories, ...oofRmhd]) {
    const e = train[o.k]!;
    const level = levelOf(engineScore(rulesOf(e.text), o.p, thresholds));
    const urgent = e.level === 'urgent';
    if (level === 'urgent' && urgent) tp++;
    else if (level === 'urgent') fp++;
    else if (urgent) fn++;
    if (e.kind === 'rmhd' && level === 'urgent') rmhdUrgent++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  const f2 = (5 * p * r) / Math.max(1e-9, 4 * p + r);
  validationRows.push(`| ${recall} | ${thresholds.urgent} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)} | ${f2.toFixed(3)} | ${((100 * rmhdUrgent) / Math.max(1, oofRmhd.length)).toFixed(1)}% |`);
  if (f2 > best.f2) best = { f2, recall, thresholds };
}

const model = trainOnFeatures(feats, train, OPTIONS);
model.calibration = calibration;
model.thresholds = best.thresholds;
const trainSeconds = (performance.now() - started) / 1000;
model.meta = {
  trainedOn:
    `cssrs_500_users.csv (Gaur et al. 2019, CC BY 4.0): ${cssrsUsers} users after a 20% dev hold-out` +
    (POSTS_WEIGHT > 0 ? ` (and their single posts, weight ${POSTS_WEIGHT})` : '') +
    (goCount ? `; ${goCount} GoEmotions comments (Demszky et al. 2020, Apache-2.0) as not urgent` : '') +
    (rmhdTrainCount ? `; ${rmhdTrainCount} RMHD mental-health forum posts (Low et al. 2020, CC BY 4.0) as not urgent` : ''),
  labelMapping: 'Supportive, Indicator -> 0; Ideation, Behavior, Attempt -> 1',
  features: `hashed word 1-2 grams${charGrams.length ? ` and character ${charGrams.join('/')}-grams` : ''} (sublinear tf, L2-normalized), Spanish risk words mapped to English, dense: first/second person rate, rules score, rules urgent, length`,
  validation: `${FOLDS}-fold out-of-fold predictions on the training users and RMHD posts: Platt calibration, urgent threshold at recall ${best.recall} (best engine F2 ${best.f2.toFixed(3)}), concern threshold at least the RMHD 80th percentile`,
  seed: SEED,
};
if (writeModel) fs.writeFileSync(modelPath, `${JSON.stringify(model)}\n`);

// Evaluate the full engine (rules + this classifier, no context) on the dev split.
const assess = createAssessor(model);
const rulesOnly = createAssessor(null);
const devRows = usable.filter((r) => dev.has(r.i));
const times: number[] = [];
const pairs = devRows.map((r) => {
  const t0 = performance.now();
  const a = assess(r.text, undefined, undefined, HISTORY);
  times.push(performance.now() - t0);
  return { actual: LEVEL[r.label] as RiskLevel, predicted: a.level };
});
times.sort((a, b) => a - b);
const confusion = buildConfusion(pairs);
const binary = collapseToBinary(confusion);
const binaryRules = collapseToBinary(buildConfusion(devRows.map((r) => ({ actual: LEVEL[r.label] as RiskLevel, predicted: rulesOnly(r.text, undefined, undefined, HISTORY).level }))));

// Second check, another shape: every single post of the held-out users, labelled by its user's label. A noisy proxy:
// people at risk also write ordinary posts and reply to others, so many "urgent" posts are not urgent on their own.
const devPosts = devRows.flatMap((r) => splitPosts(r.text).map((text) => ({ text, level: LEVEL[r.label] as RiskLevel, words: wordCount(text) })));
const postRow = (name: string, rows: typeof devPosts) => {
  const engine = levelMetrics(collapseToBinary(buildConfusion(rows.map((x) => ({ actual: x.level, predicted: assess(x.text).level })))), 'urgent');
  const rules = levelMetrics(collapseToBinary(buildConfusion(rows.map((x) => ({ actual: x.level, predicted: rulesOnly(x.text).level })))), 'urgent');
  return `| ${name} | ${rows.length} | ${engine.support} | ${engine.precision.toFixed(3)} | ${engine.recall.toFixed(3)} | ${rules.precision.toFixed(3)} | ${rules.recall.toFixed(3)} |`;
};
const postRows = [
  postRow('all posts', devPosts),
  postRow('≤ 25 words', devPosts.filter((x) => x.words <= 25)),
  postRow('26–80 words', devPosts.filter((x) => x.words > 25 && x.words <= 80)),
  postRow('> 80 words', devPosts.filter((x) => x.words > 80)),
];

const shares = (levels: RiskLevel[]) => {
  const n = Math.max(1, levels.length);
  const share = (l: RiskLevel) => ((100 * levels.filter((x) => x === l).length) / n).toFixed(1);
  return `urgent ${share('urgent')}%, concern ${share('concern')}%, none ${share('none')}%`;
};
let everyday = '';
if (fs.existsSync(goDevPath)) {
  const sad = fs.readFileSync(goDevPath, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t')).filter((c) => (c[1] ?? '').split(',').includes('5'));
  const keyword = sad.filter((c) => /\b(die|dead|death|kill|suicid\w*|hurt|end it|pills?)\b/i.test(c[0] as string)).length;
  everyday = `\n## Ordinary sad comments (GoEmotions dev, label "sadness", n = ${sad.length}; not used in training)\n\n${shares(sad.map((c) => assess(c[0] as string).level))} (a plain keyword list of die/dead/kill/suicide/hurt/pills flags ${((100 * keyword) / Math.max(1, sad.length)).toFixed(1)}%).\n`;
}
let forums = '';
if (rmhdHeldOut.length) {
  forums = `\n## Mental-health forum posts (RMHD, the 40% held out, n = ${rmhdHeldOut.length}; not used in training)\n\nPosts from r/anxiety, r/depression, r/lonely, r/ptsd and other support forums: distress, mostly not crisis, though some\ndo speak of wanting to die (they are unlabelled for risk, so "urgent" here is not always wrong).\n\n| engine | levels |\n|---|---|\n| rules + classifier | ${shares(rmhdHeldOut.map((r) => assess(r.text).level))} |\n| rules only | ${shares(rmhdHeldOut.map((r) => rulesOnly(r.text).level))} |\n`;
}

/** Threshold-free ranking quality of the classifier alone (area under the ROC curve). */
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
const probability = (t: string) => predictProbability(model, featurizer.normalize(t), featurizer.signals(t));
const devAuc = rocAuc(devRows.map((r) => probability(r.text)), devRows.map((r) => LEVEL[r.label] === 'urgent'));
const postAuc = rocAuc(devPosts.map((x) => probability(x.text)), devPosts.map((x) => x.level === 'urgent'));
const oofAuc = rocAuc(oofHistories.map((o) => o.p), oofHistories.map((o) => o.label === 1));
const um = levelMetrics(binary, 'urgent');
const ur = levelMetrics(binaryRules, 'urgent');
const avgChars = Math.round(devRows.reduce((s, r) => s + r.text.length, 0) / Math.max(1, devRows.length));
const report = `# Safety assessment: dev split

Generated by \`npm run train:safety\` (seed ${SEED}); rerun to reproduce. Data: cssrs_500_users.csv (Gaur et al. 2019, CC BY 4.0),
${devRows.length} users held out (stratified 20%), never used for training. Each row is one Reddit user's posts concatenated, so these
are long texts (about ${avgChars} characters on average) from r/SuicideWatch and neighbouring forums, not chat messages.
Labels mapped Supportive → none, Indicator → concern, Ideation/Behavior/Attempt → urgent.
Classifier trained in ${trainSeconds.toFixed(1)} s on ${train.length} examples: ${cssrsUsers} users' histories${POSTS_WEIGHT > 0 ? ' and their single posts' : ''}${goCount ? `, ${goCount} GoEmotions comments` : ''}${rmhdTrainCount ? `, ${rmhdTrainCount} RMHD forum posts` : ''} (the last two as not urgent).

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

Classifier alone, threshold-free: ROC AUC ${devAuc.toFixed(3)} on the dev split (${oofAuc.toFixed(3)} out-of-fold on the training users).

## Single posts of the held-out users (a second, noisy check)

The ${devPosts.length} posts of the ${devRows.length} dev users, one by one, each labelled with its user's label. People at risk also write
ordinary posts and replies to others, so this proxy understates recall and precision alike; it shows how the engine
behaves on post-sized text, by length. Classifier alone on these posts: ROC AUC ${postAuc.toFixed(3)}.

| posts | n | urgent (by user) | engine precision | engine recall | rules-only precision | rules-only recall |
|---|---|---|---|---|---|---|
${postRows.join('\n')}

## How the thresholds were chosen (validation folds, never the dev split)

${FOLDS}-fold out-of-fold predictions on the ${cssrsUsers} training users${rmhdTrainCount ? ` and ${rmhdTrainCount} RMHD posts` : ''} fitted the Platt calibration (a = ${calibration.a}, b = ${calibration.b}).
For each recall target the classifier's urgent threshold was set, and the whole engine (rules + classifier) was scored on
the same folds (users' histories${rmhdTrainCount ? ' and RMHD posts as not urgent' : ''}). The target with the best F2 (recall weighted four times
precision: missing a person costs more than an extra look) was kept: **${best.recall}**. The concern threshold is at least
the 80th percentile of the RMHD posts' out-of-fold probabilities (${rmhdP80.toFixed(3)}), so the classifier alone sends at most about one
ordinary forum post in five to review. The others, for anyone who prefers another trade-off:

| classifier recall target | calibrated threshold | engine precision | engine recall | F1 | F2 | RMHD posts urgent |
|---|---|---|---|---|---|---|
${validationRows.join('\n')}
${everyday}${forums}
## Time per assessment on these long texts

median ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms. Chat-length messages: \`npx tsx bench/safety-assess.ts\`.
`;
fs.mkdirSync(path.dirname(reportPath), { recursive: true });
fs.writeFileSync(reportPath, report);
console.log(report);
if (writeModel) console.log(`model: ${path.relative(repoRoot, modelPath)} (${(fs.statSync(modelPath).size / 1024).toFixed(0)} KB)`);
