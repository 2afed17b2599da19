import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createDirectoryPersonalData } from './directory.personal-data.ts';

let t: TestServer;
let member: TestUser;
let moderator: TestUser;
let admin: TestUser;

const HEADER = 'name,kind,description,address,postcode,city,country,lat,lng,phone,website,opening_hours,languages,cost,eligibility';
/** Burlington-area services at known distances from ZIP 05401 (44.4759, -73.2121). */
const GOOD_ROWS = [
  'Lakeview Community Clinic,clinic,Walk-in counselling,12 Pine St,05401,Burlington,US,44.4790,-73.2150,802-555-0101,https://lakeview.example.org,Mon-Fri 9-5,en;es,sliding_scale,Adults 18+',
  'Essex Family Centre,community_centre,Drop-in and parent groups,,05452,Essex Junction,US,,,802-555-0102,,Tue-Sat 10-4,en,free,Everyone',
  'Colchester Peer Circle,peer_group,"Weekly circle, hosted at the library",,05446,Colchester,US,44.5439,-73.1479,,,Thursdays 18:30,en,free,Anyone over 16',
  'Montpelier Counselling,clinic,Sliding-scale therapy,,05602,Montpelier,US,44.2601,-72.5754,,,Mon-Thu 8-6,en,paid,Adults',
  'Vermont Warmline,crisis_line,Peer-run phone support,,,,US,,,802-555-0199,,Every evening 17:00-23:00,en,free,Anyone in Vermont',
];
const BAD_ROWS = [
  ',clinic,No name here,,05401,Burlington,US,44.47,-73.21,,,,en,free,', // row 7: missing name
  'Moon Clinic,clinic,Bad latitude,,05401,Burlington,US,144.0,-73.21,,,,en,free,', // row 8: latitude out of range
  'Mystery Place,spa,Unknown kind,,05401,Burlington,US,44.47,-73.21,,,,en,free,', // row 9: unknown kind
  'Nowhere Centre,community_centre,Unknown postcode,,99999,Atlantis,US,,,,,,en,free,', // row 10: no coordinates
  'Half Place,clinic,Only lat,,05401,Burlington,US,44.47,,,,,en,free,', // row 11: lat without lng
];

async function importCsv(rows: string[], as: TestUser = admin) {
  return t.client(as).post('/api/directory/import', { csv: [HEADER, ...rows].join('\n') });
}

beforeAll(async () => {
  t = await createTestServer();
  [member, moderator, admin] = await Promise.all([t.createUser('member'), t.createUser('moderator'), t.createUser('admin')]);
});
afterAll(async () => t?.close());

describe('CSV import', () => {
  it('imports the valid rows and reports each rejected row with its number and reason', async () => {
    const res = await importCsv([...GOOD_ROWS, ...BAD_ROWS]);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.imported).toBe(GOOD_ROWS.length);
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([7, 8, 9, 10, 11]);
    const reasons = report.rejected.map((r: { reason: string }) => r.reason);
    expect(reasons[0]).toMatch(/name/);
    expect(reasons[1]).toMatch(/lat.*between -90 and 90/i);
    expect(reasons[2]).toMatch(/kind/);
    expect(reasons[3]).toMatch(/place table/);
    expect(reasons[4]).toMatch(/together/);
    const { rows } = await t.database.pool.query('select name, lat from directory_services where org_id = $1 order by name', [t.org.id]);
    expect(rows.map((r) => r.name)).toEqual(['Colchester Peer Circle', 'Essex Family Centre', 'Lakeview Community Clinic', 'Montpelier Counselling', 'Vermont Warmline']);
    // Essex had no coordinates: they came from the committed place table.
    expect(rows.find((r) => r.name === 'Essex Family Centre').lat).toBeCloseTo(44.4906, 3);
  });

  it('updates a service with the same name and postcode instead of duplicating it', async () => {
    const res = await importCsv([GOOD_ROWS[0]!.replace('Mon-Fri 9-5', 'Mon-Sat 9-5')]);
    expect(res.json()).toMatchObject({ imported: 0, updated: 1, rejected: [] });
    const { rows } = await t.database.pool.query("select opening_hours from directory_services where name = 'Lakeview Community Clinic'");
    expect(rows).toHaveLength(1);
    expect(rows[0].opening_hours).toBe('Mon-Sat 9-5');
  });

  it('refuses non-admins (403), anonymous people (401), and files without the required columns (422)', async () => {
    expect((await importCsv(GOOD_ROWS, moderator)).statusCode).toBe(403);
    expect((await t.client().post('/api/directory/import', { csv: HEADER })).statusCode).toBe(401);
    const missing = await t.client(admin).post('/api/directory/import', { csv: 'name,city\nA,B' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.message).toContain('kind, country, languages');
    expect((await t.client(admin).post('/api/directory/import', { csv: '' })).statusCode).toBe(422);
    const broken = await t.client(admin).post('/api/directory/import', { csv: `${HEADER}\n"unclosed,clinic` });
    expect(broken.statusCode).toBe(422);
  });
});

describe('search', () => {
  it('returns services within the radius of a postcode, nearest first, with national lines apart', async () => {
    const res = await t.client(member).get('/api/directory/services?near=05401&radiusKm=15');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.origin).toMatchObject({ country: 'US', label: '05401 Burlington' });
    expect(body.services.map((s: { name: string }) => s.name)).toEqual(['Lakeview Community Clinic', 'Essex Family Centre', 'Colchester Peer Circle']);
    const distances = body.services.map((s: { distanceKm: number }) => s.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances[0]).toBeLessThan(1);
    // Montpelier is about 55 km away: outside 15 km, inside 80 km.
    expect(body.services.map((s: { name: string }) => s.name)).not.toContain('Montpelier Counselling');
    const wide = await t.client(member).get('/api/directory/services?near=Burlington&radiusKm=80');
    expect(wide.json().services.at(-1).name).toBe('Montpelier Counselling');
    expect(body.national.map((s: { name: string }) => s.name)).toEqual(['Vermont Warmline']);
  });

  it('filters by type and language', async () => {
    const clinics = await t.client(member).get('/api/directory/services?near=05401&radiusKm=100&kind=clinic');
    expect(clinics.json().services.map((s: { name: string }) => s.name)).toEqual(['Lakeview Community Clinic', 'Montpelier Counselling']);
    const spanish = await t.client(member).get('/api/directory/services?near=05401&radiusKm=100&language=es');
    expect(spanish.json().services.map((s: { name: string }) => s.name)).toEqual(['Lakeview Community Clinic']);
  });

  it('answers 422 for an unknown place or bad radius, 401 without a session, 404 for another organization\'s service', async () => {
    const unknown = await t.client(member).get('/api/directory/services?near=Atlantis');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].path).toBe('near');
    expect((await t.client(member).get('/api/directory/services?near=05401&radiusKm=0')).statusCode).toBe(422);
    expect((await t.client().get('/api/directory/services')).statusCode).toBe(401);
    const id = (await t.client(member).get('/api/directory/services')).json().services[0].id;
    expect((await t.client(member).get(`/api/directory/services/${id}`)).statusCode).toBe(200);
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Other', slug: `other-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsider = await t.createUser('member', { orgId: otherOrg.id });
    expect((await t.client(outsider).get(`/api/directory/services/${id}`)).statusCode).toBe(404);
    expect((await t.client(outsider).get('/api/directory/services?near=05401&radiusKm=50')).json().services).toEqual([]);
  });

  it('understands full UK postcodes by their outward code', async () => {
    const res = await t.client(member).get(`/api/directory/services?near=${encodeURIComponent('SW1A 1AA')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().origin.country).toBe('GB');
  });
});

describe('suggested corrections', () => {
  it('lets anyone suggest a correction that a moderator approves and applies', async () => {
    const service = (await t.client(member).get('/api/directory/services?q=Essex')).json().services[0];
    expect((await t.client().post(`/api/directory/services/${service.id}/suggestions`, { note: 'x' })).statusCode).toBe(401);
    expect((await t.client(member).post(`/api/directory/services/${service.id}/suggestions`, {})).statusCode).toBe(422);
    expect((await t.client(member).post(`/api/directory/services/${service.id}/suggestions`, { changes: { lat: 1 } })).statusCode).toBe(422);
    expect((await t.client(member).post('/api/directory/services/01890000-0000-7000-8000-000000000000/suggestions', { note: 'x' })).statusCode).toBe(404);
    const created = await t.client(member).post(`/api/directory/services/${service.id}/suggestions`, { changes: { phone: '802-555-0177', openingHours: 'Tue-Sun 10-4' }, note: 'They opened on Sundays.' });
    expect(created.statusCode, created.body).toBe(201);

    expect((await t.client(member).get('/api/directory/suggestions')).statusCode).toBe(403);
    const pending = await t.client(moderator).get('/api/directory/suggestions');
    expect(pending.json().suggestions.map((s: { id: string }) => s.id)).toContain(created.json().id);
    expect(JSON.stringify(pending.json())).not.toContain(member.id);

    expect((await t.client(member).post(`/api/directory/suggestions/${created.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await t.client(moderator).post(`/api/directory/suggestions/${created.json().id}/decision`, { decision: 'maybe' })).statusCode).toBe(422);
    const approved = await t.client(moderator).post(`/api/directory/suggestions/${created.json().id}/decision`, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().service).toMatchObject({ phone: '802-555-0177', openingHours: 'Tue-Sun 10-4' });
    expect((await t.client(moderator).post(`/api/directory/suggestions/${created.json().id}/decision`, { decision: 'reject' })).statusCode).toBe(409);
  });

  it('rejecting leaves the service unchanged', async () => {
    const service = (await t.client(member).get('/api/directory/services?q=Colchester')).json().services[0];
    const created = (await t.client(member).post(`/api/directory/services/${service.id}/suggestions`, { changes: { name: 'Wrong Name' } })).json();
    const rejected = await t.client(moderator).post(`/api/directory/suggestions/${created.id}/decision`, { decision: 'reject' });
    expect(rejected.json().service.name).toBe('Colchester Peer Circle');
    expect(rejected.json().suggestion.status).toBe('rejected');
  });

  it('exports and erases a person\'s suggestions', async () => {
    const person = await t.createUser('member');
    const service = (await t.client(person).get('/api/directory/services')).json().services[0];
    await t.client(person).post(`/api/directory/services/${service.id}/suggestions`, { note: 'The entrance moved to the side door.' });
    const contributor = createDirectoryPersonalData({ db: t.database.db });
    expect(JSON.stringify(await contributor.export(person.id))).toContain('side door');
    await t.database.db.transaction((tx) => contributor.erase(tx, person.id));
    const { rows } = await t.database.pool.query('select count(*)::int as n from directory_suggestions where user_id = $1', [person.id]);
    expect(rows[0].n).toBe(0);
  });
});
