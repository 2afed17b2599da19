import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, createTestServerWithAdmin } from '../../test/factories/setup.ts';
import type { TestServer, TestUser } from '../../test/server.ts';

const HOUR = 3_600_000;
const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const clock = createTestClock('2026-06-01T09:00:00Z');
let t: TestServer;
let admin: TestUser;

beforeAll(async () => ({ t, admin } = await createTestServerWithAdmin({ now: clock.now })));
afterAll(async () => t.close());

const at = (hoursFromNow: number) => new Date(clock.now().getTime() + hoursFromNow * HOUR).toISOString();

/** A supervisor in New York and a supporter in Tokyo, with a supervision meeting arranged 48 hours from now. */
async function meetingBetween() {
  const supporter = await t.createUser('peer_supporter', { timezone: 'Asia/Tokyo' });
  const supervisor = await t.createUser('clinician', { timezone: 'America/New_York' });
  expect((await t.client(admin).post('/api/supervision/assignments', { supervisorId: supervisor.id, supporterId: supporter.id })).statusCode).toBe(201);
  const res = await t.client(supervisor).post('/api/supervision/meetings', { supporterId: supporter.id, startsAt: at(48), durationMinutes: 60, agenda: 'Boundaries after a hard chat' });
  expect(res.statusCode).toBe(201);
  return { supporter, supervisor, meeting: res.json() as { id: string; sessionId: string } };
}

describe('private sessions in my session lists', () => {
  it('lists a supervision meeting for both participants under its neutral title, in each one\'s time zone, linking to /supervision', async () => {
    const { supporter, supervisor, meeting } = await meetingBetween();
    const mine = await t.client(supporter).get('/api/me/private-sessions');
    expect(mine.statusCode).toBe(200);
    const [item] = mine.json().privateSessions;
    expect(item).toEqual({
      id: meeting.sessionId, purpose: 'supervision', title: 'Supervision session', startsAt: '2026-06-03T09:00:00.000Z', endsAt: '2026-06-03T10:00:00.000Z', status: 'scheduled',
      local: expect.objectContaining({ timezone: 'Asia/Tokyo', date: '2026-06-03', startTime: '18:00', endTime: '19:00' }), myRole: 'guest', path: '/supervision',
    });
    // Nothing about the agenda or the other person travels with it.
    expect(mine.body).not.toContain('Boundaries');
    expect(mine.body).not.toContain(supervisor.id);

    const theirs = (await t.client(supervisor).get('/api/me/private-sessions?tz=Europe/London')).json().privateSessions;
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ id: meeting.sessionId, myRole: 'host', local: { timezone: 'Europe/London', startTime: '10:00', zoneName: 'BST' } });
    expect((await t.client(supervisor).get(`/api/private-sessions/${meeting.sessionId}`)).json()).toMatchObject({ id: meeting.sessionId, myRole: 'host', local: { timezone: 'America/New_York', startTime: '05:00' } });
  });

  it('shows a cancelled meeting as cancelled, and leaves out meetings that have ended', async () => {
    const { supporter, supervisor, meeting } = await meetingBetween();
    expect((await t.client(supervisor).post(`/api/supervision/meetings/${meeting.id}/cancel`)).statusCode).toBe(200);
    const [item] = (await t.client(supporter).get('/api/me/private-sessions')).json().privateSessions;
    expect(item).toMatchObject({ id: meeting.sessionId, status: 'cancelled' });
    await t.database.pool.query(`update private_sessions set starts_at = $2, ends_at = $3 where id = $1`, [meeting.sessionId, at(-3), at(-2)]);
    expect((await t.client(supporter).get('/api/me/private-sessions')).json().privateSessions).toEqual([]);
  });

  it('never shows a meeting to anyone else: not listed, and 404 when asked for directly', async () => {
    const { meeting } = await meetingBetween();
    for (const role of ['member', 'peer_supporter', 'clinician', 'admin'] as const) {
      const other = await t.createUser(role);
      expect((await t.client(other).get('/api/me/private-sessions')).json().privateSessions).toEqual([]);
      const res = await t.client(other).get(`/api/private-sessions/${meeting.sessionId}`);
      expect(res.statusCode).toBe(404);
      expect(JSON.stringify(res.json())).toMatch(/could not be found/);
    }
    const someone = await t.createUser('member');
    expect((await t.client(someone).get(`/api/private-sessions/${NO_SUCH_ID}`)).statusCode).toBe(404);
  });

  it('asks for sign-in and explains bad input', async () => {
    const { supporter, meeting } = await meetingBetween();
    expect((await t.client().get('/api/me/private-sessions')).statusCode).toBe(401);
    expect((await t.client().get(`/api/private-sessions/${meeting.sessionId}`)).statusCode).toBe(401);
    expect((await t.client(supporter).get('/api/me/private-sessions?tz=Moon/Base')).statusCode).toBe(422);
    expect((await t.client(supporter).get('/api/me/private-sessions?limit=0')).statusCode).toBe(422);
    expect((await t.client(supporter).get(`/api/private-sessions/${meeting.sessionId}?tz=Moon/Base`)).statusCode).toBe(422);
    const bad = await t.client(supporter).get('/api/private-sessions/not-a-meeting');
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('That meeting link is not valid.');
  });
});
