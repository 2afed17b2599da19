import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingCourseProgress, trainingCourses } from '../../db/schema/index.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { createPublicBoard } from '../../test/factories/forums.ts';
import { createDirectRoom } from '../../test/factories/chat.ts';
import { startNode } from '../../test/factories/notifications.ts';
import { createRewardsService } from './rewards.service.ts';
import { nextSweepAt, SWEEP_QUEUE } from './milestone-sweep.ts';

// The clock every node in this file shares; tests move it forward to make the sweep due.
let clock = new Date();
const now = () => clock;
let t: TestServer;

beforeAll(async () => {
  t = await createTestServer({ now });
});
afterAll(async () => t?.close());

async function countNotes(userId: string, kind = 'milestone.reached') {
  const { rows } = await t.database.pool.query('select count(*)::int as n from notifications where user_id = $1 and kind = $2', [userId, kind]);
  return rows[0].n as number;
}

async function sweepJobs(day: string) {
  const { rows } = await t.database.pool.query(`select status from jobs where queue = $1 and payload->>'day' = $2 and payload->>'after' is null`, [SWEEP_QUEUE, day]);
  return rows.map((r) => r.status as string);
}

describe('nextSweepAt', () => {
  it('is the next 03:00 UTC, strictly after the given time', () => {
    expect(nextSweepAt(new Date('2026-03-02T01:00:00Z')).toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(nextSweepAt(new Date('2026-03-02T03:00:00Z')).toISOString()).toBe('2026-03-03T03:00:00.000Z');
    expect(nextSweepAt(new Date('2026-03-02T22:00:00Z')).toISOString()).toBe('2026-03-03T03:00:00.000Z');
  });
});

describe('the daily milestone sweep', () => {
  it('awards and announces a milestone to someone who never opens their journey, and books the next day once', async () => {
    const { board } = await createPublicBoard(t);
    const [author, replier] = [await t.createUser('member'), await t.createUser('member')];
    const thread = (await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Small wins', body: 'I cooked a real dinner.' })).json();
    expect((await t.client(replier).post(`/api/forums/threads/${thread.thread.id}/posts`, { body: 'That sounds lovely.' })).statusCode).toBe(201);
    expect(await countNotes(replier.id)).toBe(0);

    // Two nodes booting both ask for the sweep; one is pending.
    await t.services.rewards.scheduleDailySweep();
    await t.services.rewards.scheduleDailySweep();
    const runAt = nextSweepAt(clock);
    const day = runAt.toISOString().slice(0, 10);
    expect(await sweepJobs(day)).toEqual(['pending']);

    clock = new Date(runAt.getTime() + 60_000);
    await t.jobs.runDueJobs();
    const { rows } = await t.database.pool.query("select rule_id from reward_milestones where user_id = $1", [replier.id]);
    expect(rows.map((r) => r.rule_id)).toContain('first-reply');
    expect(await countNotes(replier.id)).toBe(1);
    expect(await sweepJobs(day)).toEqual(['done']);
    const tomorrow = nextSweepAt(clock).toISOString().slice(0, 10);
    expect(await sweepJobs(tomorrow)).toEqual(['pending']);

    // A node booting later does not add a second sweep for tomorrow, and a rerun announces nothing again.
    await t.services.rewards.scheduleDailySweep();
    expect(await sweepJobs(tomorrow)).toEqual(['pending']);
    await t.services.rewards.checkMilestones(replier.id);
    expect(await countNotes(replier.id)).toBe(1);
  });

  it('runs each day once when two nodes share the queue, announcing each milestone once', async () => {
    const { board } = await createPublicBoard(t);
    const [author, replier] = [await t.createUser('member'), await t.createUser('member')];
    const thread = (await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Good news', body: 'I slept well.' })).json();
    await t.client(replier).post(`/api/forums/threads/${thread.thread.id}/posts`, { body: 'So glad to hear it.' });
    const other = await startNode(t, { now });
    try {
      await other.services.rewards.scheduleDailySweep();
      await t.services.rewards.scheduleDailySweep();
      const runAt = nextSweepAt(clock);
      const day = runAt.toISOString().slice(0, 10);
      expect(await sweepJobs(day)).toEqual(['pending']);
      clock = new Date(runAt.getTime() + 60_000);
      await Promise.all([t.jobs.runDueJobs(), other.jobs.runDueJobs()]);
      expect(await sweepJobs(day)).toEqual(['done']);
      expect(await countNotes(replier.id)).toBe(1);
      expect(await sweepJobs(nextSweepAt(clock).toISOString().slice(0, 10))).toEqual(['pending']);
    } finally {
      await other.close();
    }
  });
});

describe('activity sources', () => {
  it('counts finished training courses towards "Learning together"', async () => {
    const learner = await t.createUser('member');
    const [course] = await t.database.db.insert(trainingCourses).values({ orgId: learner.orgId, title: 'Listening well' }).returning();
    await t.database.db.insert(trainingCourseProgress).values({ userId: learner.id, courseId: course!.id, completedAt: new Date() });
    const journey = (await t.client(learner).get('/api/rewards/journey')).json();
    expect(journey.milestones.find((m: { id: string }) => m.id === 'first-course')).toMatchObject({ earned: true, progress: { current: 1, target: 1 } });
  });

  it('lets a peer supporter thank a member they supported one to one, without sharing a group', async () => {
    const member = await t.createUser('member');
    const supporter = await t.createUser('peer_supporter');
    const card = { recipientId: member.id, template: 'glad-you-came' };
    expect((await t.client(supporter).post('/api/rewards/thank-you-cards', card)).statusCode).toBe(404);
    await createDirectRoom(t, member, supporter);
    const sent = await t.client(supporter).post('/api/rewards/thank-you-cards', card);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(await countNotes(member.id, 'milestone.thank_you_card')).toBe(1);
  });

  it('places activity in the person\'s own week: Sunday night in Los Angeles is not Monday', async () => {
    // 2026-02-22 is a Sunday. 22:00 in Los Angeles is 06:00 UTC on Monday the 23rd.
    const sundayNightLa = new Date('2026-02-23T06:00:00Z');
    const mondayLa = new Date('2026-02-23T18:00:00Z');
    const service = createRewardsService({ db: t.database.db, now: () => new Date('2026-02-25T12:00:00Z') });
    service.registerActivitySource('sessions_attended', async () => ({ count: 2, moments: [sundayNightLa, mondayLa] }));
    const person = await t.createUser('member', { timezone: 'America/Los_Angeles' });
    const actor = { userId: person.id, orgId: person.orgId, role: 'member' as const };
    const inLa = await service.getJourney({ ...actor, timezone: 'America/Los_Angeles' });
    expect(inLa.rhythm.weeks.filter((w) => w.active).map((w) => w.weekStart)).toEqual(['2026-02-16', '2026-02-23']);
    expect(inLa.rhythm.current).toBe(2);
    const inUtc = await service.getJourney({ ...actor, timezone: 'UTC' });
    expect(inUtc.rhythm.weeks.filter((w) => w.active).map((w) => w.weekStart)).toEqual(['2026-02-23']);
  });
});
