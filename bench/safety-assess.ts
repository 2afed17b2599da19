/**
 * Cost of one crisis-risk assessment (rules + classifier) on chat-length messages and on longer texts, against
 * baselines measured in the same run: one plain keyword regex over the same texts, and the rules with their literal
 * pre-filter turned off (every rule tried on every clause: same results, the cost before the pre-filter). Prints
 * medians, p95/p99 and ratios; no thresholds.
 *
 *   npx tsx bench/safety-assess.ts [--rounds 200]
 *
 * Messages are synthetic, written for this bench (no real posts).
 */
import { performance } from 'node:perf_hooks';
import { assessRisk } from '../server/src/modules/safety/assessment/index.ts';
import { evaluateRules } from '../server/src/modules/safety/assessment/rules.ts';

const i = process.argv.indexOf('--rounds');
const ROUNDS = i > 0 ? Number(process.argv[i + 1]) : 200;

const parts = [
  'hey everyone', 'this homework is killing me', 'I feel so low today', 'anyone up for the group call later?', 'I miss my mum',
  'I would never hurt myself', 'I want to die', 'my friend says she wants to die', 'two years since my attempt, doing better',
  'quiero morir', 'ya no aguanto más', 'thanks for listening, it helped a lot', 'I could kill my brother for eating my fries',
  "I can't do this anymore", 'goodbye everyone', 'what time does the session start', 'k!ll mys3lf', 'me muero de risa',
];
const messages: string[] = [];
for (let k = 0; k < 400; k++) {
  const a = parts[k % parts.length] as string;
  const b = parts[(k * 7 + 3) % parts.length] as string;
  messages.push(k % 3 === 0 ? `${a}. ${b}, honestly ${k}` : `${a} ${k}`);
}

const baseline = /\b(kill|die|dead|suicid\w*|hurt myself|end it|pills?|goodbye|morir|matar)\b/i;
function measure(fn: (t: string) => unknown): number[] {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of messages) {
      const t0 = performance.now();
      fn(m);
      times.push(performance.now() - t0);
    }
  }
  return times.sort((x, y) => x - y);
}
const q = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;

// Longer texts by length (up to post histories of about 5,500 characters, posts joined with " ||| "), also synthetic,
// for the cost on the shape of the dev data.
function history(k: number, chars: number): string {
  let h = '';
  for (let j = 0; h.length < chars; j++) h += `${j ? ' ||| ' : ''}${parts[(k + j * 5) % parts.length]}. Today I went for a walk and talked with my sister about work, school and the week ahead (${k}-${j}). `;
  return h;
}
function measureTexts(texts: string[], fn: (t: string) => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const m of texts) {
      const t0 = performance.now();
      fn(m);
      times.push(performance.now() - t0);
    }
  }
  return times.sort((x, y) => x - y);
}

measure((t) => assessRisk(t)); // warm-up
const engine = measure((t) => assessRisk(t));
const regex = measure((t) => baseline.test(t));
const fmt = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
console.log(`messages: ${messages.length} × ${ROUNDS} rounds, avg ${Math.round(messages.reduce((s, m) => s + m.length, 0) / messages.length)} chars`);
console.log(`assessRisk     median ${fmt(q(engine, 0.5))}  p95 ${fmt(q(engine, 0.95))}  p99 ${fmt(q(engine, 0.99))}`);
console.log(`keyword regex  median ${fmt(q(regex, 0.5))}  p95 ${fmt(q(regex, 0.95))}`);
console.log(`ratio (assessRisk / regex): median ${(q(engine, 0.5) / Math.max(q(regex, 0.5), 1e-6)).toFixed(1)}×, p95 ${(q(engine, 0.95) / Math.max(q(regex, 0.95), 1e-6)).toFixed(1)}×`);

const rows: string[] = [];
for (const chars of [500, 1500, 5500]) {
  const texts = Array.from({ length: 40 }, (_, k) => history(k, chars));
  const rounds = Math.max(5, Math.round((ROUNDS * 40) / chars));
  // The pre-filter must not change a single result: checked here on every text before timing.
  for (const t of texts) {
    if (JSON.stringify(evaluateRules(t)) !== JSON.stringify(evaluateRules(t, { prefilter: false }))) throw new Error('pre-filter changed a result');
  }
  measureTexts(texts, (t) => assessRisk(t), Math.max(3, rounds >> 1)); // warm-up
  measureTexts(texts, (t) => evaluateRules(t, { prefilter: false }), Math.max(3, rounds >> 1));
  const full = measureTexts(texts, (t) => assessRisk(t), rounds);
  const rules = measureTexts(texts, (t) => evaluateRules(t), rounds);
  const exhaustive = measureTexts(texts, (t) => evaluateRules(t, { prefilter: false }), rounds);
  const kw = measureTexts(texts, (t) => baseline.test(t), rounds);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  rows.push(
    `| ${chars} | ${ms(q(full, 0.5))} / ${ms(q(full, 0.99))} | ${ms(q(rules, 0.5))} / ${ms(q(rules, 0.99))} | ${ms(q(exhaustive, 0.5))} / ${ms(q(exhaustive, 0.99))} | ${(q(exhaustive, 0.5) / Math.max(q(rules, 0.5), 1e-6)).toFixed(1)}× | ${fmt(q(kw, 0.5))} |`,
  );
}
console.log('\nlonger texts (40 synthetic texts per length; median / p99):\n');
console.log('| chars | assessRisk | rules (pre-filter) | rules, every rule on every clause | pre-filter gain (median) | keyword regex median |');
console.log('|---|---|---|---|---|---|');
console.log(rows.join('\n'));
