import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import * as repo from './rewards.repo.ts';

/** The queue of the daily milestone sweep. */
export const SWEEP_QUEUE = 'rewards.milestone_sweep';
/** The sweep runs at this hour (UTC), when most of the world is asleep and the server is quiet. */
export const SWEEP_HOUR_UTC = 3;
/** People per job: each page is one transaction, so a crash repeats at most one page. */
export const SWEEP_PAGE = 200;

const Payload = z.object({ day: z.iso.date(), after: z.uuid().nullable().default(null) });

/** The first sweep time strictly after `at`. */
export function nextSweepAt(at: Date): Date {
  const today = DateTime.fromJSDate(at, { zone: 'utc' }).startOf('day').set({ hour: SWEEP_HOUR_UTC });
  return (today.toMillis() > at.getTime() ? today : today.plus({ days: 1 })).toJSDate();
}

const dayOf = (at: Date) => DateTime.fromJSDate(at, { zone: 'utc' }).toISODate()!;

/**
 * A durable daily sweep on the Postgres job queue, so milestones are awarded and announced even to people who never
 * open their journey. Exactly once across nodes: each day's first page has the singleton key of its day, every node
 * may queue it at boot but only one is ever pending, and the page that runs queues the next day's in its own
 * transaction. Pages walk people in id order and award inside the job's transaction, so a crash rolls the page back
 * (and its announcements with it) for another node to redo; an award is stored once per person and rule in any case.
 */
export function registerMilestoneSweep(deps: {
  db: Db;
  jobs: JobQueue;
  now: () => Date;
  checkPerson: (tx: Tx, person: { id: string; timezone: string }) => Promise<void>;
}) {
  const { jobs, now } = deps;

  async function enqueueDay(tx: DbOrTx, runAt: Date) {
    const day = dayOf(runAt);
    await jobs.enqueue(tx, SWEEP_QUEUE, { day, after: null }, runAt, day);
  }

  jobs.register(SWEEP_QUEUE, async (tx, raw, job) => {
    const payload = Payload.parse(raw);
    const people = await repo.listPeoplePage(tx, payload.after, SWEEP_PAGE);
    for (const person of people) await deps.checkPerson(tx, person);
    const last = people.at(-1);
    if (people.length === SWEEP_PAGE && last) {
      await jobs.enqueue(tx, SWEEP_QUEUE, { day: payload.day, after: last.id }, now(), `${payload.day}:${last.id}`);
    }
    // The first page of a day books the next day; a late run (a node was down) books the next one still ahead.
    if (payload.after === null) await enqueueDay(tx, nextSweepAt(new Date(Math.max(job.runAt.getTime(), now().getTime()))));
  });

  return {
    /** Queues the next sweep unless one is already pending for that day. */
    scheduleNext: () => enqueueDay(deps.db, nextSweepAt(now())),
  };
}
