/**
 * Mulberry32: a small seeded PRNG, so training, data splits and benchmarks give the same result on every run and
 * machine. Committed model weights depend on this exact sequence: changing it changes what retraining produces.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fisher–Yates shuffle of `items` in place, drawing from `random` (one draw per position, last to first). Committed
 * model weights depend on this exact order of draws, as they do on `seededRandom`. Returns `items`.
 */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
