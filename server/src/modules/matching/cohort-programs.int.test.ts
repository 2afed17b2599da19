import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServerWithAdmin } from '../../test/factories/setup.ts';
import type { TestServer, TestUser } from '../../test/server.ts';
import { createGroup } from '../../test/factories/groups.ts';

let t: TestServer;
let admin: TestUser;
let grief: { id: string; name: string };
let calm: { id: string; name: string };
beforeAll(async () => {
  ({ t, admin } = await createTestServerWithAdmin());
  grief = (await createGroup(t, { body: { name: 'Eight weeks through grief', description: 'A course for people grieving the death of a parent or partner.', topics: ['grief'], language: 'en' } })).group;
  calm = (await createGroup(t, { body: { name: 'Eight weeks of calm', description: 'A course with practical tools for worry and panic.', topics: ['anxiety'], language: 'en' } })).group;
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';

async function applicant(text: string) {
  const u = await t.createUser();
  const res = await t.client(u).put('/api/intake/profile', { whatBrings: text, languages: ['en'] });
  if (res.statusCode !== 200) throw new Error(`profile failed: ${res.body}`);
  return u;
}

async function program(capacity = 2) {
  const res = await t.client(admin).post('/api/matching/programs', { name: 'Spring courses', groups: [{ groupId: grief.id, capacity }, { groupId: calm.id, capacity }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; abilities: { apply: boolean; assign: boolean } };
}

describe('cohort programs', () => {
  it('lets facilitators and admins set one up; members get 403, no sign-in 401, bad groups 422', async () => {
    const body = { name: 'Autumn', groups: [{ groupId: grief.id, capacity: 3 }] };
    expect((await t.client().post('/api/matching/programs', body)).statusCode).toBe(401);
    expect((await t.client(await t.createUser()).post('/api/matching/programs', body)).statusCode).toBe(403);
    expect((await t.client(admin).post('/api/matching/programs', { name: 'Autumn', groups: [] })).statusCode).toBe(422);
    expect((await t.client(admin).post('/api/matching/programs', { name: '', groups: [{ groupId: grief.id, capacity: 0 }] })).statusCode).toBe(422);
    const unknown = await t.client(admin).post('/api/matching/programs', { name: 'Autumn', groups: [{ groupId: grief.id, capacity: 2 }, { groupId: NO_SUCH_ID, capacity: 2 }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields).toEqual([{ path: 'groups.1.groupId', message: expect.any(String) }]);
    const facilitator = await t.createUser('facilitator');
    const created = await t.client(facilitator).post('/api/matching/programs', body);
    expect(created.statusCode).toBe(201);
    expect((await t.client(facilitator).get('/api/matching/programs')).json().abilities).toEqual({ create: true });
    expect((await t.client(await t.createUser()).get('/api/matching/programs')).json().abilities).toEqual({ create: false });
    expect(created.json()).toMatchObject({ name: 'Autumn', status: 'open', groups: [{ groupId: grief.id, capacity: 3, assigned: 0 }], abilities: { manage: true, assign: true } });
    expect((await t.client(await t.createUser()).get(`/api/matching/programs/${created.json().id}`)).json().abilities).toEqual({ apply: true, withdraw: false, manage: false, assign: false, edit: false, editSchedule: false });
    expect((await t.client(admin).get(`/api/matching/programs/${NO_SUCH_ID}`)).statusCode).toBe(404);
    expect((await t.client(admin).get('/api/matching/programs/nope')).statusCode).toBe(422);
  });

  it('takes applications only from people with an intake profile (422 otherwise)', async () => {
    const p = await program();
    const noProfile = await t.createUser();
    const refused = await t.client(noProfile).post(`/api/matching/programs/${p.id}/applications`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].path).toBe('profile');
    const person = await applicant('my dad died last month and I cannot stop crying at work');
    const applied = await t.client(person).post(`/api/matching/programs/${p.id}/applications`);
    expect(applied.json()).toMatchObject({ applicants: 1, mine: { applied: true, groupId: null }, abilities: { apply: false } });
    expect((await t.client(person).post(`/api/matching/programs/${NO_SUCH_ID}/applications`)).statusCode).toBe(404);
    expect((await t.client().post(`/api/matching/programs/${p.id}/applications`)).statusCode).toBe(401);
  });

  it('previews the assignment with the least total mismatch, with reasons, then applies it, enrols people and tells them', async () => {
    const p = await program(2);
    const people = {
      grief: [await applicant('my mother passed away in the spring and I miss her'), await applicant('grieving my husband, the funeral was last month')],
      calm: [await applicant('panic attacks every morning before work, constant worry'), await applicant('my anxiety is through the roof and I cannot relax')],
      extra: await applicant('I feel anxious and on edge all the time'),
    };
    for (const u of [...people.grief, ...people.calm, people.extra]) expect((await t.client(u).post(`/api/matching/programs/${p.id}/applications`)).statusCode).toBe(200);

    const member = people.extra;
    expect((await t.client(member).get(`/api/matching/programs/${p.id}/applicants`)).statusCode).toBe(403);
    expect((await t.client(member).post(`/api/matching/programs/${p.id}/assignment/preview`)).statusCode).toBe(403);
    expect((await t.client(member).post(`/api/matching/programs/${p.id}/assignment`)).statusCode).toBe(403);
    expect((await t.client().post(`/api/matching/programs/${p.id}/assignment/preview`)).statusCode).toBe(401);
    expect((await t.client(admin).post(`/api/matching/programs/${NO_SUCH_ID}/assignment`)).statusCode).toBe(404);

    const applicants = (await t.client(admin).get(`/api/matching/programs/${p.id}/applicants`)).json().applicants;
    expect(applicants).toHaveLength(5);
    expect(applicants.find((a: { userId: string }) => a.userId === people.grief[0]!.id).topics[0]).toBe('grief');

    const preview = (await t.client(admin).post(`/api/matching/programs/${p.id}/assignment/preview`)).json();
    const groupOf = (u: TestUser) => preview.placements.find((x: { userId: string }) => x.userId === u.id)?.groupId;
    for (const u of people.grief) expect(groupOf(u)).toBe(grief.id);
    for (const u of people.calm) expect(groupOf(u)).toBe(calm.id);
    expect(preview.unassigned).toHaveLength(1);
    expect(preview.totalMismatch).toBe(preview.placements.reduce((s: number, x: { mismatch: number }) => s + x.mismatch, 0));
    expect(preview.greedyTotalMismatch).toBeGreaterThanOrEqual(preview.totalMismatch);
    const first = preview.placements.find((x: { userId: string }) => x.userId === people.grief[0]!.id);
    expect(first.reasons.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['topic', 'language']));
    expect(first.summary).toMatch(/^grief · English/);
    // A preview changes nothing.
    expect((await t.client(people.grief[0]!).get(`/api/groups/${grief.id}`)).json().membership?.status ?? null).not.toBe('active');

    const applied = await t.client(admin).post(`/api/matching/programs/${p.id}/assignment`);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().totalMismatch).toBe(preview.totalMismatch);
    const active = await t.database.pool.query(`select user_id, group_id from group_members where status = 'active' and role = 'member' and group_id = any($1)`, [[grief.id, calm.id]]);
    const placed = new Map(active.rows.map((r) => [r.user_id, r.group_id]));
    for (const u of people.grief) expect(placed.get(u.id)).toBe(grief.id);
    for (const u of people.calm) expect(placed.get(u.id)).toBe(calm.id);
    const told = await t.database.pool.query(`select user_id from notifications where kind = 'matching.cohort_assigned'`);
    expect(new Set(told.rows.map((r) => r.user_id))).toEqual(new Set([...people.grief, ...people.calm].map((u) => u.id)));
    const mine = (await t.client(people.grief[1]!).get(`/api/matching/programs/${p.id}`)).json();
    expect(mine).toMatchObject({ status: 'assigned', mine: { applied: true, groupId: grief.id }, abilities: { apply: false } });

    expect((await t.client(admin).post(`/api/matching/programs/${p.id}/assignment`)).statusCode).toBe(409);
    expect((await t.client(await applicant('lonely lately')).post(`/api/matching/programs/${p.id}/applications`)).statusCode).toBe(409);
  });

  it('exports and erases a person\'s applications with their other matching data', async () => {
    const p = await program();
    const person = await applicant('work stress is getting to me');
    await t.client(person).post(`/api/matching/programs/${p.id}/applications`);
    const { createMatchingPersonalData } = await import('./matching.personal-data.ts');
    const { createFieldCipher } = await import('../../platform/crypto/index.ts');
    const pd = createMatchingPersonalData({ db: t.database.db, cipher: createFieldCipher('0'.repeat(64)) });
    expect(((await pd.export(person.id)) as { programApplications: unknown[] }).programApplications).toHaveLength(1);
    await t.database.db.transaction((tx) => pd.erase(tx, person.id));
    expect((await t.database.pool.query(`select count(*)::int as n from cohort_applications where user_id = $1`, [person.id])).rows[0].n).toBe(0);
  });
});
