import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { SESSION_COOKIE } from '../../platform/http/index.ts';
import { createGroup } from '../../test/factories/groups.ts';
import { buildSearchQuery } from './resources.repo.ts';
import { createResourcesPersonalData } from './resources.personal-data.ts';

let t: TestServer;
let member: TestUser;
let moderator: TestUser;

beforeAll(async () => {
  t = await createTestServer();
  await t.services.resources.installStarterLibrary();
  [member, moderator] = await Promise.all([t.createUser('member'), t.createUser('moderator')]);
});
afterAll(async () => t?.close());

/** Sends raw bytes (an upload) as a signed-in person. */
function putRaw(user: TestUser, url: string, body: Buffer, type: string) {
  return t.app.inject({ method: 'PUT', url, payload: body, headers: { cookie: `${SESSION_COOKIE}=${user.cookie}`, 'x-csrf-token': user.csrfToken, 'content-type': type } });
}
function getWithRange(user: TestUser, url: string, range?: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${user.cookie}`, ...(range ? { range } : {}) } });
}

async function createOrgResource(body: Record<string, unknown> = {}) {
  const res = await t.client(moderator).post('/api/resources', { title: `Walking groups ${Math.random().toString(36).slice(2, 7)}`, summary: 'Moving together.', body: 'Walking with others can lift a low day.', topics: ['depression'], ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; slug: string };
}

describe('library search', () => {
  it('finds the grounding article for "grounding techniques for panic", ranked first', async () => {
    const res = await t.client(member).get('/api/resources?q=grounding%20techniques%20for%20panic');
    expect(res.statusCode).toBe(200);
    const slugs = res.json().resources.map((r: { slug: string }) => r.slug);
    expect(slugs[0]).toBe('grounding-for-panic');
    expect(res.json().resources[0].rank).toBeGreaterThan(0);
  });

  it('searches Spanish articles with Spanish stemming', async () => {
    const res = await t.client(member).get(`/api/resources?language=es&q=${encodeURIComponent('técnica para el pánico')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().resources.map((r: { slug: string }) => r.slug)).toContain('tecnicas-de-grounding');
    expect(res.json().resources.every((r: { language: string }) => r.language === 'es')).toBe(true);
  });

  it('falls back to any-word matching for a long question no article answers word for word', async () => {
    const matches = await t.services.resources.searchResources('what can I do when I lie awake at night and cannot sleep', { language: 'en' });
    expect(matches[0]?.slug).toBe('sleep-when-your-mind-races');
    expect(matches[0]?.url).toBe('/resources/sleep-when-your-mind-races');
  });

  it('filters by topic and kind without a query', async () => {
    const res = await t.client(member).get('/api/resources?kind=worksheet');
    expect(res.json().resources.length).toBeGreaterThanOrEqual(2);
    expect(res.json().resources.every((r: { kind: string }) => r.kind === 'worksheet')).toBe(true);
    const grief = await t.client(member).get('/api/resources?topic=grief');
    expect(grief.json().resources.map((r: { slug: string }) => r.slug)).toContain('after-a-loss');
  });

  it('answers 401 without a session and 422 for a bad filter', async () => {
    expect((await t.client().get('/api/resources?q=sleep')).statusCode).toBe(401);
    const bad = await t.client(member).get('/api/resources?kind=novel');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toContain('kind');
  });
});

describe('articles and collections', () => {
  it('shows an article with its markdown and no edit ability on the shared starter library', async () => {
    const res = await t.client(moderator).get('/api/resources/grounding-for-panic');
    expect(res.statusCode).toBe(200);
    expect(res.json().body).toContain('5-4-3-2-1');
    expect(res.json().starter).toBe(true);
    expect(res.json().abilities.edit).toBe(false);
  });

  it('answers 404 for an unknown article and for another organization\'s resource', async () => {
    expect((await t.client(member).get('/api/resources/no-such-thing')).statusCode).toBe(404);
    const own = await createOrgResource();
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: `elsewhere-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsider = await t.createUser('member', { orgId: otherOrg.id });
    expect((await t.client(outsider).get(`/api/resources/${own.slug}`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/resources/${own.slug}`)).statusCode).toBe(200);
  });

  it('lists the curated collections in order, with "Your first week" and "After a loss"', async () => {
    const res = await t.client(member).get('/api/resources/collections');
    expect(res.statusCode).toBe(200);
    const collections = res.json().collections as Array<{ slug: string; resources: Array<{ slug: string }> }>;
    expect(collections.map((c) => c.slug)).toEqual(expect.arrayContaining(['first-week', 'after-a-loss']));
    expect(collections.find((c) => c.slug === 'first-week')!.resources[0]!.slug).toBe('what-to-expect-in-a-group');
    expect((await t.client().get('/api/resources/collections')).statusCode).toBe(401);
  });

  it('installs the starter library idempotently', async () => {
    const before = (await t.database.pool.query('select count(*)::int as n from resources where org_id is null')).rows[0].n;
    await t.services.resources.installStarterLibrary();
    const after = (await t.database.pool.query('select count(*)::int as n from resources where org_id is null')).rows[0].n;
    expect(after).toBe(before);
  });

  it('offers a worksheet as a markdown download', async () => {
    const sheet = (await t.client(member).get('/api/resources/weekly-check-in-worksheet')).json();
    expect(sheet.downloadUrl).toBe(`/api/resources/${sheet.id}/download`);
    const res = await t.client(member).get(sheet.downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body).toContain('# My week');
  });
});

describe('staff editing', () => {
  it('lets moderators create resources and not members (403), and checks the body (422)', async () => {
    expect((await t.client().post('/api/resources', { title: 'x' })).statusCode).toBe(401);
    const denied = await t.client(member).post('/api/resources', { title: 'My tips' });
    expect(denied.statusCode).toBe(403);
    const invalid = await t.client(moderator).post('/api/resources', { title: '', mediaUrl: 'javascript:alert(1)' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['title', 'mediaUrl']));
    const created = await createOrgResource({ title: 'Gardening for calm', slug: 'gardening-for-calm', body: 'Digging soil grounds the body.' });
    expect(created.slug).toBe('gardening-for-calm');
    const found = await t.client(member).get('/api/resources?q=gardening');
    expect(found.json().resources.map((r: { slug: string }) => r.slug)).toContain('gardening-for-calm');
    expect((await t.client(moderator).post('/api/resources', { title: 'Again', slug: 'gardening-for-calm' })).statusCode).toBe(409);
  });

  it('edits the organization\'s own resources, refuses the starter library, and re-indexes the change', async () => {
    const own = await createOrgResource();
    expect((await t.client().patch(`/api/resources/${own.id}`, { title: 'x' })).statusCode).toBe(401);
    expect((await t.client(member).patch(`/api/resources/${own.id}`, { title: 'Changed' })).statusCode).toBe(403);
    expect((await t.client(moderator).patch(`/api/resources/${own.id}`, {})).statusCode).toBe(422);
    const updated = await t.client(moderator).patch(`/api/resources/${own.id}`, { tags: ['birdsong'] });
    expect(updated.statusCode).toBe(200);
    const search = await t.client(member).get('/api/resources?q=birdsong');
    expect(search.json().resources.map((r: { id: string }) => r.id)).toContain(own.id);
    const starter = (await t.client(member).get('/api/resources/after-a-loss')).json();
    expect((await t.client(moderator).patch(`/api/resources/${starter.id}`, { title: 'Changed' })).statusCode).toBe(403);
    expect((await t.client(moderator).patch('/api/resources/01890000-0000-7000-8000-000000000000', { title: 'Changed' })).statusCode).toBe(404);
  });
});

describe('deleting resources', () => {
  it('lets staff remove their organization\'s resource, audited, with its file and its place in collections', async () => {
    const own = await createOrgResource({ kind: 'audio' });
    expect((await putRaw(moderator, `/api/resources/${own.id}/media`, Buffer.from('ID3 fake mp3 bytes'), 'audio/mpeg')).statusCode).toBe(200);
    const collection = await t.client(moderator).post('/api/resources/collections', { title: `Calm sounds ${own.slug}`, resourceIds: [own.id] });
    expect(collection.statusCode, collection.body).toBe(201);

    expect((await t.client().delete(`/api/resources/${own.id}`)).statusCode).toBe(401);
    expect((await t.client(member).delete(`/api/resources/${own.id}`)).statusCode).toBe(403);
    expect((await t.client(moderator).delete('/api/resources/not-an-id')).statusCode).toBe(422);
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Far away', slug: `far-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsiderAdmin = await t.createUser('admin', { orgId: otherOrg.id });
    expect((await t.client(outsiderAdmin).delete(`/api/resources/${own.id}`)).statusCode).toBe(404);
    const starter = (await t.client(member).get('/api/resources/after-a-loss')).json();
    expect((await t.client(moderator).delete(`/api/resources/${starter.id}`)).statusCode).toBe(403);

    const removed = await t.client(moderator).delete(`/api/resources/${own.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ ok: true });
    expect((await t.client(member).get(`/api/resources/${own.slug}`)).statusCode).toBe(404);
    expect((await t.client(moderator).get(`/api/resources/${own.id}/media`)).statusCode).toBe(404);
    const mine = (await t.client(moderator).get('/api/resources/collections')).json().collections.find((c: { id: string }) => c.id === collection.json().id);
    expect(mine.resources).toEqual([]);
    const audit = await t.database.pool.query("select actor_id from audit_log where action = 'resource.deleted' and entity_id = $1", [own.id]);
    expect(audit.rows).toEqual([{ actor_id: moderator.id }]);
  });
});

describe('staff collections', () => {
  it('lets staff make a collection from starter and own resources, shown after the starter ones, to their organization only', async () => {
    const own = await createOrgResource();
    const grounding = (await t.client(member).get('/api/resources/grounding-for-panic')).json();
    const body = { title: 'Getting through the holidays', description: 'For a hard season.', resourceIds: [grounding.id, own.id] };
    expect((await t.client().post('/api/resources/collections', body)).statusCode).toBe(401);
    expect((await t.client(member).post('/api/resources/collections', body)).statusCode).toBe(403);
    const invalid = await t.client(moderator).post('/api/resources/collections', { title: '', resourceIds: ['nope'] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['title', 'resourceIds.0']));
    // A resource of another organization cannot be slipped in: 422 naming its position.
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Another', slug: `another-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const otherMod = await t.createUser('moderator', { orgId: otherOrg.id });
    const foreign = await t.client(otherMod).post('/api/resources', { title: 'Their own guide' });
    const smuggled = await t.client(moderator).post('/api/resources/collections', { ...body, resourceIds: [grounding.id, foreign.json().id] });
    expect(smuggled.statusCode).toBe(422);
    expect(smuggled.json().error.fields).toEqual([{ path: 'resourceIds.1', message: 'This resource could not be found.' }]);

    const created = await t.client(moderator).post('/api/resources/collections', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'getting-through-the-holidays', starter: false, abilities: { edit: true } });
    expect(created.json().resources.map((r: { id: string }) => r.id)).toEqual([grounding.id, own.id]);
    expect((await t.client(moderator).post('/api/resources/collections', body)).statusCode).toBe(409);

    const seen = (await t.client(member).get('/api/resources/collections')).json();
    expect(seen.abilities).toEqual({ create: false });
    const slugs = seen.collections.map((c: { slug: string }) => c.slug);
    expect(slugs.indexOf('getting-through-the-holidays')).toBeGreaterThan(slugs.indexOf('after-a-loss'));
    expect(seen.collections.find((c: { slug: string }) => c.slug === 'getting-through-the-holidays').abilities).toEqual({ edit: false });
    const elsewhere = (await t.client(otherMod).get('/api/resources/collections')).json().collections.map((c: { slug: string }) => c.slug);
    expect(elsewhere).not.toContain('getting-through-the-holidays');
  });

  it('edits and removes only the organization\'s own collections, audited', async () => {
    const own = await createOrgResource();
    const created = (await t.client(moderator).post('/api/resources/collections', { title: `Evening reading ${own.slug}` })).json();
    const url = `/api/resources/collections/${created.id}`;
    expect((await t.client().patch(url, { title: 'x' })).statusCode).toBe(401);
    expect((await t.client(member).patch(url, { title: 'x' })).statusCode).toBe(403);
    expect((await t.client(moderator).patch(url, {})).statusCode).toBe(422);
    expect((await t.client(moderator).patch('/api/resources/collections/nope', { title: 'x' })).statusCode).toBe(422);
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Distant', slug: `distant-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsider = await t.createUser('admin', { orgId: otherOrg.id });
    expect((await t.client(outsider).patch(url, { title: 'x' })).statusCode).toBe(404);
    expect((await t.client(outsider).delete(url)).statusCode).toBe(404);
    const firstWeek = (await t.client(moderator).get('/api/resources/collections')).json().collections.find((c: { slug: string }) => c.slug === 'first-week');
    expect(firstWeek).toMatchObject({ starter: true, abilities: { edit: false } });
    expect((await t.client(moderator).patch(`/api/resources/collections/${firstWeek.id}`, { title: 'Mine now' })).statusCode).toBe(403);
    expect((await t.client(moderator).delete(`/api/resources/collections/${firstWeek.id}`)).statusCode).toBe(403);

    const updated = await t.client(moderator).patch(url, { title: 'Evening reading, renamed', resourceIds: [own.id] });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ title: 'Evening reading, renamed', slug: created.slug });
    expect(updated.json().resources.map((r: { id: string }) => r.id)).toEqual([own.id]);

    expect((await t.client(member).delete(url)).statusCode).toBe(403);
    expect((await t.client(moderator).delete(url)).json()).toEqual({ ok: true });
    expect((await t.client(moderator).patch(url, { title: 'again' })).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/resources/${own.slug}`)).statusCode).toBe(200);
    const audit = await t.database.pool.query("select action from audit_log where entity_id = $1 order by created_at", [created.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['resource_collection.created', 'resource_collection.updated', 'resource_collection.deleted']);
  });
});

describe('media', () => {
  it('uploads audio and serves it with Range requests', async () => {
    const own = await createOrgResource({ kind: 'audio' });
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    expect((await putRaw(member, `/api/resources/${own.id}/media`, bytes, 'audio/mpeg')).statusCode).toBe(403);
    expect((await putRaw(moderator, `/api/resources/${own.id}/media`, bytes, 'text/html')).statusCode).toBe(415);
    const up = await putRaw(moderator, `/api/resources/${own.id}/media`, bytes, 'audio/mpeg');
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().media).toMatchObject({ type: 'audio/mpeg', bytes: 1000 });

    const full = await getWithRange(member, up.json().media.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.rawPayload.equals(bytes)).toBe(true);

    const part = await getWithRange(member, up.json().media.url, 'bytes=100-199');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/1000');
    expect(part.rawPayload.equals(bytes.subarray(100, 200))).toBe(true);

    const tail = await getWithRange(member, up.json().media.url, 'bytes=-10');
    expect(tail.rawPayload.equals(bytes.subarray(990))).toBe(true);
    expect((await getWithRange(member, up.json().media.url, 'bytes=5000-')).statusCode).toBe(416);
    expect((await t.client().get(up.json().media.url)).statusCode).toBe(401);
  });

  it('serves the starter library\'s generated breathing guide as WAV audio', async () => {
    const item = (await t.client(member).get('/api/resources/paced-breathing-audio')).json();
    expect(item.media.type).toBe('audio/wav');
    const head = await getWithRange(member, item.media.url, 'bytes=0-11');
    expect(head.statusCode).toBe(206);
    expect(head.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
    expect(head.rawPayload.subarray(8, 12).toString()).toBe('WAVE');
  });
});

describe('group pages', () => {
  it('lists resources that share a group\'s topics, and hides groups of other organizations', async () => {
    const { group } = await createGroup(t, { body: { topics: ['grief'] } });
    const res = await t.client(member).get(`/api/groups/${group.id}/resources`);
    expect(res.statusCode).toBe(200);
    expect(res.json().resources.map((r: { slug: string }) => r.slug)).toContain('after-a-loss');
    expect((await t.client().get(`/api/groups/${group.id}/resources`)).statusCode).toBe(401);
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Far away', slug: `far-${Date.now()}`, country: 'AU', timezone: 'Australia/Sydney' });
    const outsider = await t.createUser('member', { orgId: otherOrg.id });
    expect((await t.client(outsider).get(`/api/groups/${group.id}/resources`)).statusCode).toBe(404);
    expect((await t.client(member).get('/api/groups/not-a-uuid/resources')).statusCode).toBe(422);
  });
});

describe('personal data', () => {
  it('exports the resources a person wrote and keeps them without an author after erase', async () => {
    const author = await t.createUser('clinician');
    const res = await t.client(author).post('/api/resources', { title: 'Clinic hours explained' });
    const contributor = createResourcesPersonalData({ db: t.database.db });
    expect(JSON.stringify(await contributor.export(author.id))).toContain('Clinic hours explained');
    await t.database.db.transaction((tx) => contributor.erase(tx, author.id));
    const { rows } = await t.database.pool.query('select created_by from resources where id = $1', [res.json().id]);
    expect(rows[0].created_by).toBeNull();
  });
});

describe('search at scale', () => {
  it('uses the GIN index for ranked search once the library is large (the plan names resources_search_idx)', async () => {
    // A realistic library size, so the planner chooses by cost rather than being forced.
    await t.database.pool.query(`
      insert into resources (id, org_id, slug, title, summary, body, keywords)
      select gen_random_uuid(), $1, 'bulk-' || i, 'Community note ' || i, 'Local news and tips', 
             'Walking, cooking, music and friendship ideas for week ' || (i % 52) || '. ' || repeat('gardening volunteering ', 20), ''
      from generate_series(1, 5000) as i`, [t.org.id]);
    // VACUUM merges GIN's pending list, as autovacuum does in production.
    await t.database.pool.query('vacuum analyze resources');
    const query = buildSearchQuery(t.database.db, { orgId: t.org.id, q: 'grounding techniques for panic', limit: 20 }).toSQL();
    const plan = await t.database.pool.query(`explain (format json) ${query.sql}`, query.params);
    expect(JSON.stringify(plan.rows[0])).toContain('resources_search_idx');
    const found = await t.client(member).get('/api/resources?q=grounding%20techniques%20for%20panic');
    expect(found.json().resources[0].slug).toBe('grounding-for-panic');
  });
});
