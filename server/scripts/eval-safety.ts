/**
 * Evaluates assessRisk on any CSV with `text,label` columns (label none/concern/urgent, or 0/1 = not urgent/urgent).
 * Prints the confusion matrix, precision/recall/F1 per level and the assessment time per message. Never prints text.
 *
 *   npm run eval:safety -- FILE.csv [--history-separator " ||| "]
 *
 * --history-separator: each row is a history of several posts joined by this string (as in the C-SSRS data). Without
 * it every row is one message, as on the server.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { assessRisk } from '../src/modules/safety/assessment/index.ts';
import { evaluateCsv } from '../src/modules/safety/assessment/evaluate.ts';
import { buildConfusion, collapseToBinary, formatConfusion, formatMetrics, percentile } from '../src/modules/safety/assessment/metrics.ts';
import type { RiskLevel } from '../src/modules/safety/assessment/types.ts';

const args = process.argv.slice(2);
const sepAt = args.indexOf('--history-separator');
const historySeparator = sepAt >= 0 ? args[sepAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && !(sepAt >= 0 && i === sepAt + 1));
if (!file || (sepAt >= 0 && !historySeparator)) {
  console.error('Usage: npm run eval:safety -- FILE.csv [--history-separator " ||| "]   (columns: text,label; label none/concern/urgent or 0/1)');
  process.exit(2);
}
// Warm up the JIT so the first rows do not skew the timing figures.
for (let k = 0; k < 300; k++) assessRisk(`warm-up message ${k}: I feel low, this homework is killing me`);
const result = evaluateCsv(fs.readFileSync(file, 'utf8'), (text) => {
  const t0 = performance.now();
  const level = assessRisk(text, undefined, { historySeparator }).level;
  return { level, ms: performance.now() - t0 };
});
const levels: RiskLevel[] = result.binary ? ['none', 'urgent'] : ['none', 'concern', 'urgent'];
const confusion = result.binary ? collapseToBinary(buildConfusion(result.pairs)) : buildConfusion(result.pairs);
const times = result.times.sort((a, b) => a - b);
const names = (l: RiskLevel) => (result.binary ? (l === 'urgent' ? 'urgent (1)' : 'not urgent (0)') : l);
console.log(`${result.pairs.length} rows evaluated${result.skipped ? `, ${result.skipped} skipped (unknown label or empty text)` : ''}${result.binary ? '; binary labels: concern counts as not urgent' : ''}\n`);
console.log(formatConfusion(confusion, levels));
console.log(`\n${formatMetrics(confusion, levels)}`);
console.log(`\n(${levels.map(names).join(', ')})`);
console.log(`time per message: median ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms`);
