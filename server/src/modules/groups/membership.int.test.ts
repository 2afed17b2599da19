import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';
import { grantCertificate } from '../../test/factories/training.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());

describe('joining and leaving', () => {
  it('asks for the agreements to be accepted (422), then joins an open group at once and audits it', async () => {
    const { group } = await createGroup(t, { body: { agreements: ['Listen without judging.'] } });
    const member = await t.createUser();
    const refused = await t.client(member).post(`/api/groups/${group.id}/join`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].path).toBe('acceptAgreements');
    const res = await t.client(member).post(`/api/groups/${group.id}/join`, { acceptAgreements: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'active' });
    const { rows } = await t.database.pool.query(`select agreements_accepted_at from group_members where group_id = $1 and user_id = $2`, [group.id, member.id]);
    expect(rows[0].agreements_accepted_at).not.toBeNull();
    const audit = await t.database.pool.query(`select 1 from audit_log where entity_id = $1 and action = 'group.member_joined'`, [group.id]);
    expect(audit.rows).toHaveLength(1);
    expect((await t.client(member).post(`/api/groups/${group.id}/join`, { acceptAgreements: true })).statusCode).toBe(409);
  });

  it('enforces capacity on join', async () => {
    const { group, facilitator } = await createGroup(t, { body: { capacity: 2 } });
    await addMember(t, group.id, facilitator);
    const late = await t.client(await t.createUser()).post(`/api/groups/${group.id}/join`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('group_full');
  });

  it('lets exactly one of several people take the last place when they join at the same moment', async () => {
    const { group } = await createGroup(t, { body: { capacity: 2 } });
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => t.createUser()));
    const codes = await Promise.all(people.map(async (p) => (await t.client(p).post(`/api/groups/${group.id}/join`, {})).statusCode));
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(4);
  });

  it('turns a join into a request for request-to-join groups; a leader approves or declines it', async () => {
    const { group, facilitator } = await createGroup(t, { body: { visibility: 'request', capacity: 3 } });
    const [a, b, c] = [await t.createUser(), await t.createUser(), await t.createUser()];
    for (const u of [a, b, c]) expect((await t.client(u).post(`/api/groups/${group.id}/join`, {})).json()).toEqual({ status: 'requested' });
    expect((await t.client(facilitator).get(`/api/groups/${group.id}`)).json().pendingRequestCount).toBe(3);
    expect((await t.client(a).get(`/api/groups/${group.id}`)).json().abilities).toMatchObject({ requestToJoin: false, join: false, leave: true });
    const approved = await t.client(facilitator).post(`/api/groups/${group.id}/requests/${a.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ userId: a.id, status: 'active', role: 'member' });
    expect((await t.client(facilitator).post(`/api/groups/${group.id}/requests/${b.id}/decline`)).json().status).toBe('declined');
    expect((await t.client(facilitator).post(`/api/groups/${group.id}/requests/${b.id}/approve`)).statusCode).toBe(404);
    await t.client(facilitator).post(`/api/groups/${group.id}/requests/${c.id}/approve`);
    const d = await t.createUser();
    await t.client(d).post(`/api/groups/${group.id}/join`, {});
    const full = await t.client(facilitator).post(`/api/groups/${group.id}/requests/${d.id}/approve`);
    expect(full.json().error.code).toBe('group_full');
  });

  it('only lets leaders answer requests (403 for members, 404 for outsiders of an invite-only group, 422, 401)', async () => {
    const { group, facilitator } = await createGroup(t, { body: { visibility: 'request' } });
    const asker = await t.createUser();
    await t.client(asker).post(`/api/groups/${group.id}/join`, {});
    const member = await addMember(t, group.id, facilitator);
    expect((await t.client(member).post(`/api/groups/${group.id}/requests/${asker.id}/approve`)).statusCode).toBe(403);
    const { group: secret } = await createGroup(t, { body: { visibility: 'invite' } });
    expect((await t.client(member).post(`/api/groups/${secret.id}/requests/${asker.id}/approve`)).statusCode).toBe(404);
    expect((await t.client(facilitator).post(`/api/groups/${group.id}/requests/nope/approve`)).statusCode).toBe(422);
    expect((await t.client().post(`/api/groups/${group.id}/requests/${asker.id}/approve`)).statusCode).toBe(401);
  });

  it('lets only invited people into invite-only groups', async () => {
    const { group, facilitator } = await createGroup(t, { body: { visibility: 'invite' } });
    const uninvited = await t.createUser();
    expect((await t.client(uninvited).post(`/api/groups/${group.id}/join`, {})).statusCode).toBe(404);
    const invited = await t.createUser();
    const inv = await t.client(facilitator).post(`/api/groups/${group.id}/invitations`, { userId: invited.id });
    expect(inv.statusCode).toBe(201);
    expect(inv.json()).toMatchObject({ userId: invited.id, status: 'invited' });
    expect((await t.client(invited).post(`/api/groups/${group.id}/join`, {})).json()).toEqual({ status: 'active' });
    expect((await t.client(facilitator).post(`/api/groups/${group.id}/invitations`, { userId: invited.id })).statusCode).toBe(409);
  });

  it('leaves a group, and keeps the last facilitator from leaving', async () => {
    const { group, facilitator } = await createGroup(t);
    const member = await addMember(t, group.id, facilitator);
    expect((await t.client(member).post(`/api/groups/${group.id}/leave`)).json()).toEqual({ status: 'left' });
    expect((await t.client(member).post(`/api/groups/${group.id}/leave`)).statusCode).toBe(409);
    const last = await t.client(facilitator).post(`/api/groups/${group.id}/leave`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('last_facilitator');
    expect((await t.client().post(`/api/groups/${group.id}/leave`)).statusCode).toBe(401);
  });
});

describe('members, invitations and roles', () => {
  it('shows members to active members only, and requests and invitations to leaders', async () => {
    const { group, facilitator } = await createGroup(t, { body: { visibility: 'request' } });
    const member = await addMember(t, group.id, facilitator);
    const asker = await t.createUser();
    await t.client(asker).post(`/api/groups/${group.id}/join`, {});
    const forMember = (await t.client(member).get(`/api/groups/${group.id}/members`)).json().members;
    expect(forMember.map((m: { status: string }) => m.status)).toEqual(['active', 'active']);
    expect(forMember[0]).toMatchObject({ userId: facilitator.id, role: 'facilitator' });
    const forLeader = (await t.client(facilitator).get(`/api/groups/${group.id}/members`)).json().members;
    expect(forLeader.map((m: { userId: string }) => m.userId)).toContain(asker.id);
    expect((await t.client(asker).get(`/api/groups/${group.id}/members`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/groups/${group.id}/members`)).statusCode).toBe(401);
    expect((await t.client(member).get(`/api/groups/x/members`)).statusCode).toBe(422);
  });

  it('invites only people of the same organization, and only leaders may invite', async () => {
    const { group, facilitator } = await createGroup(t);
    const elsewhere = await t.services.orgs.createOrg(null, { name: 'Far', slug: `far-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsider = await t.createUser('member', { orgId: elsewhere.id });
    expect((await t.client(facilitator).post(`/api/groups/${group.id}/invitations`, { userId: outsider.id })).statusCode).toBe(404);
    const member = await addMember(t, group.id, facilitator);
    expect((await t.client(member).post(`/api/groups/${group.id}/invitations`, { userId: (await t.createUser()).id })).statusCode).toBe(403);
    expect((await t.client(facilitator).post(`/api/groups/${group.id}/invitations`, { userId: 'x' })).statusCode).toBe(422);
    expect((await t.client().post(`/api/groups/${group.id}/invitations`, { userId: member.id })).statusCode).toBe(401);
  });

  it('lets the facilitator change roles, but not co-facilitators, and keeps one facilitator', async () => {
    const { group, facilitator } = await createGroup(t);
    const a = await addMember(t, group.id, facilitator);
    const b = await addMember(t, group.id, facilitator);
    await grantCertificate(t, a, 'group_facilitator');
    const res = await t.client(facilitator).patch(`/api/groups/${group.id}/members/${a.id}`, { role: 'co_facilitator' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: a.id, role: 'co_facilitator' });
    expect((await t.client(a).patch(`/api/groups/${group.id}/members/${b.id}`, { role: 'co_facilitator' })).statusCode).toBe(403);
    const demote = await t.client(facilitator).patch(`/api/groups/${group.id}/members/${facilitator.id}`, { role: 'member' });
    expect(demote.json().error.code).toBe('last_facilitator');
    expect((await t.client(facilitator).patch(`/api/groups/${group.id}/members/${b.id}`, { role: 'boss' })).statusCode).toBe(422);
    expect((await t.client(facilitator).patch(`/api/groups/${group.id}/members/${(await t.createUser()).id}`, { role: 'member' })).statusCode).toBe(404);
    const { rows } = await t.database.pool.query(`select data from audit_log where entity_id = $1 and action = 'group.member_role_changed'`, [group.id]);
    expect(rows[0].data).toMatchObject({ userId: a.id, from: 'member', to: 'co_facilitator' });
  });

  it('lists my groups, including requests and invitations but not groups I left', async () => {
    const me = await t.createUser();
    const { group: open, facilitator } = await createGroup(t);
    const { group: asked } = await createGroup(t, { facilitator, body: { visibility: 'request' } });
    const { group: left } = await createGroup(t, { facilitator });
    await addMember(t, open.id, facilitator, me);
    await t.client(me).post(`/api/groups/${asked.id}/join`, {});
    await addMember(t, left.id, facilitator, me);
    await t.client(me).post(`/api/groups/${left.id}/leave`);
    const mine = (await t.client(me).get('/api/me/groups')).json().groups;
    expect(mine.map((g: { id: string; myMembership: { status: string } }) => [g.id, g.myMembership.status]).sort()).toEqual([[asked.id, 'requested'], [open.id, 'active']].sort());
    expect((await t.client().get('/api/me/groups')).statusCode).toBe(401);
    expect((await t.client(me).get('/api/me/groups?tz=Nowhere/Land')).statusCode).toBe(422);
  });
});
