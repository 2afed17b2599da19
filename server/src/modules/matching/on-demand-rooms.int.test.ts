import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { grantCertificate } from '../../test/factories/training.ts';

// A clock the test moves by hand; it starts at the real time so rows the database stamps itself line up with it.
let clock = new Date();
let t: TestServer;
beforeAll(async () => {
  t = await createTestServer({ now: () => clock });
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const minutes = (n: number) => (clock = new Date(clock.getTime() + n * 60_000));
const join = (u: TestUser, text: string, language?: string) => t.client(u).post('/api/matching/small-groups', { text, ...(language ? { language } : {}) });

async function speaking(u: TestUser, languages: string[]) {
  const res = await t.client(u).patch('/api/me', { languages });
  if (res.statusCode !== 200) throw new Error(`language update failed: ${res.body}`);
}

describe('on-demand rooms: one transaction', () => {
  it('opens the chat room inside the placement transaction, so a failed placement leaves no orphan room', async () => {
    // A real database failure in the middle of placement: on_demand_rooms refuses the "zz" language.
    await t.database.pool.query(`
      create or replace function refuse_zz() returns trigger language plpgsql as $$
      begin if new.language = 'zz' then raise exception 'refused for the test'; end if; return new; end $$;
      create trigger refuse_zz before insert on on_demand_rooms for each row execute function refuse_zz();`);
    const count = async () => (await t.database.pool.query(`select count(*)::int as n from rooms where kind = 'on_demand'`)).rows[0].n as number;
    const before = await count();
    const res = await join(await t.createUser(), 'grieving my brother, the funeral was last week', 'zz');
    expect(res.statusCode).toBe(500);
    expect(await count()).toBe(before);
    await t.database.pool.query(`drop trigger refuse_zz on on_demand_rooms`);
    const ok = await join(await t.createUser(), 'grieving my brother, the funeral was last week', 'zz');
    expect(ok.json()).toMatchObject({ status: 'placed', room: { opened: true } });
    expect(await count()).toBe(before + 1);
  });
});

describe('on-demand rooms: hosts', () => {
  it('chooses only hosts free now, and gives one host at most two rooms at once', async () => {
    const host = await t.createUser('peer_supporter');
    await grantCertificate(t, host, 'peer_supporter');
    await speaking(host, ['de']);
    // Free only on another weekday: not a host right now.
    const zone = (await t.client(host).get('/api/me')).json().timezone as string;
    const otherDay = (DateTime.fromJSDate(clock, { zone }).weekday % 7) + 1;
    const saved = await t.client(host).put('/api/matching/supporter-profile', { availability: [{ weekday: otherDay, start: '00:00', end: '23:59' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const notNow = await join(await t.createUser(), 'my mother passed away and I miss her every day', 'de');
    expect(notNow.json()).toMatchObject({ status: 'placed', room: { opened: true, hosted: false } });

    await t.client(host).put('/api/matching/supporter-profile', { availability: [] });
    const texts = ['I cannot focus and keep losing things, maybe ADHD', 'caring for my dad with dementia is exhausting', 'I feel so alone since I moved to a new city'];
    const rooms = [];
    for (const text of texts) rooms.push((await join(await t.createUser(), text, 'de')).json().room);
    expect(new Set(rooms.map((r) => r.id)).size).toBe(3);
    expect(rooms.map((r) => r.hosted)).toEqual([true, true, false]);
    const hosting = await t.database.pool.query(`select count(*)::int as n from on_demand_rooms where host_id = $1 and status = 'open'`, [host.id]);
    expect(hosting.rows[0].n).toBe(2);
  });
});

describe('on-demand rooms: ending', () => {
  it('lets the host end a room for everyone; members get 403, strangers 404, no sign-in 401, a bad id 422', async () => {
    const host = await t.createUser('peer_supporter');
    await grantCertificate(t, host, 'peer_supporter');
    await speaking(host, ['pt']);
    const member = await t.createUser();
    const placed = (await join(member, 'work stress is eating me alive and I cannot switch off', 'pt')).json().room;
    expect(placed.hosted).toBe(true);
    expect(placed.abilities).toEqual({ end: false });
    expect((await t.client(host).get(`/api/matching/small-groups/${placed.id}`)).json().abilities).toEqual({ end: true });

    expect((await t.client(member).post(`/api/matching/small-groups/${placed.id}/end`)).statusCode).toBe(403);
    expect((await t.client(await t.createUser()).post(`/api/matching/small-groups/${placed.id}/end`)).statusCode).toBe(404);
    expect((await t.client(host).post(`/api/matching/small-groups/${NO_SUCH_ID}/end`)).statusCode).toBe(404);
    expect((await t.client().post(`/api/matching/small-groups/${placed.id}/end`)).statusCode).toBe(401);
    expect((await t.client(host).post('/api/matching/small-groups/not-an-id/end')).statusCode).toBe(422);

    expect((await t.client(host).post(`/api/matching/small-groups/${placed.id}/end`)).json()).toEqual({ ended: true });
    expect((await t.client(member).get('/api/matching/small-groups/current')).json().room).toBeNull();
    expect((await t.client(member).get(`/api/rooms/${placed.roomId}`)).statusCode).toBe(404);
    const status = await t.database.pool.query(`select status from on_demand_rooms where id = $1`, [placed.id]);
    expect(status.rows[0].status).toBe('closed');
  });
});

describe('on-demand rooms: idle timeout (durable job)', () => {
  it('closes a room nobody wrote in for twenty minutes, and keeps one open while people talk', async () => {
    const quiet = await t.createUser();
    const chatty = await t.createUser();
    const quietRoom = (await join(quiet, 'grieving my grandmother, it has been hard', 'it')).json().room;
    const chattyRoom = (await join(chatty, 'I feel so anxious before every exam', 'nl')).json().room;
    minutes(15);
    const posted = await t.client(chatty).post(`/api/rooms/${chattyRoom.roomId}/messages`, { clientId: 'c1', body: 'Is anyone else here?' });
    expect(posted.statusCode).toBe(201);
    // The message was written "now" on the test's clock.
    await t.database.pool.query(`update messages set created_at = $1 where room_id = $2`, [clock.toISOString(), chattyRoom.roomId]);
    minutes(6);
    await t.jobs.runDueJobs();
    expect((await t.client(quiet).get('/api/matching/small-groups/current')).json().room).toBeNull();
    expect((await t.client(chatty).get('/api/matching/small-groups/current')).json().room.id).toBe(chattyRoom.id);
    expect(quietRoom.id).not.toBe(chattyRoom.id);
    minutes(15);
    await t.jobs.runDueJobs();
    expect((await t.client(chatty).get('/api/matching/small-groups/current')).json().room).toBeNull();
    const audit = await t.database.pool.query(`select data from audit_log where entity_id = $1 and action = 'on_demand.closed'`, [chattyRoom.id]);
    expect(audit.rows[0].data).toMatchObject({ reason: 'idle' });
  });
});
