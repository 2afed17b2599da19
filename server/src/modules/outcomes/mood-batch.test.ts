import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createBatcher } from './mood-batch.ts';

const logger = pino({ level: 'silent' });

/** A batcher whose `process` records each batch it is given; `fail` decides which items fail on a given call. */
function recordingBatcher(options: { windowMs: number; maxBatch?: number; fail?: (item: number, call: number) => boolean; throwOn?: (call: number) => boolean }) {
  const batches: number[][] = [];
  const batcher = createBatcher<number>({
    logger,
    windowMs: options.windowMs,
    maxBatch: options.maxBatch ?? 100,
    maxAttempts: 3,
    describe: (n) => `item ${n}`,
    process: async (items) => {
      const call = batches.push([...items]);
      if (options.throwOn?.(call)) throw new Error('database unavailable');
      return items.filter((n) => options.fail?.(n, call) ?? false);
    },
  });
  return { batcher, batches };
}

describe('createBatcher', () => {
  it('hands everything added within the window to one batch', async () => {
    const { batcher, batches } = recordingBatcher({ windowMs: 30 });
    await Promise.all([batcher.add(1), batcher.add(2), batcher.add(3)]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('does not wait for the window once a batch is full', async () => {
    const { batcher, batches } = recordingBatcher({ windowMs: 60_000, maxBatch: 2 });
    await Promise.all([batcher.add(1), batcher.add(2)]);
    expect(batches).toEqual([[1, 2]]);
    expect(batcher.size).toBe(0);
  });

  it('tries failed items again with the next batch and settles every promise', async () => {
    const { batcher, batches } = recordingBatcher({ windowMs: 60_000, fail: (n, call) => n === 2 && call === 1 });
    const added = [batcher.add(1), batcher.add(2)];
    await batcher.drain();
    await Promise.all(added);
    expect(batches).toEqual([[1, 2], [2]]);
  });

  it('retries a batch that threw as a whole, and gives up after the last attempt', async () => {
    const { batcher, batches } = recordingBatcher({ windowMs: 60_000, throwOn: () => true });
    const added = batcher.add(7);
    await batcher.drain();
    await added;
    expect(batches).toEqual([[7], [7], [7]]);
    expect(batcher.size).toBe(0);
  });

  it('after a closing drain, handles a late item at once', async () => {
    const { batcher, batches } = recordingBatcher({ windowMs: 60_000 });
    await batcher.drain({ close: true });
    await batcher.add(9);
    expect(batches).toEqual([[9]]);
  });
});
