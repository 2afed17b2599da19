import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { addMember, createGroup, groupBody } from '../../test/factories/groups.ts';
import { grantCertificate } from '../../test/factories/training.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());

const venue = (lat: number, lng: number) => ({ name: 'Community hall', address: '1 High Street', lat, lng });

describe('creating a group', () => {
  it('lets a facilitator create a group, makes them its facilitator member and audits it', async () => {
    const facilitator = await t.createUser('facilitator');
    await grantCertificate(t, facilitator, 'group_facilitator');
    const res = await t.client(facilitator).post('/api/groups', groupBody({ name: 'Grief circle', topics: ['grief'], communities: ['parents'], agreements: ['What is said here stays here.'] }));
    expect(res.statusCode).toBe(201);
    const group = res.json();
    expect(group).toMatchObject({ name: 'Grief circle', topics: ['grief'], communities: ['parents'], memberCount: 1, myMembership: { status: 'active', role: 'facilitator' }, agreements: ['What is said here stays here.'] });
    expect(group.abilities).toMatchObject({ edit: true, archive: true, manageMembers: true, changeRoles: true, join: false, leave: true });
    const { rows } = await t.database.pool.query(`select action from audit_log where entity_id = $1`, [group.id]);
    expect(rows.map((r) => r.action)).toContain('group.created');
  });

  it('refuses members who are not facilitators (403)', async () => {
    const member = await t.createUser('member');
    expect((await t.client(member).post('/api/groups', groupBody())).statusCode).toBe(403);
  });

  it('requires sign-in (401)', async () => {
    expect((await t.client().post('/api/groups', groupBody())).statusCode).toBe(401);
  });

  it('asks for a venue for in-person groups and lists bad fields (422)', async () => {
    const facilitator = await t.createUser('facilitator');
    const res = await t.client(facilitator).post('/api/groups', groupBody({ format: 'in_person', topics: ['not-a-topic'], timezone: 'Mars/Base' }));
    expect(res.statusCode).toBe(422);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['topics.0', 'timezone']));
    const noVenue = await t.client(facilitator).post('/api/groups', groupBody({ format: 'hybrid' }));
    expect(noVenue.statusCode).toBe(422);
    expect(noVenue.json().error.fields[0].path).toBe('venue');
  });
});

describe('discovering groups', () => {
  it('filters by topic, community, format, language and text, and hides invite-only and archived groups', async () => {
    const tag = `Zq${Date.now()}`;
    const { facilitator } = await createGroup(t, { body: { name: `${tag} anxiety online`, topics: ['anxiety'], communities: ['lgbtq'] } });
    await createGroup(t, { facilitator, body: { name: `${tag} grief`, topics: ['grief'], language: 'es' } });
    await createGroup(t, { facilitator, body: { name: `${tag} hidden`, topics: ['anxiety'], visibility: 'invite' } });
    const { group: archived } = await createGroup(t, { facilitator, body: { name: `${tag} old`, topics: ['anxiety'] } });
    await t.client(facilitator).post(`/api/groups/${archived.id}/archive`);
    const member = await t.createUser();
    const names = async (qs: string) => (await t.client(member).get(`/api/groups?q=${tag}&${qs}`)).json().groups.map((g: { name: string }) => g.name);
    expect(await names('')).toEqual([`${tag} anxiety online`, `${tag} grief`]);
    expect(await names('topic=anxiety')).toEqual([`${tag} anxiety online`]);
    expect(await names('community=lgbtq')).toEqual([`${tag} anxiety online`]);
    expect(await names('language=es')).toEqual([`${tag} grief`]);
    expect(await names('format=in_person')).toEqual([]);
  });

  it('finds in-person groups near a point with their haversine distance', async () => {
    const tag = `Near${Date.now()}`;
    const { facilitator } = await createGroup(t, { body: { name: `${tag} London`, format: 'in_person', venue: venue(51.5074, -0.1278) } });
    await createGroup(t, { facilitator, body: { name: `${tag} Oxford`, format: 'hybrid', venue: venue(51.752, -1.2577) } });
    await createGroup(t, { facilitator, body: { name: `${tag} Online` } });
    const member = await t.createUser();
    const near = (await t.client(member).get(`/api/groups?q=${tag}&lat=51.5007&lng=-0.1246&radiusKm=10`)).json().groups;
    expect(near.map((g: { name: string }) => g.name)).toEqual([`${tag} London`]);
    expect(near[0].distanceKm).toBeGreaterThan(0.5);
    expect(near[0].distanceKm).toBeLessThan(1.5);
    expect(near[0].venue).toMatchObject({ name: 'Community hall' });
    const all = (await t.client(member).get(`/api/groups?q=${tag}&lat=51.5007&lng=-0.1246`)).json().groups;
    expect(all.map((g: { name: string }) => g.name)).toEqual([`${tag} London`, `${tag} Oxford`, `${tag} Online`]);
    expect(all[1].distanceKm).toBeGreaterThan(70);
    expect(all[2]).not.toHaveProperty('distanceKm');
  });

  it('reports places left and the viewer\'s membership and abilities', async () => {
    const tag = `Cap${Date.now()}`;
    const { group, facilitator } = await createGroup(t, { body: { name: tag, capacity: 3 } });
    const member = await addMember(t, group.id, facilitator);
    const [card] = (await t.client(member).get(`/api/groups?q=${tag}`)).json().groups;
    expect(card).toMatchObject({ memberCount: 2, placesLeft: 1, capacity: 3, myMembership: { status: 'active', role: 'member' }, nextSession: null });
    expect(card.abilities).toMatchObject({ join: false, leave: true, edit: false, viewMembers: true });
    const stranger = await t.createUser();
    const [other] = (await t.client(stranger).get(`/api/groups?q=${tag}`)).json().groups;
    expect(other).toMatchObject({ myMembership: null, abilities: { join: true, viewMembers: false } });
  });

  it('rejects half a location (422) and requires sign-in (401)', async () => {
    const member = await t.createUser();
    const res = await t.client(member).get('/api/groups?lat=51.5');
    expect(res.statusCode).toBe(422);
    expect((await t.client().get('/api/groups')).statusCode).toBe(401);
  });
});

describe('the group page', () => {
  it('hides invite-only groups and other organizations\' groups (404), but shows them to invitees', async () => {
    const { group, facilitator } = await createGroup(t, { body: { visibility: 'invite' } });
    const stranger = await t.createUser();
    expect((await t.client(stranger).get(`/api/groups/${group.id}`)).statusCode).toBe(404);
    await t.client(facilitator).post(`/api/groups/${group.id}/invitations`, { userId: stranger.id });
    const invited = await t.client(stranger).get(`/api/groups/${group.id}`);
    expect(invited.statusCode).toBe(200);
    expect(invited.json()).toMatchObject({ myMembership: { status: 'invited' }, abilities: { join: true } });
    const elsewhere = await t.services.orgs.createOrg(null, { name: 'Other', slug: `other-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsider = await t.createUser('admin', { orgId: elsewhere.id });
    const { group: open } = await createGroup(t);
    expect((await t.client(outsider).get(`/api/groups/${open.id}`)).statusCode).toBe(404);
  });

  it('rejects a malformed id (422) and requires sign-in (401)', async () => {
    const member = await t.createUser();
    expect((await t.client(member).get('/api/groups/nope')).statusCode).toBe(422);
    const { group } = await createGroup(t);
    expect((await t.client().get(`/api/groups/${group.id}`)).statusCode).toBe(401);
  });
});

describe('editing and archiving', () => {
  it('lets co-facilitators edit but not members, and audits the change', async () => {
    const { group, facilitator } = await createGroup(t);
    const co = await addMember(t, group.id, facilitator);
    await grantCertificate(t, co, 'group_facilitator');
    await t.client(facilitator).patch(`/api/groups/${group.id}/members/${co.id}`, { role: 'co_facilitator' });
    const member = await addMember(t, group.id, facilitator);
    const res = await t.client(co).patch(`/api/groups/${group.id}`, { description: 'New words', capacity: 12 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ description: 'New words', capacity: 12 });
    expect((await t.client(member).patch(`/api/groups/${group.id}`, { description: 'x' })).statusCode).toBe(403);
    const { rows } = await t.database.pool.query(`select 1 from audit_log where entity_id = $1 and action = 'group.updated'`, [group.id]);
    expect(rows).toHaveLength(1);
  });

  it('needs a venue when switching to in person (422), and clears it when going online', async () => {
    const { group, facilitator } = await createGroup(t);
    const res = await t.client(facilitator).patch(`/api/groups/${group.id}`, { format: 'in_person' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('venue');
    expect((await t.client(facilitator).patch(`/api/groups/${group.id}`, { format: 'in_person', venue: venue(1, 2) })).json().venue).toMatchObject({ lat: 1, lng: 2 });
    expect((await t.client(facilitator).patch(`/api/groups/${group.id}`, { format: 'online' })).json().venue).toBeNull();
    expect((await t.client(facilitator).patch(`/api/groups/${group.id}`, { capacity: 1 })).statusCode).toBe(422);
  });

  it('archives a group: hidden from discovery and joining, still readable by members, not by others', async () => {
    const { group, facilitator } = await createGroup(t);
    const member = await addMember(t, group.id, facilitator);
    const co = await addMember(t, group.id, facilitator);
    await grantCertificate(t, co, 'group_facilitator');
    await t.client(facilitator).patch(`/api/groups/${group.id}/members/${co.id}`, { role: 'co_facilitator' });
    expect((await t.client(co).post(`/api/groups/${group.id}/archive`)).statusCode).toBe(403);
    const res = await t.client(facilitator).post(`/api/groups/${group.id}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json().archivedAt).not.toBeNull();
    expect((await t.client(member).get(`/api/groups/${group.id}`)).statusCode).toBe(200);
    expect((await t.client(await t.createUser()).get(`/api/groups/${group.id}`)).statusCode).toBe(404);
    expect((await t.client(facilitator).patch(`/api/groups/${group.id}`, { name: 'Again' })).statusCode).toBe(409);
    expect((await t.client().post(`/api/groups/${group.id}/archive`)).statusCode).toBe(401);
  });
});
