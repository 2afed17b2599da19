import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalesce.ts';

describe('createCoalescer (group commit)', () => {
  it('runs calls made together as one batch, and calls made while a batch runs as the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstBatchHeld = new Promise<void>((r) => (release = r));
    const c = createCoalescer<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await firstBatchHeld;
      return items.map((i) => i * 10);
    });
    const first = [c.add(1), c.add(2)];
    await new Promise((r) => setImmediate(r));
    // The first batch is running: these wait for it, then go together.
    const second = [c.add(3), c.add(4), c.add(5)];
    release();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('fails only the caller whose result is an Error, and every caller of a batch that throws', async () => {
    let fail = false;
    const c = createCoalescer<number, number>(async (items) => {
      if (fail) throw new Error('database down');
      return items.map((i) => (i === 2 ? new Error('bad item') : i));
    });
    const results = await Promise.allSettled([c.add(1), c.add(2), c.add(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    fail = true;
    const down = await Promise.allSettled([c.add(4), c.add(5)]);
    expect(down.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok'))).toEqual(['database down', 'database down']);
    // And it keeps working afterwards.
    fail = false;
    expect(await c.add(6)).toBe(6);
  });

  it('splits a long queue into batches of at most maxBatch, in arrival order', async () => {
    const batches: number[][] = [];
    const c = createCoalescer<number, number>(async (items) => {
      batches.push(items);
      return items;
    }, { maxBatch: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((i) => c.add(i)))).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});
