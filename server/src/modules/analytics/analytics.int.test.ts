import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertGroup, insertMembership, insertSession } from '../../test/factories/chat.ts';
import { daysAgo, insertCheckinAt, insertScreeningAt } from '../../test/factories/outcomes.ts';
import { createTestServerWithAdmin } from '../../test/factories/setup.ts';
import type { TestServer, TestUser } from '../../test/server.ts';

let t: TestServer;
let admin: TestUser;
let facilitator: TestUser;
let member: TestUser;
let groupA: { id: string };
let groupB: { id: string };
let groupAMembers: TestUser[];

/** Group A's PHQ-9 baseline → follow-up, person by person (hand calculation below). */
const PHQ_A: Array<[number, number]> = [[16, 8], [20, 12], [12, 7], [9, 3], [14, 15], [6, 12], [18, 9], [11, 11], [15, 4], [10, 8]];

beforeAll(async () => {
  ({ t, admin } = await createTestServerWithAdmin());
  facilitator = await t.createUser('facilitator');
  member = await t.createUser('member');
  groupA = await insertGroup(t, { name: 'Tuesday evening circle' });
  groupB = await insertGroup(t, { name: 'Small Saturday group' });
  await insertMembership(t, groupA.id, facilitator, { role: 'facilitator' });
  groupAMembers = [];
  for (const [i, [baseline, followUp]] of PHQ_A.entries()) {
    const person = await t.createUser('member');
    groupAMembers.push(person);
    await insertMembership(t, groupA.id, person);
    await insertScreeningAt(t, person, 'phq9', baseline, daysAgo(45));
    await insertScreeningAt(t, person, 'phq9', followUp, daysAgo(5));
    // Nine GAD-7 pairs only: under the minimum of ten, so GAD-7 shows nothing.
    if (i < 9) {
      await insertScreeningAt(t, person, 'gad7', 8, daysAgo(45));
      await insertScreeningAt(t, person, 'gad7', 7, daysAgo(5));
    }
  }
  // A follow-up less than 14 days after the baseline does not count: this person stays out of every figure.
  const tooSoon = await t.createUser('member');
  await insertMembership(t, groupA.id, tooSoon);
  await insertScreeningAt(t, tooSoon, 'phq9', 20, daysAgo(10));
  await insertScreeningAt(t, tooSoon, 'phq9', 2, daysAgo(3));
  for (let i = 0; i < 4; i++) {
    const person = await t.createUser('member');
    await insertMembership(t, groupB.id, person);
    await insertScreeningAt(t, person, 'phq9', 20, daysAgo(40));
    await insertScreeningAt(t, person, 'phq9', 5, daysAgo(2));
  }
});
afterAll(() => t.close());

async function createProgram(groupIds: string[], name = 'Evening programme') {
  const res = await t.client(admin).post('/api/analytics/programs', { name, groupIds });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('program outcomes', () => {
  it('shows mean change with a 95% CI and reliable-change shares that match a hand calculation', async () => {
    const programId = await createProgram([groupA.id]);
    const res = await t.client(admin).get(`/api/analytics/programs/${programId}`);
    expect(res.statusCode).toBe(200);
    const phq = res.json().outcomes.phq9;
    // Hand calculation (group A, n = 10; the too-soon follow-up is left out):
    //   changes −8, −8, −5, −6, +1, +6, −9, 0, −11, −2 → sum −42, mean −4.2
    //   squared deviations from −4.2 sum to 255.6 → variance 255.6 / 9 = 28.4, SD = 5.3292
    //   SE = 5.3292 / √10 = 1.6852; t(0.975, 9) = 2.2622; half-width = 3.8123 → 95% CI −8.012 to −0.388
    //   baseline mean 131 / 10 = 13.1; follow-up mean 89 / 10 = 8.9
    //   reliable change: 1.96 · √2 · 6.5 · √(1 − 0.89) = 5.98 points, caseness 10
    //   recovered 16→8, 18→9, 15→4 (3); improved 20→12 (still ≥ 10), 9→3 (never a case) (2);
    //   deteriorated 6→12 (1); unchanged 12→7 (−5), 14→15, 11→11, 10→8 (4)
    expect(phq.suppressed).toBe(false);
    expect(phq.n).toBe(10);
    expect(phq.baselineMean).toBeCloseTo(13.1, 10);
    expect(phq.followUpMean).toBeCloseTo(8.9, 10);
    expect(phq.change.mean).toBeCloseTo(-4.2, 10);
    expect(phq.change.sd).toBeCloseTo(5.3292, 4);
    expect(phq.change.ciLow).toBeCloseTo(-8.0123, 3);
    expect(phq.change.ciHigh).toBeCloseTo(-0.3877, 3);
    expect(phq.reliableChangePoints).toBeCloseTo(5.976, 3);
    expect(phq.categories).toEqual({
      recovered: { count: 3, share: 0.3 },
      improved: { count: 2, share: 0.2 },
      unchanged: { count: 4, share: 0.4 },
      deteriorated: { count: 1, share: 0.1 },
    });
    // Nine GAD-7 pairs: under the minimum, so no figure at all.
    expect(res.json().outcomes.gad7).toEqual({ instrument: 'gad7', suppressed: true, n: null, minN: 10 });
    // The group row matches the program: eleven members, ten of them with a follow-up.
    expect(res.json().groups[0]).toMatchObject({ name: 'Tuesday evening circle', suppressed: false, members: 11, outcomes: { phq9: { n: 10, change: { mean: phq.change.mean } } } });
    // Cost avoided (example values): 5 people reliably improved or recovered × rate × unit cost.
    expect(res.json().cost).toMatchObject({ suppressed: false, improvedPeople: 5, examples: true, total: 600 + 1500 + 600 });
  });

  it('shows no outcome figures for a group under the minimum size', async () => {
    const res = await t.client(admin).get('/api/analytics/programs/all');
    expect(res.statusCode).toBe(200);
    const small = res.json().groups.find((g: { groupId: string }) => g.groupId === groupB.id);
    expect(small).toEqual({ groupId: groupB.id, name: 'Small Saturday group', suppressed: true, members: null, activeMembers: null, sessions: null, meanAttendance: null, outcomes: null });
    expect(res.json().outcomes.phq9.n).toBe(14);
    const csv = await t.client(admin).get('/api/analytics/programs/all/csv/outcomes');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Small Saturday group,both,fewer than 10,yes');
    expect(csv.body).toContain('Tuesday evening circle,phq9,10,no,13.1,8.9,-4.2,-8.01,-0.39');
  });

  it('keeps small groups hidden even when an admin lowers the minimum to 5', async () => {
    expect((await t.client(admin).put('/api/analytics/settings', { minGroupSize: 2, unitCosts: { currency: 'USD', emergencyVisit: 1, readmission: 1, therapySession: 1 }, costAssumptions: { emergencyVisitsPerImproved: 0, readmissionsPerImproved: 0, therapySessionsPerImproved: 0 }, reliability: { phq9: { sd: 6.5, reliability: 0.89 }, gad7: { sd: 5.1, reliability: 0.92 } } })).statusCode).toBe(422);
    const body = { minGroupSize: 5, unitCosts: { currency: 'GBP', emergencyVisit: 300, readmission: 4000, therapySession: 90 }, costAssumptions: { emergencyVisitsPerImproved: 0.1, readmissionsPerImproved: 0, therapySessionsPerImproved: 2 }, reliability: { phq9: { sd: 6.5, reliability: 0.89 }, gad7: { sd: 5.1, reliability: 0.92 } } };
    expect((await t.client(facilitator).put('/api/analytics/settings', body)).statusCode).toBe(403);
    const saved = await t.client(admin).put('/api/analytics/settings', body);
    expect(saved.json()).toMatchObject({ minGroupSize: 5, examples: false });
    const res = (await t.client(admin).get('/api/analytics/programs/all')).json();
    expect(res.groups.find((g: { groupId: string }) => g.groupId === groupB.id).suppressed).toBe(true);
    expect(res.outcomes.gad7.n).toBe(9);
    expect(res.cost).toMatchObject({ currency: 'GBP', examples: false });
    await t.client(admin).put('/api/analytics/settings', { ...body, minGroupSize: 10 });
  });
});

describe('who sees program analytics', () => {
  it('asks anonymous callers to sign in, refuses members, and shows a facilitator only their own groups', async () => {
    expect((await t.client().get('/api/analytics/programs/all')).statusCode).toBe(401);
    expect((await t.client(member).get('/api/analytics/programs/all')).statusCode).toBe(403);
    expect((await t.client(member).get('/api/analytics/programs')).statusCode).toBe(403);
    const res = await t.client(facilitator).get('/api/analytics/programs/all');
    expect(res.statusCode).toBe(200);
    expect(res.json().groups.map((g: { groupId: string }) => g.groupId)).toEqual([groupA.id]);
    expect(res.json().abilities).toEqual({ manage: false, seesAllGroups: false });
  });

  it('answers 404 for a program that is not there and 422 for a malformed link', async () => {
    expect((await t.client(admin).get('/api/analytics/programs/0190a0b4-0000-7000-8000-000000000099')).statusCode).toBe(404);
    expect((await t.client(admin).get('/api/analytics/programs/nope')).statusCode).toBe(422);
    expect((await t.client(admin).get('/api/analytics/programs/all/csv/everything')).statusCode).toBe(422);
  });

  it('lets only admins create and delete programs, from the organization\'s groups', async () => {
    expect((await t.client(facilitator).post('/api/analytics/programs', { name: 'Mine', groupIds: [groupA.id] })).statusCode).toBe(403);
    expect((await t.client(admin).post('/api/analytics/programs', { name: '', groupIds: [] })).statusCode).toBe(422);
    expect((await t.client(admin).post('/api/analytics/programs', { name: 'Elsewhere', groupIds: ['0190a0b4-0000-7000-8000-000000000098'] })).statusCode).toBe(422);
    const id = await createProgram([groupA.id, groupB.id], 'Both groups');
    expect((await t.client(facilitator).get('/api/analytics/programs')).json().programs.map((p: { name: string }) => p.name)).toContain('Both groups');
    expect((await t.client(facilitator).delete(`/api/analytics/programs/${id}`)).statusCode).toBe(403);
    expect((await t.client(admin).delete(`/api/analytics/programs/${id}`)).statusCode).toBe(200);
    expect((await t.client(admin).get(`/api/analytics/programs/${id}`)).statusCode).toBe(404);
  });
});

describe('engagement and experience', () => {
  it('counts attendance per session, felt-heard and satisfaction as aggregates', async () => {
    const session = await insertSession(t, groupA.id, { startsInMinutes: -3 * 24 * 60 });
    const satisfaction = [5, 5, 4, 4, 4, 3, 5, 4, 2, 4];
    for (const [i, person] of groupAMembers.entries()) {
      await t.database.pool.query(`insert into attendance (id, session_id, user_id, mode) values (gen_random_uuid(), $1, $2, 'in_person')`, [session.id, person.id]);
      const res = await t.client(person).put(`/api/sessions/${session.id}/feedback`, { feltHeard: i < 8, satisfaction: satisfaction[i] });
      expect(res.statusCode).toBe(200);
    }
    const report = (await t.client(admin).get(`/api/analytics/programs/all?days=30`)).json();
    expect(report.engagement.sessions).toContainEqual(expect.objectContaining({ sessionId: session.id, attended: 10, groupName: 'Tuesday evening circle' }));
    expect(report.engagement.activeMembers).toBe(10);
    // 8 of 10 felt heard; satisfaction 40 / 10 = 4.0.
    expect(report.experience).toMatchObject({ suppressed: false, responses: 10, people: 10, feltHeardRate: 0.8, meanSatisfaction: 4 });
    expect(report.experience.bySatisfaction).toEqual([{ satisfaction: 1, n: 0 }, { satisfaction: 2, n: 1 }, { satisfaction: 3, n: 1 }, { satisfaction: 4, n: 5 }, { satisfaction: 5, n: 3 }]);
    expect((await t.client(admin).get('/api/analytics/programs/all?days=3')).statusCode).toBe(422);
  });
});

describe('a group\'s mood over time', () => {
  it('shows weekly aggregates to the group\'s facilitator, suppressing thin weeks, and hides the group from others', async () => {
    for (const person of groupAMembers) await insertCheckinAt(t, person, 6, daysAgo(1));
    await insertCheckinAt(t, groupAMembers[0]!, 2, daysAgo(20));
    const other = await t.createUser('facilitator');
    expect((await t.client(other).get(`/api/analytics/groups/${groupA.id}/mood`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/analytics/groups/${groupA.id}/mood`)).statusCode).toBe(404);
    expect((await t.client(facilitator).get(`/api/analytics/groups/${groupA.id}/mood?weeks=1`)).statusCode).toBe(422);
    const res = await t.client(facilitator).get(`/api/analytics/groups/${groupA.id}/mood`);
    expect(res.statusCode).toBe(200);
    const weeks = res.json().weeks as Array<{ suppressed: boolean; people: number | null; checkinMean: number | null }>;
    expect(weeks.filter((w) => !w.suppressed)).toEqual([expect.objectContaining({ people: 10, checkinMean: 6 })]);
    expect(weeks.some((w) => w.suppressed && w.people === null && w.checkinMean === null)).toBe(true);
  });
});
