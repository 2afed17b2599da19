import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import { createTestClock } from '../../test/factories/setup.ts';
import { createLogger } from '../logger.ts';
import { createJobQueue, type JobQueue } from './queue.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let queue: JobQueue;
const clock = createTestClock('2026-03-10T12:00:00Z');
const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000);
beforeAll(async () => {
  database = await createTestDatabase();
  queue = createJobQueue({ db: database.db, logger: createLogger('silent'), now: clock.now });
});
afterAll(async () => database.drop());

const runAtOf = async (key: string) =>
  (await database.pool.query<{ run_at: Date; status: string }>(`select run_at, status from jobs where singleton_key = $1`, [key])).rows.map((r) => `${r.status} ${r.run_at.toISOString()}`).sort();

describe('moving pending jobs', () => {
  it('moves only the pending jobs of that queue whose key starts with a given prefix, earlier or later', async () => {
    await queue.enqueue(database.db, 'shift.a', {}, at(20), 'room:1:x');
    await queue.enqueue(database.db, 'shift.a', {}, at(30), 'room:2:x');
    await queue.enqueue(database.db, 'shift.a', {}, at(20), 'room:3:x');
    await queue.enqueue(database.db, 'shift.b', {}, at(20), 'room:1:x');
    await queue.enqueue(database.db, 'shift.a', {}, at(20), 'done:1');
    await database.pool.query(`update jobs set status = 'done' where singleton_key = 'done:1'`);

    expect(await queue.shiftPendingJobs(database.db, 'shift.a', ['room:1:', 'room:2:', 'done:'], -15 * 60_000)).toBe(2);
    expect(await runAtOf('room:1:x')).toEqual([`pending ${at(5).toISOString()}`, `pending ${at(20).toISOString()}`].sort());
    expect(await runAtOf('room:2:x')).toEqual([`pending ${at(15).toISOString()}`]);
    expect(await runAtOf('room:3:x')).toEqual([`pending ${at(20).toISOString()}`]);
    expect(await runAtOf('done:1')).toEqual([`done ${at(20).toISOString()}`]);

    expect(await queue.shiftPendingJobs(database.db, 'shift.a', ['room:3:'], 25 * 60_000)).toBe(1);
    expect(await runAtOf('room:3:x')).toEqual([`pending ${at(45).toISOString()}`]);
    expect(await queue.shiftPendingJobs(database.db, 'shift.a', [], 60_000)).toBe(0);
    expect(await queue.shiftPendingJobs(database.db, 'shift.a', ['room:3:'], 0)).toBe(0);
  });

  it('runs a job moved earlier when the clock reaches its new time, and a job moved later not before', async () => {
    const ran: string[] = [];
    queue.register('shift.run', async (_tx, payload) => {
      ran.push(String(payload.name));
    });
    await queue.enqueue(database.db, 'shift.run', { name: 'sooner' }, at(20), 'run:sooner');
    await queue.enqueue(database.db, 'shift.run', { name: 'later' }, at(5), 'run:later');
    await queue.shiftPendingJobs(database.db, 'shift.run', ['run:sooner'], -15 * 60_000);
    await queue.shiftPendingJobs(database.db, 'shift.run', ['run:later'], 15 * 60_000);
    clock.advance(6 * 60_000);
    await queue.runDueJobs();
    expect(ran).toEqual(['sooner']);
    clock.advance(14 * 60_000);
    await queue.runDueJobs();
    expect(ran).toEqual(['sooner', 'later']);
  });

  it('skips a job that is being run right now instead of waiting for it', async () => {
    await queue.enqueue(database.db, 'shift.busy', {}, at(1), 'busy:1');
    const holder = await database.pool.connect();
    try {
      await holder.query('begin');
      await holder.query(`select id from jobs where singleton_key = 'busy:1' for update`);
      expect(await queue.shiftPendingJobs(database.db, 'shift.busy', ['busy:'], 60_000)).toBe(0);
      await holder.query('rollback');
    } finally {
      holder.release();
    }
    expect(await queue.shiftPendingJobs(database.db, 'shift.busy', ['busy:'], 60_000)).toBe(1);
  });
});
