/**
 * Group commit for hot paths: calls that arrive while a batch is running wait for it to finish and then run together
 * as ONE batch (one SQL statement for many callers). An idle node runs a call at the next turn of the event loop
 * (`setImmediate`), so no artificial delay is added; under load, batches grow by themselves.
 *
 * `run` gets the items in arrival order and returns one result per item, in the same order. A result that is an
 * Error fails only its own caller; a thrown error fails every caller of that batch.
 */
export function createCoalescer<I, O>(run: (items: I[]) => Promise<Array<O | Error>>, opts: { maxBatch?: number } = {}) {
  const maxBatch = opts.maxBatch ?? 500;
  type Waiting = { item: I; resolve: (value: O) => void; reject: (err: unknown) => void };
  let waiting: Waiting[] = [];
  let running = false;
  let scheduled = false;

  async function flush() {
    scheduled = false;
    if (running || waiting.length === 0) return;
    running = true;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(batch.length);
    try {
      const results = await run(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const result = results[i];
        if (result instanceof Error) w.reject(result);
        else w.resolve(result as O);
      });
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      running = false;
      if (waiting.length > 0) schedule();
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  }

  return {
    /** Adds one item to the next batch; resolves with its own result once that batch has run. */
    add(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!running) schedule();
      });
    },
  };
}

export type Coalescer<I, O> = ReturnType<typeof createCoalescer<I, O>>;
