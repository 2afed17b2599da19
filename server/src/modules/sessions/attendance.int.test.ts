import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { createTestClock } from '../../test/factories/setup.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';

const NOON = new Date('2026-03-10T12:00:00Z');
const clock = createTestClock(NOON);
let t: TestServer;
beforeAll(async () => {
  t = await createTestServer({ now: clock.now });
});
afterAll(async () => t.close());

const venue = { name: 'Library room 2', address: '5 Park Lane', lat: 51.5, lng: -0.12 };

/** A group with one session today at 19:00 London time (19:00Z). */
async function groupWithSession(format: 'online' | 'in_person' | 'hybrid' = 'in_person') {
  const { group, facilitator } = await createGroup(t, { body: format === 'online' ? {} : { format, venue } });
  const res = await t.client(facilitator).post(`/api/groups/${group.id}/sessions`, { startLocal: '2026-03-10T19:00', durationMinutes: 90 });
  if (res.statusCode !== 201) throw new Error(res.body);
  const member = await addMember(t, group.id, facilitator);
  return { group, facilitator, member, session: res.json() as { id: string } };
}

const at = <T>(iso: string, fn: () => Promise<T>): Promise<T> => clock.during(new Date(iso), fn);

describe('online attendance from the live room', () => {
  it('records join and leave times idempotently, and a new visit when someone comes back', async () => {
    const { session, member, facilitator } = await groupWithSession('online');
    const s = t.services.sessions;
    await at('2026-03-10T18:55:00Z', async () => {
      await s.recordOnlineJoin(session.id, member.id);
      await s.recordOnlineJoin(session.id, member.id);
    });
    await at('2026-03-10T19:30:00Z', async () => {
      await s.recordOnlineLeave(session.id, member.id);
      await s.recordOnlineLeave(session.id, member.id);
    });
    await at('2026-03-10T19:40:00Z', () => s.recordOnlineJoin(session.id, member.id));
    const res = await t.client(facilitator).get(`/api/sessions/${session.id}/attendance`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ attendeeCount: 1, goingCount: 0 });
    expect(res.json().records.map((r: { joinedAt: string; leftAt: string | null; mode: string }) => [r.mode, r.joinedAt, r.leftAt])).toEqual([
      ['online', '2026-03-10T18:55:00.000Z', '2026-03-10T19:30:00.000Z'],
      ['online', '2026-03-10T19:40:00.000Z', null],
    ]);
  });

  it('ignores people who are not members, unknown sessions and cancelled sessions', async () => {
    const { session, facilitator } = await groupWithSession('online');
    const stranger = await t.createUser();
    await t.services.sessions.recordOnlineJoin(session.id, stranger.id);
    await t.services.sessions.recordOnlineJoin(crypto.randomUUID(), stranger.id);
    await t.services.sessions.recordOnlineLeave(crypto.randomUUID(), stranger.id);
    expect((await t.client(facilitator).get(`/api/sessions/${session.id}/attendance`)).json().records).toEqual([]);
  });

  it('shows attendance to leaders only (403 members, 404 hidden, 401, 422)', async () => {
    const { session, member } = await groupWithSession();
    expect((await t.client(member).get(`/api/sessions/${session.id}/attendance`)).statusCode).toBe(403);
    const { session: secret } = await createGroup(t, { body: { visibility: 'invite' } }).then(async ({ group, facilitator }) => ({
      session: (await t.client(facilitator).post(`/api/groups/${group.id}/sessions`, { startLocal: '2026-03-11T19:00', durationMinutes: 60 })).json(),
    }));
    expect((await t.client(member).get(`/api/sessions/${secret.id}/attendance`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/sessions/${session.id}/attendance`)).statusCode).toBe(401);
    expect((await t.client(member).get(`/api/sessions/x/attendance`)).statusCode).toBe(422);
  });
});

describe('in-person check-in', () => {
  it('gives leaders a short, unambiguous code that stays the same for the session', async () => {
    const { session, facilitator, member } = await groupWithSession();
    const first = await t.client(facilitator).get(`/api/sessions/${session.id}/check-in-code`);
    expect(first.statusCode).toBe(200);
    expect(first.json().code).toMatch(/^[ACDEFHJKMNPRTUVWXY34679]{6}$/);
    expect((await t.client(facilitator).get(`/api/sessions/${session.id}/check-in-code`)).json().code).toBe(first.json().code);
    expect((await t.client(member).get(`/api/sessions/${session.id}/check-in-code`)).statusCode).toBe(403);
    const online = await groupWithSession('online');
    expect((await t.client(online.facilitator).get(`/api/sessions/${online.session.id}/check-in-code`)).json().error.code).toBe('not_in_person');
  });

  it('lets a member check in with the venue code while check-in is open, however they type it', async () => {
    const { session, facilitator, member } = await groupWithSession('hybrid');
    const { code } = (await t.client(facilitator).get(`/api/sessions/${session.id}/check-in-code`)).json();
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
    expect((await t.client(member).post(`/api/sessions/${session.id}/check-ins`, { code: typed })).json().error.code).toBe('check_in_closed');
    await at('2026-03-10T18:40:00Z', async () => {
      const wrong = await t.client(member).post(`/api/sessions/${session.id}/check-ins`, { code: 'AAAAAA' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().error.fields[0].path).toBe('code');
      const ok = await t.client(member).post(`/api/sessions/${session.id}/check-ins`, { code: typed });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ userId: member.id, mode: 'in_person', checkedInBy: null, joinedAt: '2026-03-10T18:40:00.000Z' });
      expect((await t.client(member).post(`/api/sessions/${session.id}/check-ins`, { code })).statusCode).toBe(200);
      expect((await t.client(member).get(`/api/sessions/${session.id}`)).json()).toMatchObject({ myCheckedIn: true, abilities: { checkIn: false } });
    });
    const list = (await t.client(facilitator).get(`/api/sessions/${session.id}/attendance`)).json();
    expect(list.records).toHaveLength(1);
    const { rows } = await t.database.pool.query(`select 1 from audit_log where entity_id = $1 and action = 'session.checked_in'`, [session.id]);
    expect(rows).toHaveLength(1);
  });

  it('lets a leader check a member in, also after the session, but not non-members or before check-in opens', async () => {
    const { session, facilitator, member } = await groupWithSession();
    expect((await t.client(facilitator).post(`/api/sessions/${session.id}/check-ins`, { userId: member.id })).json().error.code).toBe('check_in_closed');
    await at('2026-03-10T22:00:00Z', async () => {
      const res = await t.client(facilitator).post(`/api/sessions/${session.id}/check-ins`, { userId: member.id });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ userId: member.id, checkedInBy: facilitator.id });
      const stranger = await t.createUser();
      expect((await t.client(facilitator).post(`/api/sessions/${session.id}/check-ins`, { userId: stranger.id })).statusCode).toBe(404);
      expect((await t.client(member).post(`/api/sessions/${session.id}/check-ins`, { userId: facilitator.id })).statusCode).toBe(403);
    });
  });

  it('validates the body (422), requires sign-in (401) and members only for codes (403)', async () => {
    const { session } = await groupWithSession();
    const stranger = await t.createUser();
    expect((await t.client(stranger).post(`/api/sessions/${session.id}/check-ins`, { nothing: true })).statusCode).toBe(422);
    expect((await t.client().post(`/api/sessions/${session.id}/check-ins`, { code: 'ABCDEF' })).statusCode).toBe(401);
    await at('2026-03-10T19:00:00Z', async () => {
      expect((await t.client(stranger).post(`/api/sessions/${session.id}/check-ins`, { code: 'ABCDEF' })).statusCode).toBe(403);
    });
  });
});
