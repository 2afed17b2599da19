/**
 * The hashing trick shared by the text models: words and adjacent word pairs go to a fixed number of buckets, so a
 * model needs no vocabulary and prediction hashes exactly as training did. Committed weights depend on these exact
 * hashes and prefixes: changing them changes every model's outputs.
 */

/** FNV-1a 32-bit: a fast, stable string hash (the same on every machine), for feature buckets and seeded splits. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The bucket a feature string falls into. */
export function hashBucket(feature: string, buckets: number): number {
  return fnv1a(feature) % buckets;
}

/**
 * How often each bucket occurs among the words (hashed as `w:word`) and adjacent word pairs (`b:word next`), in the
 * order first seen (a word, then its pair with the next word), which keeps floating-point sums over them stable.
 */
export function countWordGrams(words: readonly string[], buckets: number): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (feature: string) => {
    const b = hashBucket(feature, buckets);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  for (let i = 0; i < words.length; i++) {
    add(`w:${words[i]}`);
    if (i + 1 < words.length) add(`b:${words[i]} ${words[i + 1]}`);
  }
  return counts;
}
