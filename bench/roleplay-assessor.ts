/**
 * Role-play reply assessor: accuracy on the held-out labelled practice replies (rules alone, model alone, the
 * assessor), each against the majority-class baseline, and the cost per reply against a baseline measured in the same
 * run (the rules alone). Prints figures and ratios; no thresholds.
 *
 *   npx tsx bench/roleplay-assessor.ts [--rounds 50]
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { assessReply } from '../server/src/modules/training/roleplay/assessor.ts';
import { predictors, reportTable, score } from '../server/src/modules/training/roleplay/evaluate.ts';
import { isHeldOut, parseExamples, type RoleplayModel } from '../server/src/modules/training/roleplay/model.ts';
import { findCues } from '../server/src/modules/training/roleplay/rules.ts';

const i = process.argv.indexOf('--rounds');
const ROUNDS = i > 0 ? Number(process.argv[i + 1]) : 50;
const dir = new URL('../server/src/modules/training/roleplay/', import.meta.url);
const model = JSON.parse(fs.readFileSync(new URL('model.json', dir), 'utf8')) as RoleplayModel;
const examples = parseExamples(fs.readFileSync(new URL('examples.tsv', dir), 'utf8'));
const train = examples.filter((e) => !isHeldOut(e));
const heldOut = examples.filter(isHeldOut);

const p = predictors(model, train);
const baseline = score(heldOut, p.majority);
const rows: Array<[string, ReturnType<typeof score>]> = [
  ['majority class (baseline)', baseline],
  ['rules only', score(heldOut, p.rules)],
  ['model only', score(heldOut, p.model)],
  ['assessor (rules + model)', score(heldOut, p.assessor)],
];
console.log(`held-out replies: ${heldOut.length} (trained on ${train.length})\n`);
console.log(reportTable(rows));
for (const [name, s] of rows.slice(1)) console.log(`${name}: ${(s.accuracy / baseline.accuracy).toFixed(1)}x the baseline's accuracy`);

function timePerReply(fn: (t: string) => unknown): number {
  const texts = examples.map((e) => e.text);
  const start = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const t of texts) fn(t);
  return ((performance.now() - start) * 1000) / (ROUNDS * texts.length);
}
timePerReply((t) => assessReply(model, t)); // warm up
const rulesUs = timePerReply(findCues);
const assessorUs = timePerReply((t) => assessReply(model, t));
console.log(`\ncost per reply: rules ${rulesUs.toFixed(1)} µs (baseline), assessor ${assessorUs.toFixed(1)} µs, ratio ${(assessorUs / rulesUs).toFixed(1)}x`);
