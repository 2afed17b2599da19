import { describe, expect, it } from 'vitest';
import { countWordGrams, fnv1a, hashBucket } from './hashed-features.ts';

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashes by UTF-16 code unit and always returns an unsigned 32-bit integer', () => {
    for (const s of ['á', 'día', '😀', 'w:hope']) {
      const h = fnv1a(s);
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
    expect(fnv1a('ab')).not.toBe(fnv1a('ba'));
  });
});

describe('countWordGrams', () => {
  it('counts each word and each adjacent pair in its bucket, in the order first seen', () => {
    const buckets = 1 << 20;
    const counts = countWordGrams(['i', 'feel', 'i'], buckets);
    const b = (f: string) => hashBucket(f, buckets);
    expect([...counts.entries()]).toEqual([
      [b('w:i'), 2],
      [b('b:i feel'), 1],
      [b('w:feel'), 1],
      [b('b:feel i'), 1],
    ]);
  });

  it('adds up features that share a bucket and keeps every bucket in range', () => {
    const counts = countWordGrams(['a', 'b', 'c', 'd', 'e'], 3);
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(9);
    for (const key of counts.keys()) expect(key).toBeLessThan(3);
  });

  it('gives nothing for no words', () => {
    expect(countWordGrams([], 16).size).toBe(0);
  });
});
