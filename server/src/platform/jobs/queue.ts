import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { jobs } from '../../db/schema/index.ts';
import type { Db, DbOrTx, Tx } from '../db/index.ts';
import type { Logger } from '../logger.ts';

/**
 * A handler runs inside the transaction that claimed the job and marks it done, so a crash rolls both back and
 * another node picks the job up. Work that must only happen after commit (realtime, e-mail) goes in the returned
 * callback.
 */
export type JobHandler = (tx: Tx, payload: Record<string, unknown>, job: { id: string; runAt: Date; attempts: number }) => Promise<void | (() => Promise<void>)>;

export type JobQueue = ReturnType<typeof createJobQueue>;

const MAX_ATTEMPTS = 5;

/** A small durable job queue on PostgreSQL: `FOR UPDATE SKIP LOCKED` claims, exactly-once completion, injectable clock. */
export function createJobQueue(deps: { db: Db; logger: Logger; now?: () => Date }) {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  /** Claims and runs one due job; false when none is due (or all due ones are being run elsewhere). */
  async function runOne(): Promise<boolean> {
    const at = now();
    let after = null as (() => Promise<void>) | null;
    let claimed: { id: string; queue: string } | null = null;
    let current: { id: string; queue: string; attempts: number } | null = null;
    try {
      claimed = await db.transaction(async (tx) => {
        const [job] = await tx
          .select()
          .from(jobs)
          .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, at)))
          .orderBy(asc(jobs.runAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!job) return null;
        current = job;
        const handler = handlers.get(job.queue);
        if (!handler) {
          await tx.update(jobs).set({ status: 'failed', lastError: 'no handler registered', finishedAt: at }).where(eq(jobs.id, job.id));
          return { id: job.id, queue: job.queue };
        }
        after = (await handler(tx, job.payload, { id: job.id, runAt: job.runAt, attempts: job.attempts })) || null;
        await tx.update(jobs).set({ status: 'done', attempts: job.attempts + 1, finishedAt: at }).where(eq(jobs.id, job.id));
        return { id: job.id, queue: job.queue };
      });
    } catch (err) {
      // The claim rolled back; record the failure on its own and retry later with backoff.
      if (!current) throw err;
      const job = current as { id: string; queue: string; attempts: number };
      const attempts = job.attempts + 1;
      await db
        .update(jobs)
        .set({ attempts, lastError: String((err as Error)?.message ?? err).slice(0, 500), runAt: new Date(at.getTime() + 5_000 * attempts), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'pending')));
      logger.error({ err, jobId: job.id, queue: job.queue }, 'job failed');
      return true;
    }
    if (!claimed) return false;
    if (after) await after().catch((err) => logger.error({ err, job: claimed }, 'job after-commit step failed'));
    return true;
  }

  async function drain(limit: number) {
    let count = 0;
    while (count < limit && (await runOne())) count++;
    return count;
  }

  return {
    /** Registers the handler for a queue name. */
    register(queue: string, handler: JobHandler) {
      handlers.set(queue, handler);
    },
    /** Schedules a job; pass the caller's transaction so the job exists only if the change commits. */
    async enqueue(tx: DbOrTx, queue: string, payload: Record<string, unknown>, runAt: Date, singletonKey?: string) {
      await tx.insert(jobs).values({ queue, payload, runAt, singletonKey: singletonKey ?? null }).onConflictDoNothing();
    },
    /**
     * Moves the pending jobs of a queue whose singleton key starts with one of `keyPrefixes` by `byMs` (earlier when
     * negative); returns how many moved. A job being run right now is skipped rather than waited for (its handler is
     * the one deciding what happens next), so a caller that also holds other locks cannot deadlock with a runner.
     */
    async shiftPendingJobs(tx: DbOrTx, queue: string, keyPrefixes: string[], byMs: number): Promise<number> {
      if (keyPrefixes.length === 0 || byMs === 0) return 0;
      const matches = or(...keyPrefixes.map((p) => sql`starts_with(${jobs.singletonKey}, ${p})`));
      const due = tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.queue, queue), eq(jobs.status, 'pending'), isNotNull(jobs.singletonKey), matches))
        .for('update', { skipLocked: true });
      const moved = await tx
        .update(jobs)
        .set({ runAt: sql`${jobs.runAt} + ${byMs}::double precision * interval '1 millisecond'` })
        .where(inArray(jobs.id, due))
        .returning({ id: jobs.id });
      return moved.length;
    },
    /** Runs every job due by the (injected) clock; returns how many ran. Tests call this instead of sleeping. */
    runDueJobs(limit = 100): Promise<number> {
      const run = (running ?? Promise.resolve(0)).then(() => drain(limit));
      running = run.catch(() => 0);
      return run;
    },
    /** Polls for due jobs until stopped. */
    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(() => {
        void this.runDueJobs().catch((err) => logger.error({ err }, 'job poll failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
