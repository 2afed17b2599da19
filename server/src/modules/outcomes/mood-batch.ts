import type { Logger } from '../../platform/logger.ts';

/** One queued item and the promise its caller may wait on. */
type Pending<T> = { item: T; attempts: number; done: () => void };

export type BatchOptions<T> = {
  logger: Logger;
  /** How long the first item of a batch waits for company; 0 flushes on the next turn of the event loop. */
  windowMs: number;
  /** A batch this large is flushed at once, without waiting for the window. */
  maxBatch: number;
  /** Times an item is tried before it is given up and logged. */
  maxAttempts: number;
  /**
   * Stores a batch. Returns the items (the same objects it was given) that failed and should be tried again, an
   * empty list when all is done; throwing means the whole batch failed and is tried again.
   */
  process: (items: T[]) => Promise<T[]>;
  /** Names items in logs (never their content). */
  describe: (item: T) => string;
};

/**
 * A small in-process write-behind buffer: items wait up to `windowMs` (or until `maxBatch` are queued) and are then
 * handled together, so N messages cost one statement instead of N. Failed items are retried with the next batch;
 * after `maxAttempts` they are logged by id, never dropped silently. `drain()` flushes everything (shutdown).
 */
export function createBatcher<T>(options: BatchOptions<T>) {
  const { logger, windowMs, maxBatch, maxAttempts } = options;
  let queue: Pending<T>[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let draining = false;
  // After a drain (shutdown) a straggler is stored at once rather than waiting for a window that may never come.
  let drained = false;

  function schedule(delay: number) {
    if (timer) {
      if (delay > 0) return;
      clearTimeout(timer);
    }
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
    // A pending window must not keep a finished process (a script, a test) alive; shutdown drains explicitly.
    timer.unref();
  }

  async function runBatch(batch: Pending<T>[]) {
    let failed: T[];
    try {
      failed = await options.process(batch.map((p) => p.item));
    } catch (err) {
      logger.warn({ err, items: batch.length }, 'a batch failed; it will be tried again');
      failed = batch.map((p) => p.item);
    }
    const retry: Pending<T>[] = [];
    for (const p of batch) {
      if (!failed.includes(p.item)) p.done();
      else if (p.attempts + 1 >= maxAttempts) {
        logger.error({ item: options.describe(p.item), attempts: p.attempts + 1 }, 'gave up on an item after repeated failures');
        p.done();
      } else retry.push({ ...p, attempts: p.attempts + 1 });
    }
    if (retry.length > 0) {
      queue = [...retry, ...queue];
      // A failing database gets a pause before the next try; a drain tries again straight away.
      if (!draining) schedule(Math.max(windowMs, 1000) * (retry[0]!.attempts));
    }
  }

  /** Hands the queued items (up to `maxBatch`) to `process`; runs one batch at a time. */
  function flush(): Promise<void> {
    running = running.then(async () => {
      const batch = queue.splice(0, maxBatch);
      if (batch.length > 0) await runBatch(batch);
      if (queue.length > 0 && (queue.length >= maxBatch || draining)) schedule(0);
    });
    return running;
  }

  return {
    /** Queues one item; the promise settles once it is stored or given up (it never rejects). */
    add(item: T): Promise<void> {
      return new Promise<void>((done) => {
        queue.push({ item, attempts: 0, done });
        schedule(queue.length >= maxBatch || draining || drained ? 0 : windowMs);
      });
    },

    /**
     * Handles everything queued now, in batches, with retries; resolves when nothing is left (or all was given up).
     * With `close`, items added later are handled at once instead of waiting for a window (shutdown).
     */
    async drain(options: { close?: boolean } = {}) {
      draining = true;
      try {
        if (timer) clearTimeout(timer);
        timer = null;
        while (queue.length > 0) {
          const attempted = queue[0]!.attempts;
          await flush();
          // Items that failed come back to the front: give the database a moment before trying them again.
          if (queue.length > 0 && queue[0]!.attempts > attempted) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await running;
      } finally {
        draining = false;
        if (options.close) drained = true;
      }
    },

    /** How many items wait (for tests and logs). */
    get size() {
      return queue.length;
    },
  };
}
