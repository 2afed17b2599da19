/**
 * Cohort assignment: N applicants to M fixed groups with capacities, minimising total mismatch.
 *
 * `assignCohortsExact` is successive-shortest-path min-cost flow (source → applicant → group → sink) run on a
 * compressed residual graph whose nodes are the groups: moving along a path means "an applicant enters group g"
 * or "an applicant already in g moves to g′". Johnson potentials keep Dijkstra valid with the negative moves.
 * Each augmentation costs O(M² + |path| · cap · M), so 2,000 × 200 runs in well under a second.
 * `assignCohortsGreedy` takes the cheapest remaining (applicant, group) pairs first: fast, not optimal.
 */

/** cost[a][g]: the mismatch of applicant a in group g, a non-negative integer. */
export type CohortProblem = { cost: ArrayLike<number>[]; capacity: number[] };
export type CohortAssignment = { groupOf: Int32Array; total: number; unassigned: number };

const INF = Number.MAX_SAFE_INTEGER / 4;

function totalOf(problem: CohortProblem, groupOf: Int32Array) {
  let total = 0;
  let unassigned = 0;
  for (let a = 0; a < groupOf.length; a++) {
    const g = groupOf[a]!;
    if (g < 0) unassigned++;
    else total += problem.cost[a]![g]!;
  }
  return { total, unassigned };
}

/** Exact: the assignment of min(N, Σ capacity) applicants with the least total mismatch. */
export function assignCohortsExact(problem: CohortProblem): CohortAssignment {
  const { cost, capacity } = problem;
  const n = cost.length;
  const m = capacity.length;
  const groupOf = new Int32Array(n).fill(-1);
  const members: number[][] = Array.from({ length: m }, () => []);
  // Unassigned applicants per group, cheapest first, with a cursor that skips people already placed.
  const byCost: Int32Array[] = [];
  for (let g = 0; g < m; g++) {
    const order = Int32Array.from({ length: n }, (_, a) => a);
    order.sort((x, y) => cost[x]![g]! - cost[y]![g]!);
    byCost.push(order);
  }
  const cursor = new Int32Array(m);
  const cheapestFree = (g: number) => {
    const order = byCost[g]!;
    while (cursor[g]! < n && groupOf[order[cursor[g]!]!]! !== -1) cursor[g]!++;
    return cursor[g]! < n ? order[cursor[g]!]! : -1;
  };
  // move[g][h] = min over b in g of cost[b][h] − cost[b][g], and who achieves it.
  const move = Array.from({ length: m }, () => new Float64Array(m).fill(INF));
  const mover = Array.from({ length: m }, () => new Int32Array(m).fill(-1));
  const refreshMoves = (g: number) => {
    const row = move[g]!;
    const who = mover[g]!;
    row.fill(INF);
    who.fill(-1);
    for (const b of members[g]!) {
      const cb = cost[b]!;
      const base = cb[g]!;
      for (let h = 0; h < m; h++) {
        if (h === g) continue;
        const d = cb[h]! - base;
        if (d < row[h]!) {
          row[h] = d;
          who[h] = b;
        }
      }
    }
  };
  const potential = new Float64Array(m + 1); // groups, then the sink
  const sink = m;
  const load = new Int32Array(m);
  const target = Math.min(n, capacity.reduce((a, b) => a + b, 0));
  const dist = new Float64Array(m + 1);
  const done = new Uint8Array(m + 1);
  const prev = new Int32Array(m + 1); // previous group, or -1 when entered from the source
  const via = new Int32Array(m + 1); // the applicant who moves along that hop
  for (let step = 0; step < target; step++) {
    dist.fill(INF);
    done.fill(0);
    prev.fill(-1);
    via.fill(-1);
    for (let g = 0; g < m; g++) {
      const a = cheapestFree(g);
      if (a >= 0) {
        dist[g] = cost[a]![g]! - potential[g]!;
        via[g] = a;
      }
    }
    // Dense Dijkstra over M groups + sink with reduced costs.
    for (;;) {
      let u = -1;
      let best = INF;
      for (let v = 0; v <= m; v++) if (!done[v] && dist[v]! < best) best = dist[(u = v)]!;
      if (u < 0 || u === sink) break;
      done[u] = 1;
      if (load[u]! < capacity[u]!) {
        const d = dist[u]! + potential[u]! - potential[sink]!;
        if (d < dist[sink]!) {
          dist[sink] = d;
          prev[sink] = u;
        }
      }
      const row = move[u]!;
      for (let h = 0; h < m; h++) {
        if (done[h] || row[h]! >= INF) continue;
        const d = dist[u]! + row[h]! + potential[u]! - potential[h]!;
        if (d < dist[h]!) {
          dist[h] = d;
          prev[h] = u;
          via[h] = mover[u]![h]!;
        }
      }
    }
    if (dist[sink]! >= INF) break;
    // Walk back from the sink: each hop places one applicant; the first hop's applicant came from the source.
    const touched = new Set<number>();
    let h = prev[sink]!;
    load[h]!++;
    while (h >= 0) {
      const a = via[h]!;
      const from = prev[h]!;
      if (from >= 0) {
        members[from] = members[from]!.filter((x) => x !== a);
        touched.add(from);
      }
      groupOf[a] = h;
      members[h]!.push(a);
      touched.add(h);
      h = from;
    }
    for (const g of touched) refreshMoves(g);
    // Johnson potentials. Dijkstra stopped at the sink, so nodes it did not settle take the sink's distance,
    // which keeps every reduced cost non-negative.
    const reach = dist[sink]!;
    for (let v = 0; v <= m; v++) potential[v]! += done[v] ? Math.min(dist[v]!, reach) : reach;
  }
  return { groupOf, ...totalOf(problem, groupOf) };
}

/** Greedy: all (applicant, group) pairs by ascending mismatch; take a pair when both still have room. */
export function assignCohortsGreedy(problem: CohortProblem): CohortAssignment {
  const { cost, capacity } = problem;
  const n = cost.length;
  const m = capacity.length;
  const pairs = new Float64Array(n * m);
  const idx = new Uint32Array(n * m);
  for (let a = 0; a < n; a++) for (let g = 0; g < m; g++) {
    pairs[a * m + g] = cost[a]![g]!;
    idx[a * m + g] = a * m + g;
  }
  idx.sort((x, y) => pairs[x]! - pairs[y]!);
  const groupOf = new Int32Array(n).fill(-1);
  const left = Int32Array.from(capacity);
  let placed = 0;
  const target = Math.min(n, capacity.reduce((x, y) => x + y, 0));
  for (let k = 0; k < idx.length && placed < target; k++) {
    const a = Math.floor(idx[k]! / m);
    const g = idx[k]! % m;
    if (groupOf[a] !== -1 || left[g]! <= 0) continue;
    groupOf[a] = g;
    left[g]!--;
    placed++;
  }
  return { groupOf, ...totalOf(problem, groupOf) };
}
