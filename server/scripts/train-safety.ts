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
import { createAssessor } from '../src/modules/safety/assessment/assess.ts';
import { trainClassifier, type TrainExample } from '../src/modules/safety/assessment/classifier.ts';
import { parseCsvRecords } from '../src/modules/safety/assessment/csv.ts';
import { buildConfusion, collapseToBinary, formatConfusion, formatMetrics, levelMetrics, percentile } from '../src/modules/safety/assessment/metrics.ts';
import { normalizeText } from '../src/modules/safety/assessment/normalize.ts';
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

const started = performance.now();
const model = trainClassifier(train, normalizeText, { seed: SEED, buckets: 1 << 16, epochs: 12, learningRate: 0.5, l2: 1e-5 });
const trainSeconds = (performance.now() - started) / 1000;
model.meta = {
  trainedOn: `cssrs_500_users.csv (Gaur et al. 2019, CC BY 4.0): ${train.length - goCount} users after a 20% dev hold-out` + (goCount ? `; ${goCount} GoEmotions comments (Demszky et al. 2020, Apache-2.0) as not urgent` : ''),
  labelMapping: 'Supportive, Indicator -> 0; Ideation, Behavior, Attempt -> 1',
  features: 'hashed word 1-2 grams + char 3-5 grams inside words, binary, L2-normalized',
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
${everyday}
## Time per assessment on these long texts

median ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms. Chat-length messages: \`npx tsx bench/safety-assess.ts\`.
`;
fs.mkdirSync(path.dirname(reportPath), { recursive: true });
fs.writeFileSync(reportPath, report);
console.log(report);
console.log(`model: ${path.relative(repoRoot, modelPath)} (${(fs.statSync(modelPath).size / 1024).toFixed(0)} KB)`);
