import { describe, expect, it } from 'vitest';
import { assignCohortsExact, assignCohortsGreedy, type CohortProblem } from './cohort.ts';
import { seededRandom } from '../../platform/ml/random.ts';

/** Tries every assignment (small instances only). */
function bruteForce(problem: CohortProblem): number {
  const n = problem.cost.length;
  const m = problem.capacity.length;
  const target = Math.min(n, problem.capacity.reduce((a, b) => a + b, 0));
  const left = [...problem.capacity];
  let best = Infinity;
  const go = (a: number, placed: number, total: number) => {
    if (total >= best) return;
    if (a === n) {
      if (placed === target) best = total;
      return;
    }
    if (n - a > target - placed) go(a + 1, placed, total);
    for (let g = 0; g < m; g++) {
      if (left[g]! <= 0) continue;
      left[g]!--;
      go(a + 1, placed + 1, total + problem.cost[a]![g]!);
      left[g]!++;
    }
  };
  go(0, 0, 0);
  return best;
}

function randomProblem(seed: number, n: number, m: number, maxCap: number): CohortProblem {
  const r = seededRandom(seed);
  return {
    cost: Array.from({ length: n }, () => Array.from({ length: m }, () => Math.floor(r() * 100))),
    capacity: Array.from({ length: m }, () => 1 + Math.floor(r() * maxCap)),
  };
}

describe('cohort assignment', () => {
  it('finds the optimal total on random small instances, including when there are more applicants than places', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const p = randomProblem(seed, 2 + (seed % 7), 1 + (seed % 4), 3);
      const exact = assignCohortsExact(p);
      expect(exact.total, `seed ${seed}`).toBe(bruteForce(p));
      const placed = Array.from(exact.groupOf).filter((g) => g >= 0).length;
      expect(placed).toBe(Math.min(p.cost.length, p.capacity.reduce((a, b) => a + b, 0)));
    }
  });

  it('never exceeds a group capacity', () => {
    const p = randomProblem(99, 200, 12, 20);
    for (const result of [assignCohortsExact(p), assignCohortsGreedy(p)]) {
      const counts = new Array(12).fill(0);
      for (const g of result.groupOf) if (g >= 0) counts[g]++;
      counts.forEach((c, g) => expect(c).toBeLessThanOrEqual(p.capacity[g]!));
    }
  });

  it('is never worse than greedy, and beats it where greedy is short-sighted', () => {
    // Greedy gives applicant 0 group 0 (cost 0), forcing applicant 1 into group 1 (cost 100). Optimal: 1 + 1.
    const p: CohortProblem = { cost: [[0, 1], [1, 100]], capacity: [1, 1] };
    expect(assignCohortsGreedy(p).total).toBe(100);
    expect(assignCohortsExact(p).total).toBe(2);
    for (let seed = 200; seed < 220; seed++) {
      const q = randomProblem(seed, 40, 6, 8);
      expect(assignCohortsExact(q).total).toBeLessThanOrEqual(assignCohortsGreedy(q).total);
    }
  });
});
