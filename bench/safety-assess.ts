/**
 * Cost of one crisis-risk assessment (rules + classifier) on chat-length messages, against a baseline measured in the
 * same run: one plain keyword regex over the same texts. Prints median/p95 and the ratio; no thresholds.
 *
 *   npx tsx bench/safety-assess.ts [--rounds 200]
 *
 * Messages are synthetic, written for this bench (no real posts).
 */
import { performance } from 'node:perf_hooks';
import { assessRisk } from '../server/src/modules/safety/assessment/index.ts';

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

// Long post histories (about 5,500 characters, many posts joined with " ||| "), also synthetic, for the cost on the
// shape of the dev data.
const histories: string[] = [];
for (let k = 0; k < 40; k++) {
  let h = '';
  for (let j = 0; h.length < 5500; j++) h += `${j ? ' ||| ' : ''}${parts[(k + j * 5) % parts.length]}. Today I went for a walk and talked with my sister about work, school and the week ahead (${k}-${j}). `;
  histories.push(h);
}
function measureLong(fn: (t: string) => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const m of histories) {
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
console.log(`assessRisk     median ${fmt(q(engine, 0.5))}  p95 ${fmt(q(engine, 0.95))}`);
console.log(`keyword regex  median ${fmt(q(regex, 0.5))}  p95 ${fmt(q(regex, 0.95))}`);
measureLong((t) => assessRisk(t), 3); // warm-up
const longEngine = measureLong((t) => assessRisk(t), 10);
const longRegex = measureLong((t) => baseline.test(t), 10);
console.log(`ratio (assessRisk / regex): median ${(q(engine, 0.5) / Math.max(q(regex, 0.5), 1e-6)).toFixed(1)}×, p95 ${(q(engine, 0.95) / Math.max(q(regex, 0.95), 1e-6)).toFixed(1)}×`);
console.log(`\nlong histories: ${histories.length} × 10 rounds, avg ${Math.round(histories.reduce((s, m) => s + m.length, 0) / histories.length)} chars`);
console.log(`assessRisk     median ${fmt(q(longEngine, 0.5))}  p95 ${fmt(q(longEngine, 0.95))}`);
console.log(`keyword regex  median ${fmt(q(longRegex, 0.5))}  p95 ${fmt(q(longRegex, 0.95))}`);
