import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServerWithAdmin } from '../../test/factories/setup.ts';
import type { TestServer, TestUser } from '../../test/server.ts';
import { createGroup } from '../../test/factories/groups.ts';

let t: TestServer;
let admin: TestUser;
let grief: { id: string };
beforeAll(async () => {
  ({ t, admin } = await createTestServerWithAdmin());
  grief = (await createGroup(t, { body: { name: 'Eight weeks through grief', description: 'A course for people grieving.', topics: ['grief'], language: 'en' } })).group;
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';

async function applicant(text = 'my mother passed away in the spring and I miss her') {
  const u = await t.createUser();
  const res = await t.client(u).put('/api/intake/profile', { whatBrings: text, languages: ['en'] });
  if (res.statusCode !== 200) throw new Error(`profile failed: ${res.body}`);
  return u;
}

async function program(capacity = 2) {
  const res = await t.client(admin).post('/api/matching/programs', { name: 'Spring course', groups: [{ groupId: grief.id, capacity }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const withdraw = (u: TestUser | undefined, programId: string) => t.client(u).delete(`/api/matching/programs/${programId}/applications/mine`);

describe('withdrawing from a program', () => {
  it('takes the application back before assignment: staff no longer see it, the assignment leaves the person out, and applying again is offered', async () => {
    const p = await program();
    const staying = await applicant();
    const leaving = await applicant('grieving my husband, the funeral was last month');
    for (const u of [staying, leaving]) expect((await t.client(u).post(`/api/matching/programs/${p.id}/applications`)).json().abilities).toMatchObject({ apply: false, withdraw: true });

    const res = await withdraw(leaving, p.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applicants: 1, mine: { applied: false, groupId: null }, abilities: { apply: true, withdraw: false } });
    const applicants = (await t.client(admin).get(`/api/matching/programs/${p.id}/applicants`)).json().applicants.map((a: { userId: string }) => a.userId);
    expect(applicants).toEqual([staying.id]);
    const audit = await t.database.pool.query(`select actor_id from audit_log where entity_id = $1 and action = 'cohort_program.withdrawn'`, [p.id]);
    expect(audit.rows).toEqual([{ actor_id: leaving.id }]);

    // Nothing left to withdraw.
    const again = await withdraw(leaving, p.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'not_applied', message: expect.stringContaining('nothing to withdraw') });

    const assigned = (await t.client(admin).post(`/api/matching/programs/${p.id}/assignment`)).json();
    expect(assigned.placements.map((x: { userId: string }) => x.userId)).toEqual([staying.id]);
    const members = await t.database.pool.query(`select user_id from group_members where group_id = $1 and status = 'active' and user_id = any($2)`, [grief.id, [staying.id, leaving.id]]);
    expect(members.rows.map((r) => r.user_id)).toEqual([staying.id]);
    const told = await t.database.pool.query(`select user_id from notifications where kind = 'matching.cohort_assigned' and user_id = $1`, [leaving.id]);
    expect(told.rows).toEqual([]);
  });

  it('explains kindly that after assignment the person can leave their group instead', async () => {
    const p = await program();
    const person = await applicant();
    await t.client(person).post(`/api/matching/programs/${p.id}/applications`);
    expect((await t.client(admin).post(`/api/matching/programs/${p.id}/assignment`)).statusCode).toBe(200);
    expect((await t.client(person).get(`/api/matching/programs/${p.id}`)).json().abilities.withdraw).toBe(false);
    const res = await withdraw(person, p.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'program_assigned', message: expect.stringContaining('you can leave it from its page') });
    expect((await t.database.pool.query(`select count(*)::int as n from cohort_applications where program_id = $1`, [p.id])).rows[0].n).toBe(1);
  });

  it('asks for sign-in, hides other organizations\' programs, and checks the link', async () => {
    const p = await program();
    const person = await applicant();
    await t.client(person).post(`/api/matching/programs/${p.id}/applications`);
    expect((await withdraw(undefined, p.id)).statusCode).toBe(401);
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: `elsewhere-${Date.now()}`, country: 'US', timezone: 'UTC' });
    const outsider = await t.createUser('member', { orgId: otherOrg.id });
    expect((await withdraw(outsider, p.id)).statusCode).toBe(404);
    expect((await withdraw(person, NO_SUCH_ID)).statusCode).toBe(404);
    const bad = await withdraw(person, 'not-a-program');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].message).toBe('That program link does not look right.');
    // Someone else's withdrawal never touches this person's application.
    expect((await withdraw(await t.createUser(), p.id)).statusCode).toBe(409);
    expect((await t.client(person).get(`/api/matching/programs/${p.id}`)).json().mine.applied).toBe(true);
  });
});
