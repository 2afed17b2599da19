import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createTestClock } from '../../test/factories/setup.ts';
import { grantCertificate } from '../../test/factories/training.ts';

// A clock the test moves by hand; it starts at the real time so rows the database stamps itself line up with it.
const clock = createTestClock(new Date());
let t: TestServer;
beforeAll(async () => {
  t = await createTestServer({ now: clock.now });
});
afterAll(async () => t.close());

const minutes = (n: number) => clock.advance(n * 60_000);
let orgCount = 0;
/** Each test gets its own organization, so settings never leak between tests. */
async function newOrg() {
  const org = await t.services.orgs.createOrg(null, { name: `Settings org ${orgCount}`, slug: `settings-${orgCount++}-${Date.now()}`, country: 'US', timezone: 'UTC' });
  const admin = await t.createUser('admin', { orgId: org.id });
  return { orgId: org.id, admin };
}
const join = (u: TestUser, text: string, language: string) => t.client(u).post('/api/matching/small-groups', { text, language });
const current = async (u: TestUser) => (await t.client(u).get('/api/matching/small-groups/current')).json().room as { id: string } | null;

describe('matching settings', () => {
  it('shows admins the defaults, saves their own per organization, and records who changed them', async () => {
    const { orgId, admin } = await newOrg();
    const path = '/api/matching/settings';
    expect((await t.client(admin).get(path)).json()).toEqual({ roomIdleMinutes: 20, maxRoomsPerHost: 2, isDefault: true });
    const saved = await t.client(admin).put(path, { roomIdleMinutes: 45, maxRoomsPerHost: 3 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ roomIdleMinutes: 45, maxRoomsPerHost: 3, isDefault: false });
    expect((await t.client(admin).get(path)).json()).toEqual({ roomIdleMinutes: 45, maxRoomsPerHost: 3, isDefault: false });
    expect((await t.client(admin).put(path, { roomIdleMinutes: 30, maxRoomsPerHost: 1 })).json()).toMatchObject({ roomIdleMinutes: 30, maxRoomsPerHost: 1 });
    const audit = await t.database.pool.query(`select data from audit_log where org_id = $1 and action = 'matching_settings.saved' order by created_at`, [orgId]);
    expect(audit.rows.map((r) => r.data)).toEqual([{ roomIdleMinutes: 45, maxRoomsPerHost: 3 }, { roomIdleMinutes: 30, maxRoomsPerHost: 1 }]);
    // Another organization keeps its own (default) settings.
    const other = await newOrg();
    expect((await t.client(other.admin).get(path)).json()).toMatchObject({ roomIdleMinutes: 20, isDefault: true });
  });

  it('is for admins only, asks for sign-in, and explains values out of bounds', async () => {
    const { orgId, admin } = await newOrg();
    const path = '/api/matching/settings';
    expect((await t.client().get(path)).statusCode).toBe(401);
    expect((await t.client().put(path, { roomIdleMinutes: 30, maxRoomsPerHost: 2 })).statusCode).toBe(401);
    for (const role of ['member', 'peer_supporter', 'facilitator', 'moderator'] as const) {
      const someone = await t.createUser(role, { orgId });
      expect((await t.client(someone).get(path)).statusCode).toBe(403);
      const refused = await t.client(someone).put(path, { roomIdleMinutes: 30, maxRoomsPerHost: 2 });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toMatch(/Only admins can change matching settings/);
    }
    const bad = async (body: unknown) => {
      const res = await t.client(admin).put(path, body);
      expect(res.statusCode).toBe(422);
      return (res.json().error.fields as Array<{ path: string; message: string }>).map((f) => `${f.path}: ${f.message}`);
    };
    expect(await bad({ roomIdleMinutes: 2, maxRoomsPerHost: 2 })).toEqual(['roomIdleMinutes: Please allow at least 5 minutes, so a quiet moment does not close the group.']);
    expect(await bad({ roomIdleMinutes: 600, maxRoomsPerHost: 2 })).toEqual(['roomIdleMinutes: Please keep it to 240 minutes (4 hours) or less.']);
    expect(await bad({ roomIdleMinutes: 20, maxRoomsPerHost: 0 })).toEqual(['maxRoomsPerHost: A host needs to be able to look after at least one small group.']);
    expect((await bad({ roomIdleMinutes: 20.5, maxRoomsPerHost: 9 })).length).toBe(2);
    expect(await bad({})).toHaveLength(2);
    expect((await t.client(admin).get(path)).json().isDefault).toBe(true);
  });

  it('closes quiet small groups after the organization\'s own idle time, including rooms already open when it changed', async () => {
    const { orgId, admin } = await newOrg();
    const defaults = await newOrg();
    const mine = await t.createUser('member', { orgId });
    const early = await t.createUser('member', { orgId });
    const elsewhere = await t.createUser('member', { orgId: defaults.orgId });
    // Opened under the default 20 minutes, before the admin changes it.
    expect((await join(early, 'grieving my grandmother, it has been hard', 'fi')).json()).toMatchObject({ status: 'placed', room: { opened: true } });
    expect((await t.client(admin).put('/api/matching/settings', { roomIdleMinutes: 45, maxRoomsPerHost: 2 })).statusCode).toBe(200);
    expect((await join(mine, 'I feel so anxious before every exam', 'sv')).json()).toMatchObject({ status: 'placed', room: { opened: true } });
    expect((await join(elsewhere, 'I feel so anxious before every exam', 'sv')).json()).toMatchObject({ status: 'placed', room: { opened: true } });

    minutes(21);
    await t.jobs.runDueJobs();
    expect(await current(elsewhere)).toBeNull();
    expect(await current(mine)).not.toBeNull();
    expect(await current(early)).not.toBeNull();

    minutes(25);
    await t.jobs.runDueJobs();
    expect(await current(mine)).toBeNull();
    expect(await current(early)).toBeNull();
  });

  it('gives one host no more rooms at once than the organization allows', async () => {
    const { orgId, admin } = await newOrg();
    const host = await t.createUser('peer_supporter', { orgId });
    await grantCertificate(t, host, 'peer_supporter');
    expect((await t.client(host).patch('/api/me', { languages: ['da'] })).statusCode).toBe(200);
    expect((await t.client(admin).put('/api/matching/settings', { roomIdleMinutes: 20, maxRoomsPerHost: 1 })).statusCode).toBe(200);
    const texts = ['I cannot focus and keep losing things, maybe ADHD', 'caring for my dad with dementia is exhausting', 'I feel so alone since I moved to a new city'];
    const hosted = [];
    for (const text of texts.slice(0, 2)) hosted.push((await join(await t.createUser('member', { orgId }), text, 'da')).json().room.hosted);
    expect(hosted).toEqual([true, false]);
    expect((await t.client(admin).put('/api/matching/settings', { roomIdleMinutes: 20, maxRoomsPerHost: 2 })).statusCode).toBe(200);
    expect((await join(await t.createUser('member', { orgId }), texts[2]!, 'da')).json().room.hosted).toBe(true);
    const hosting = await t.database.pool.query(`select count(*)::int as n from on_demand_rooms where host_id = $1 and status = 'open'`, [host.id]);
    expect(hosting.rows[0].n).toBe(2);
  });
});

const after = (start: Date, n: number) => new Date(start.getTime() + n * 60_000);
/** Placed in a small group (the test fails otherwise): the room. */
const joinRoom = async (u: TestUser, text: string, language: string) => {
  const res = await join(u, text, language);
  expect(res.json().status, res.body).toBe('placed');
  return res.json().room as { id: string; opened: boolean };
};
const isOpen = async (roomId: string) => (await t.database.pool.query(`select status from on_demand_rooms where id = $1`, [roomId])).rows[0].status === 'open';
const setIdle = async (admin: TestUser, roomIdleMinutes: number) => {
  const res = await t.client(admin).put('/api/matching/settings', { roomIdleMinutes, maxRoomsPerHost: 2 });
  expect(res.statusCode, res.body).toBe(200);
};
/** The room's idle checks in the queue, as `status run_at`. */
const checksOf = async (roomId: string) =>
  (await t.database.pool.query<{ status: string; run_at: Date }>(`select status, run_at from jobs where queue = 'matching.room-idle' and payload->>'roomId' = $1 order by created_at`, [roomId])).rows.map(
    (r) => `${r.status} ${r.run_at.toISOString()}`,
  );

describe('changing the idle time moves the idle checks already queued', () => {
  it('closes quiet rooms on time when the idle time is lowered, still waits for recent activity, and leaves other organizations alone', async () => {
    const { orgId, admin } = await newOrg();
    const elsewhere = await newOrg();
    const start = clock.now();
    const quiet = await joinRoom(await t.createUser('member', { orgId }), 'grieving my grandmother, it has been hard', 'fi');
    const busy = await joinRoom(await t.createUser('member', { orgId }), 'I feel so anxious before every exam', 'sv');
    expect(await checksOf(quiet.id)).toEqual([`pending ${after(start, 20).toISOString()}`]);

    minutes(4);
    // Someone joins the busy room at 4 minutes: its activity is newer than its queued check knows.
    expect(await joinRoom(await t.createUser('member', { orgId }), 'I feel so anxious before every exam', 'sv')).toMatchObject({ id: busy.id, opened: false });
    const other = await joinRoom(await t.createUser('member', { orgId: elsewhere.orgId }), 'I feel so anxious before every exam', 'sv');
    await setIdle(admin, 5);
    expect(await checksOf(quiet.id)).toEqual([`pending ${after(start, 5).toISOString()}`]);
    expect(await checksOf(other.id)).toEqual([`pending ${after(start, 24).toISOString()}`]);

    minutes(2);
    await t.jobs.runDueJobs();
    expect(await isOpen(quiet.id)).toBe(false);
    // Checked at 5 minutes, it saw the join at 4 and looks again at 9 rather than closing.
    expect(await isOpen(busy.id)).toBe(true);
    expect(await checksOf(busy.id)).toEqual([`done ${after(start, 5).toISOString()}`, `pending ${after(start, 9).toISOString()}`]);

    minutes(4);
    await t.jobs.runDueJobs();
    expect(await isOpen(busy.id)).toBe(false);
    expect(await isOpen(other.id)).toBe(true);

    minutes(15);
    await t.jobs.runDueJobs();
    expect(await isOpen(other.id)).toBe(false);
    const audit = await t.database.pool.query(`select entity_id, data from audit_log where org_id = $1 and action = 'on_demand.closed'`, [orgId]);
    expect(audit.rows.map((r) => [r.entity_id, r.data.reason]).sort()).toEqual([[busy.id, 'idle'], [quiet.id, 'idle']].sort());
  });

  it('moves the queued check later when the idle time is raised, so no room closes early and no check runs before it is due', async () => {
    const { orgId, admin } = await newOrg();
    const start = clock.now();
    const room = await joinRoom(await t.createUser('member', { orgId }), 'caring for my dad with dementia is exhausting', 'nl');
    minutes(10);
    await setIdle(admin, 45);
    expect(await checksOf(room.id)).toEqual([`pending ${after(start, 45).toISOString()}`]);

    minutes(11);
    await t.jobs.runDueJobs();
    expect(await isOpen(room.id)).toBe(true);
    expect(await checksOf(room.id)).toEqual([`pending ${after(start, 45).toISOString()}`]);

    minutes(25);
    await t.jobs.runDueJobs();
    expect(await isOpen(room.id)).toBe(false);
    // A later change leaves a closed room's finished check as it was.
    await setIdle(admin, 30);
    expect(await checksOf(room.id)).toEqual([`done ${after(start, 45).toISOString()}`]);
  });
  it('waits for an idle check that is scheduling by the old idle time, then moves the check it scheduled', async () => {
    const { orgId, admin } = await newOrg();
    const room = await joinRoom(await t.createUser('member', { orgId }), 'I cannot focus and keep losing things, maybe ADHD', 'is');
    const scheduled = after(clock.now(), 20);
    // Another transaction in the middle of an idle check: it holds the settings' shared lock and queues the next check.
    const check = await t.database.pool.connect();
    let saving: Promise<void> | undefined;
    try {
      await check.query('begin');
      await check.query(`select pg_advisory_xact_lock_shared(hashtext($1))`, [`matching_settings:${orgId}`]);
      await check.query(`update jobs set status = 'done' where queue = 'matching.room-idle' and payload->>'roomId' = $1`, [room.id]);
      await check.query(`insert into jobs (id, queue, payload, run_at, singleton_key) values (gen_random_uuid(), 'matching.room-idle', $1, $2, $3)`, [{ roomId: room.id }, scheduled, `room-idle:${room.id}:after:test`]);
      let saved = false;
      saving = setIdle(admin, 5).then(() => {
        saved = true;
      });
      // The change waits for the check's transaction (seen in PostgreSQL's lock table, not by sleeping); a change that
      // did not wait would finish first, without the check's job, and fail below.
      for (let waiting = 0; waiting === 0 && !saved; ) {
        const locks = await t.database.pool.query(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`);
        waiting = locks.rows[0].n;
      }
      await check.query('commit');
    } finally {
      check.release();
    }
    await saving;
    expect((await checksOf(room.id)).at(-1)).toBe(`pending ${after(scheduled, -15).toISOString()}`);
  });
});
