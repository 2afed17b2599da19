import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createTestClock } from '../../test/factories/setup.ts';
import type { Session } from './sessions.schemas.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';

// A Tuesday, before Europe/London (29 March) and after America/New_York (8 March) change their clocks.
const clock = createTestClock('2026-03-10T12:00:00Z');
let t: TestServer;
beforeAll(async () => {
  t = await createTestServer({ now: clock.now, env: { SESSION_TTL_DAYS: '365' } });
});
afterAll(async () => t.close());

const weekly = { rrule: 'FREQ=WEEKLY;BYDAY=TU', startLocal: '2026-03-10T19:00', durationMinutes: 90 };

async function groupWithSchedule(body: Record<string, unknown> = {}, schedule: Record<string, unknown> = weekly) {
  const { group, facilitator } = await createGroup(t, { body });
  const res = await t.client(facilitator).post(`/api/groups/${group.id}/schedules`, schedule);
  if (res.statusCode !== 201) throw new Error(res.body);
  return { group, facilitator, schedule: res.json() };
}

async function sessionsOf(user: TestUser, groupId: string, qs = '') {
  const res = await t.client(user).get(`/api/groups/${groupId}/sessions${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json().sessions as Session[];
}

describe('recurring schedules', () => {
  it('materializes a weekly 19:00 London schedule that stays at 19:00 local across the March DST change', async () => {
    const { group, facilitator, schedule } = await groupWithSchedule();
    expect(schedule).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=TU', timezone: 'Europe/London', description: 'every week on Tuesday' });
    const list = await sessionsOf(facilitator, group.id, '?from=2026-03-16T00:00:00Z&to=2026-04-08T00:00:00Z&tz=America/New_York');
    expect(list.map((s) => s.startsAt)).toEqual(['2026-03-17T19:00:00.000Z', '2026-03-24T19:00:00.000Z', '2026-03-31T18:00:00.000Z', '2026-04-07T18:00:00.000Z']);
    expect(list.map((s) => s.groupLocal.startTime)).toEqual(['19:00', '19:00', '19:00', '19:00']);
    expect(list.map((s) => s.local.startTime)).toEqual(['15:00', '15:00', '14:00', '14:00']);
    expect(list[0]).toMatchObject({ groupId: group.id, groupName: group.name, title: group.name, status: 'scheduled', scheduleId: schedule.id, endsAt: '2026-03-17T20:30:00.000Z' });
    expect(list[0]!.local).toMatchObject({ timezone: 'America/New_York', date: '2026-03-17', weekday: 'Tuesday', endTime: '16:30', zoneName: 'EDT' });
    const { rows } = await t.database.pool.query(`select count(*)::int as n, max(starts_at) as last from sessions where schedule_id = $1`, [schedule.id]);
    expect(rows[0].n).toBe(12);
  });

  it('shows the next session on the group card and page in the viewer\'s time zone', async () => {
    const { group, facilitator } = await groupWithSchedule({ name: `Next ${Date.now()}` });
    const viewer = await t.createUser('member', { timezone: 'America/Los_Angeles' });
    const page = (await t.client(viewer).get(`/api/groups/${group.id}`)).json();
    expect(page.nextSession).toMatchObject({ startsAt: '2026-03-10T19:00:00.000Z', local: { timezone: 'America/Los_Angeles', startTime: '12:00', zoneName: 'PDT' } });
    const [card] = (await t.client(viewer).get(`/api/groups?q=${encodeURIComponent(group.name)}&tz=Europe/London`)).json().groups;
    expect(card.nextSession.local).toMatchObject({ timezone: 'Europe/London', startTime: '19:00', zoneName: 'GMT' });
    const [first] = await sessionsOf(facilitator, group.id);
    await t.client(facilitator).post(`/api/sessions/${first!.id}/cancel`);
    expect((await t.client(viewer).get(`/api/groups/${group.id}`)).json().nextSession.startsAt).toBe('2026-03-17T19:00:00.000Z');
  });

  it('is idempotent: extending the horizon again adds no duplicates', async () => {
    const { schedule } = await groupWithSchedule();
    await t.services.sessions.extendHorizons();
    await t.services.sessions.extendHorizons();
    const { rows } = await t.database.pool.query(`select count(*)::int as n from sessions where schedule_id = $1`, [schedule.id]);
    expect(rows[0].n).toBe(12);
  });

  it('extends the horizon when someone lists further ahead', async () => {
    const { group, facilitator } = await groupWithSchedule();
    const list = await sessionsOf(facilitator, group.id, '?from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z');
    expect(list.map((s) => s.groupLocal.date)).toEqual(['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23', '2026-06-30']);
    expect((await t.client(facilitator).get(`/api/groups/${group.id}/sessions?from=2026-03-10T00:00:00Z&to=2028-01-01T00:00:00Z`)).statusCode).toBe(422);
  });

  it('keeps cancelled and moved occurrences when the schedule changes, and moves the rest', async () => {
    const { group, facilitator, schedule } = await groupWithSchedule();
    const [first, second, third] = await sessionsOf(facilitator, group.id);
    expect((await t.client(facilitator).post(`/api/sessions/${first!.id}/cancel`)).json()).toMatchObject({ status: 'cancelled', detached: true });
    const moved = await t.client(facilitator).patch(`/api/sessions/${second!.id}`, { startsAt: '2026-03-18T18:00:00Z' });
    expect(moved.json()).toMatchObject({ startsAt: '2026-03-18T18:00:00.000Z', endsAt: '2026-03-18T19:30:00.000Z', detached: true });
    const res = await t.client(facilitator).patch(`/api/schedules/${schedule.id}`, { startLocal: '2026-03-10T18:30', durationMinutes: 60, title: 'Tuesday circle' });
    expect(res.statusCode).toBe(200);
    const after = await sessionsOf(facilitator, group.id);
    expect(after.find((s) => s.id === first!.id)).toMatchObject({ status: 'cancelled' });
    expect(after.find((s) => s.id === second!.id)).toMatchObject({ startsAt: '2026-03-18T18:00:00.000Z' });
    // The third occurrence's key (19:00) no longer fits the rule, so it is replaced by an 18:30 one.
    expect(after.find((s) => s.id === third!.id)).toBeUndefined();
    const next = after.filter((s) => s.status === 'scheduled' && !s.detached);
    // The cancelled (10th) and moved (17th) occurrences still stand for their days: no meeting comes back or doubles.
    expect(next[0]).toMatchObject({ title: 'Tuesday circle', groupLocal: { date: '2026-03-24', startTime: '18:30', endTime: '19:30' } });
    expect(after.map((s) => s.groupLocal.date).slice(0, 3)).toEqual(['2026-03-10', '2026-03-18', '2026-03-24']);
    const audit = await t.database.pool.query(`select action from audit_log where entity_id = any($1::uuid[]) order by created_at`, [[schedule.id, first!.id, second!.id]]);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['schedule.created', 'session.cancelled', 'session.moved', 'schedule.updated']));
  });

  it('updates future occurrences in place when only the title or duration changes, keeping their RSVPs', async () => {
    const { group, facilitator, schedule } = await groupWithSchedule();
    const member = await addMember(t, group.id, facilitator);
    const [first] = await sessionsOf(member, group.id);
    await t.client(member).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' });
    await t.client(facilitator).patch(`/api/schedules/${schedule.id}`, { durationMinutes: 120 });
    const same = (await t.client(member).get(`/api/sessions/${first!.id}`)).json();
    expect(same).toMatchObject({ myRsvp: 'going', endsAt: '2026-03-10T21:00:00.000Z' });
  });

  it('ends a schedule: future sessions are cancelled and no more are generated', async () => {
    const { group, facilitator, schedule } = await groupWithSchedule();
    expect((await t.client(facilitator).delete(`/api/schedules/${schedule.id}`)).json()).toEqual({ ok: true });
    expect((await sessionsOf(facilitator, group.id)).every((s) => s.status === 'cancelled')).toBe(true);
    expect((await t.client(facilitator).get(`/api/groups/${group.id}/schedules`)).json().schedules).toEqual([]);
    await sessionsOf(facilitator, group.id, '?from=2026-07-01T00:00:00Z&to=2026-08-01T00:00:00Z').then((l) => expect(l).toEqual([]));
    expect((await t.client(facilitator).delete(`/api/schedules/${schedule.id}`)).statusCode).toBe(404);
  });

  it('rejects a repeat rule it cannot understand with a kind field message (422)', async () => {
    const { group, facilitator } = await createGroup(t);
    const res = await t.client(facilitator).post(`/api/groups/${group.id}/schedules`, { ...weekly, rrule: 'every tuesday please', startLocal: '2026-02-30T19:00' });
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.fields;
    expect(fields.map((f: { path: string }) => f.path).sort()).toEqual(['rrule', 'startLocal']);
    expect(fields.find((f: { path: string }) => f.path === 'rrule').message).toMatch(/could not understand that repeat pattern/);
    const ended = await t.client(facilitator).post(`/api/groups/${group.id}/schedules`, { ...weekly, rrule: 'FREQ=WEEKLY;COUNT=2', startLocal: '2025-01-07T19:00' });
    expect(ended.statusCode).toBe(422);
    expect(ended.json().error.fields[0].path).toBe('rrule');
  });

  it('lets only the group\'s leaders add schedules (403 member, 404 hidden group, 401)', async () => {
    const { group, facilitator } = await createGroup(t);
    const member = await addMember(t, group.id, facilitator);
    expect((await t.client(member).post(`/api/groups/${group.id}/schedules`, weekly)).statusCode).toBe(403);
    const { group: secret } = await createGroup(t, { body: { visibility: 'invite' } });
    expect((await t.client(member).post(`/api/groups/${secret.id}/schedules`, weekly)).statusCode).toBe(404);
    expect((await t.client().post(`/api/groups/${group.id}/schedules`, weekly)).statusCode).toBe(401);
    expect((await t.client(await t.createUser('facilitator')).patch(`/api/schedules/${crypto.randomUUID()}`, { durationMinutes: 30 })).statusCode).toBe(404);
  });
});

describe('one-off sessions and single changes', () => {
  it('adds a one-off session at a wall-clock time in the group\'s time zone', async () => {
    const { group, facilitator } = await createGroup(t, { body: { timezone: 'America/New_York' } });
    const res = await t.client(facilitator).post(`/api/groups/${group.id}/sessions`, { title: 'Special evening', startLocal: '2026-03-20T18:00', durationMinutes: 60 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: 'Special evening', startsAt: '2026-03-20T22:00:00.000Z', scheduleId: null, abilities: { edit: true, cancel: true } });
    const past = await t.client(facilitator).post(`/api/groups/${group.id}/sessions`, { startLocal: '2026-03-01T18:00', durationMinutes: 60 });
    expect(past.statusCode).toBe(422);
    expect((await t.client(facilitator).post(`/api/groups/${group.id}/sessions`, { startLocal: '2026-03-20T18:00', durationMinutes: 5 })).statusCode).toBe(422);
  });

  it('refuses moves that end before they start, and members who try to move or cancel', async () => {
    const { group, facilitator } = await groupWithSchedule();
    const member = await addMember(t, group.id, facilitator);
    const [first] = await sessionsOf(facilitator, group.id);
    const bad = await t.client(facilitator).patch(`/api/sessions/${first!.id}`, { startsAt: '2026-03-12T19:00:00Z', endsAt: '2026-03-12T18:00:00Z' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('endsAt');
    expect((await t.client(facilitator).patch(`/api/sessions/${first!.id}`, {})).statusCode).toBe(422);
    expect((await t.client(member).patch(`/api/sessions/${first!.id}`, { title: 'Mine' })).statusCode).toBe(403);
    expect((await t.client(member).post(`/api/sessions/${first!.id}/cancel`)).statusCode).toBe(403);
    expect((await t.client().post(`/api/sessions/${first!.id}/cancel`)).statusCode).toBe(401);
    await t.client(facilitator).post(`/api/sessions/${first!.id}/cancel`);
    expect((await t.client(facilitator).patch(`/api/sessions/${first!.id}`, { title: 'Back' })).statusCode).toBe(409);
  });

  it('hides sessions of invite-only groups from non-members (404) and checks ids (422)', async () => {
    const { group, facilitator } = await groupWithSchedule({ visibility: 'invite' });
    const [first] = await sessionsOf(facilitator, group.id);
    const stranger = await t.createUser();
    expect((await t.client(stranger).get(`/api/sessions/${first!.id}`)).statusCode).toBe(404);
    expect((await t.client(stranger).get(`/api/groups/${group.id}/sessions`)).statusCode).toBe(404);
    expect((await t.client(stranger).get(`/api/sessions/nope`)).statusCode).toBe(422);
    expect((await t.client().get(`/api/sessions/${first!.id}`)).statusCode).toBe(401);
  });
});

describe('RSVPs and upcoming sessions', () => {
  it('records going and not going, enforcing the group capacity', async () => {
    const { group, facilitator } = await groupWithSchedule({ capacity: 3 });
    const a = await addMember(t, group.id, facilitator);
    const b = await addMember(t, group.id, facilitator);
    const [first] = await sessionsOf(a, group.id);
    const res = await t.client(a).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ myRsvp: 'going', goingCount: 1, placesLeft: 2 });
    await t.client(b).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' });
    await t.client(facilitator).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' });
    expect((await t.client(a).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' })).statusCode).toBe(200);
    expect((await t.client(b).put(`/api/sessions/${first!.id}/rsvp`, { status: 'not_going' })).json()).toMatchObject({ myRsvp: 'not_going', goingCount: 2 });
    await t.client(facilitator).patch(`/api/groups/${group.id}`, { capacity: 2 });
    const full = await t.client(b).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('session_full');
  });

  it('never lets concurrent RSVPs overfill a session', async () => {
    const { group, facilitator } = await groupWithSchedule({ capacity: 6 });
    const members = await Promise.all([1, 2, 3, 4, 5].map(() => addMember(t, group.id, facilitator)));
    await t.client(facilitator).patch(`/api/groups/${group.id}`, { capacity: 2 });
    const [first] = await sessionsOf(facilitator, group.id);
    const codes = await Promise.all(members.map(async (m) => (await t.client(m).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' })).statusCode));
    expect(codes.filter((c) => c === 200)).toHaveLength(2);
    const { rows } = await t.database.pool.query(`select count(*)::int as n from rsvps where session_id = $1 and status = 'going'`, [first!.id]);
    expect(rows[0].n).toBe(2);
  });

  it('only lets members RSVP, and not to cancelled sessions', async () => {
    const { group, facilitator } = await groupWithSchedule();
    const [first] = await sessionsOf(facilitator, group.id);
    const stranger = await t.createUser();
    expect((await t.client(stranger).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' })).statusCode).toBe(403);
    expect((await t.client(stranger).put(`/api/sessions/${first!.id}/rsvp`, { status: 'maybe' })).statusCode).toBe(422);
    expect((await t.client().put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' })).statusCode).toBe(401);
    await t.client(facilitator).post(`/api/sessions/${first!.id}/cancel`);
    expect((await t.client(facilitator).put(`/api/sessions/${first!.id}/rsvp`, { status: 'going' })).json().error.code).toBe('session_cancelled');
  });

  it('lists my upcoming sessions in my time zone with my RSVP and the live room', async () => {
    const { group, facilitator } = await groupWithSchedule({ format: 'hybrid', venue: { name: 'Hall', address: '1 Road', lat: 51.5, lng: -0.1 } });
    const member = await t.createUser('member', { timezone: 'Asia/Tokyo' });
    await addMember(t, group.id, facilitator, member);
    await createGroup(t); // a group I am not in
    const upcoming = (await t.client(member).get('/api/me/upcoming-sessions?limit=3')).json().sessions;
    expect(upcoming).toHaveLength(3);
    expect(upcoming[0]).toMatchObject({ groupId: group.id, startsAt: '2026-03-10T19:00:00.000Z', myRsvp: null, venue: { name: 'Hall' } });
    expect(upcoming[0].local).toMatchObject({ timezone: 'Asia/Tokyo', date: '2026-03-11', startTime: '04:00' });
    expect(upcoming[0].liveRoom).toEqual({ opensAt: '2026-03-10T18:45:00.000Z', open: false });
    expect(upcoming[0].abilities).toMatchObject({ rsvp: true, joinLiveRoom: false, checkIn: false, edit: false });
    const inBerlin = (await t.client(member).get('/api/me/upcoming-sessions?tz=Europe/Berlin')).json().sessions;
    expect(inBerlin[0].local).toMatchObject({ timezone: 'Europe/Berlin', startTime: '20:00' });
    await clock.during(new Date('2026-03-10T18:50:00Z'), async () => {
      const soon = (await t.client(member).get(`/api/sessions/${upcoming[0].id}`)).json();
      expect(soon.liveRoom.open).toBe(true);
      expect(soon.abilities).toMatchObject({ joinLiveRoom: true, checkIn: true });
    });
    expect((await t.client(member).get('/api/me/upcoming-sessions?tz=Moon/Base')).statusCode).toBe(422);
    expect((await t.client().get('/api/me/upcoming-sessions')).statusCode).toBe(401);
  });
});
