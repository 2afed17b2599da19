import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServerWithAdmin } from '../../test/factories/setup.ts';
import type { TestServer, TestUser } from '../../test/server.ts';
import { createGroup } from '../../test/factories/groups.ts';

let t: TestServer;
let admin: TestUser;
let grief: { id: string };
let calm: { id: string };
let walk: { id: string };
beforeAll(async () => {
  ({ t, admin } = await createTestServerWithAdmin());
  grief = (await createGroup(t, { body: { name: 'Eight weeks through grief', description: 'A course for people grieving.', topics: ['grief'], language: 'en' } })).group;
  calm = (await createGroup(t, { body: { name: 'Eight weeks of calm', description: 'Practical tools for worry and panic.', topics: ['anxiety'], language: 'en' } })).group;
  walk = (await createGroup(t, { body: { name: 'Walk and talk', description: 'A gentle walking group.', topics: ['stress'], language: 'en' } })).group;
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const DAY = 24 * 3600_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

async function applicant(text = 'my mother passed away in the spring and I miss her') {
  const u = await t.createUser();
  const res = await t.client(u).put('/api/intake/profile', { whatBrings: text, languages: ['en'] });
  if (res.statusCode !== 200) throw new Error(`profile failed: ${res.body}`);
  return u;
}

async function program(extra: Record<string, unknown> = {}) {
  const res = await t.client(admin).post('/api/matching/programs', { name: 'Spring course', groups: [{ groupId: grief.id, capacity: 2 }, { groupId: calm.id, capacity: 2 }], ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const edit = (u: TestUser | undefined, id: string, body: unknown) => t.client(u).patch(`/api/matching/programs/${id}`, body);
const told = async (programId: string) =>
  (await t.database.pool.query(`select user_id, url from notifications where kind = 'matching.cohort_program_changed' and url = $1 order by user_id`, [`/programs/${programId}`])).rows;

describe('editing a program', () => {
  it('asks for sign-in, is for facilitators and admins, hides other organizations\' programs, and checks the input', async () => {
    const p = await program();
    expect((await edit(undefined, p.id, { name: 'New' })).statusCode).toBe(401);
    const member = await t.createUser();
    const refused = await edit(member, p.id, { name: 'New' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('facilitators and admins');
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: `elsewhere-${Date.now()}`, country: 'US', timezone: 'UTC' });
    const outsider = await t.createUser('facilitator', { orgId: otherOrg.id });
    expect((await edit(outsider, p.id, { name: 'New' })).statusCode).toBe(404);
    expect((await edit(admin, NO_SUCH_ID, { name: 'New' })).statusCode).toBe(404);
    expect((await edit(admin, 'not-a-program', { name: 'New' })).statusCode).toBe(422);

    const empty = await edit(admin, p.id, {});
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields[0].message).toContain('nothing to change');
    const blankName = await edit(admin, p.id, { name: '   ' });
    expect(blankName.statusCode).toBe(422);
    expect(blankName.json().error.fields).toEqual([{ path: 'name', message: 'Please give the program a name.' }]);
    expect((await edit(admin, p.id, { groups: [{ groupId: grief.id, capacity: 0 }] })).statusCode).toBe(422);
    expect((await edit(admin, p.id, { groups: [] })).statusCode).toBe(422);
    expect((await edit(admin, p.id, { startsAt: 'next tuesday' })).statusCode).toBe(422);
    const unknown = await edit(admin, p.id, { groups: [{ groupId: grief.id, capacity: 2 }, { groupId: NO_SUCH_ID, capacity: 2 }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields).toEqual([{ path: 'groups.1.groupId', message: 'Choose a group from the list.' }]);
    // Nothing changed on any refusal.
    expect((await t.client(admin).get(`/api/matching/programs/${p.id}`)).json()).toMatchObject({ name: 'Spring course', groups: [{ groupId: grief.id, capacity: 2 }, { groupId: calm.id, capacity: 2 }] });
  });

  it('lets a facilitator change the wording, dates, groups and places before assignment, and audits it', async () => {
    const p = await program();
    const facilitator = await t.createUser('facilitator');
    const startsAt = inDays(21);
    const applicationsCloseAt = inDays(14);
    const res = await edit(facilitator, p.id, {
      name: 'Spring course (evenings)', description: 'Tuesday evenings, online.', startsAt, applicationsCloseAt, groups: [{ groupId: calm.id, capacity: 6 }, { groupId: walk.id, capacity: 4 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Spring course (evenings)', description: 'Tuesday evenings, online.', startsAt, applicationsCloseAt, status: 'open',
      groups: [{ groupId: calm.id, capacity: 6 }, { groupId: walk.id, capacity: 4 }],
      abilities: { manage: true, edit: true, editSchedule: true },
    });
    const audit = await t.database.pool.query(`select actor_id, data from audit_log where entity_id = $1 and action = 'cohort_program.updated'`, [p.id]);
    expect(audit.rows).toEqual([{ actor_id: facilitator.id, data: { fields: ['name', 'description', 'startsAt', 'applicationsCloseAt', 'groups'], told: 0 } }]);
    // Clearing a date is allowed; members see the program but may not edit it.
    expect((await edit(admin, p.id, { applicationsCloseAt: null })).json().applicationsCloseAt).toBeNull();
    expect((await t.client(await t.createUser()).get(`/api/matching/programs/${p.id}`)).json().abilities).toMatchObject({ edit: false, editSchedule: false });
  });

  it('refuses dates in the past and a closing time after the start, with a kind message on the field', async () => {
    const p = await program({ startsAt: inDays(10) });
    const past = await edit(admin, p.id, { startsAt: inDays(-1) });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.fields).toEqual([{ path: 'startsAt', message: 'Please choose a start time that has not passed yet.' }]);
    const closePast = await edit(admin, p.id, { applicationsCloseAt: inDays(-2) });
    expect(closePast.json().error.fields).toEqual([{ path: 'applicationsCloseAt', message: expect.stringContaining('has not passed yet') }]);
    // Against the stored start: closing after it is refused even when only the closing time is sent.
    const late = await edit(admin, p.id, { applicationsCloseAt: inDays(12) });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.fields).toEqual([{ path: 'applicationsCloseAt', message: 'Applications need to close before the program starts.' }]);
    const both = await edit(admin, p.id, { startsAt: inDays(20), applicationsCloseAt: inDays(25) });
    expect(both.statusCode).toBe(422);
    expect(both.json().error.fields).toEqual([{ path: 'applicationsCloseAt', message: 'Applications need to close before the program starts.' }]);
    // Creating with a past start is refused in the same words.
    const created = await t.client(admin).post('/api/matching/programs', { name: 'Old', groups: [{ groupId: grief.id, capacity: 2 }], startsAt: inDays(-3) });
    expect(created.statusCode).toBe(422);
    expect(created.json().error.fields[0].path).toBe('startsAt');
  });

  it('tells applicants when the dates move or a group is added or taken away, but not for wording or places alone', async () => {
    const p = await program({ startsAt: inDays(20) });
    const people = [await applicant(), await applicant('panic attacks before work every day')];
    for (const u of people) expect((await t.client(u).post(`/api/matching/programs/${p.id}/applications`)).statusCode).toBe(200);

    expect((await edit(admin, p.id, { name: 'Spring course, renamed', description: 'Now with a welcome call.' })).statusCode).toBe(200);
    expect((await edit(admin, p.id, { groups: [{ groupId: grief.id, capacity: 5 }, { groupId: calm.id, capacity: 2 }] })).statusCode).toBe(200);
    expect(await told(p.id)).toEqual([]);

    const moved = inDays(27);
    expect((await edit(admin, p.id, { startsAt: moved })).statusCode).toBe(200);
    const rows = await told(p.id);
    expect(rows.map((r) => r.user_id).sort()).toEqual(people.map((u) => u.id).sort());
    const params = (await t.database.pool.query(`select params from notifications where kind = 'matching.cohort_program_changed' and user_id = $1`, [people[0]!.id])).rows[0].params;
    expect(params).toEqual({ program: 'Spring course, renamed', startsAt: moved });

    expect((await edit(admin, p.id, { groups: [{ groupId: grief.id, capacity: 5 }] })).statusCode).toBe(200);
    expect(await told(p.id)).toHaveLength(4);
    const audit = await t.database.pool.query(`select data from audit_log where entity_id = $1 and action = 'cohort_program.updated' order by created_at`, [p.id]);
    expect(audit.rows.map((r) => r.data.told)).toEqual([0, 0, 2, 2]);
  });

  it('after assignment allows only wording edits, and explains why when dates or groups are sent', async () => {
    const p = await program({ startsAt: inDays(20) });
    const person = await applicant();
    await t.client(person).post(`/api/matching/programs/${p.id}/applications`);
    expect((await t.client(admin).post(`/api/matching/programs/${p.id}/assignment`)).statusCode).toBe(200);
    const before = (await t.client(admin).get(`/api/matching/programs/${p.id}`)).json();
    expect(before.abilities).toMatchObject({ edit: true, editSchedule: false });

    const dates = await edit(admin, p.id, { startsAt: inDays(30) });
    expect(dates.statusCode).toBe(409);
    expect(dates.json().error).toMatchObject({ code: 'program_assigned', message: expect.stringContaining('only its name and description can change'), fields: [{ path: 'startsAt' }] });
    const places = await edit(admin, p.id, { groups: [{ groupId: grief.id, capacity: 9 }, { groupId: calm.id, capacity: 2 }] });
    expect(places.statusCode).toBe(409);
    expect(places.json().error.fields).toEqual([{ path: 'groups', message: expect.any(String) }]);

    // The edit form sends everything back; unchanged dates and groups are not a change, so wording still saves.
    const wording = await edit(admin, p.id, { name: 'Spring course (full)', description: 'Thank you, everyone.', startsAt: before.startsAt, applicationsCloseAt: null, groups: before.groups.map((g: { groupId: string; capacity: number }) => ({ groupId: g.groupId, capacity: g.capacity })) });
    expect(wording.statusCode, wording.body).toBe(200);
    expect(wording.json()).toMatchObject({ name: 'Spring course (full)', status: 'assigned', startsAt: before.startsAt });
    expect(await told(p.id)).toEqual([]);
  });

  it('stops taking applications after the closing time, while people who applied can still withdraw', async () => {
    const p = await program({ applicationsCloseAt: inDays(3) });
    const early = await applicant();
    expect((await t.client(early).post(`/api/matching/programs/${p.id}/applications`)).statusCode).toBe(200);
    await t.database.pool.query(`update cohort_programs set applications_close_at = now() - interval '1 minute' where id = $1`, [p.id]);

    const late = await applicant('grieving my husband');
    expect((await t.client(late).get(`/api/matching/programs/${p.id}`)).json().abilities.apply).toBe(false);
    const refused = await t.client(late).post(`/api/matching/programs/${p.id}/applications`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'applications_closed', message: expect.stringContaining('other groups that fit') });
    expect((await t.client(early).get(`/api/matching/programs/${p.id}`)).json().abilities.withdraw).toBe(true);
    expect((await t.client(early).delete(`/api/matching/programs/${p.id}/applications/mine`)).statusCode).toBe(200);
    // Staff reopen applications by moving the closing time forward.
    expect((await edit(admin, p.id, { applicationsCloseAt: inDays(5) })).statusCode).toBe(200);
    expect((await t.client(late).post(`/api/matching/programs/${p.id}/applications`)).statusCode).toBe(200);
  });
});
