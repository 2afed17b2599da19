import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';

let t: TestServer;
beforeAll(async () => {
  // Two weeks before Europe/London moves its clocks forward (29 March 2026).
  t = await createTestServer({ now: () => new Date('2026-03-16T12:00:00Z') });
});
afterAll(async () => t.close());

function parseEvents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

async function londonGroup(body: Record<string, unknown> = {}) {
  const { group, facilitator } = await createGroup(t, { body: { name: 'Thursday, grief; and hope', ...body } });
  await t.client(facilitator).post(`/api/groups/${group.id}/schedules`, { rrule: 'FREQ=WEEKLY;BYDAY=TH', startLocal: '2026-03-19T19:00', durationMinutes: 60 });
  return { group, facilitator };
}

describe('group calendar', () => {
  it('serves valid iCalendar that ical.js reads at 19:00 London time across the DST change, with cancellations', async () => {
    const { group, facilitator } = await londonGroup();
    const member = await addMember(t, group.id, facilitator);
    const sessions = (await t.client(facilitator).get(`/api/groups/${group.id}/sessions`)).json().sessions;
    await t.client(facilitator).post(`/api/sessions/${sessions[1].id}/cancel`);
    const res = await t.client(member).get(`/api/groups/${group.id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = parseEvents(res.body);
    expect(events).toHaveLength(12);
    const local = events.slice(0, 4).map((e) => DateTime.fromJSDate(e.startDate.toJSDate(), { zone: 'Europe/London' }).toFormat('yyyy-MM-dd HH:mm'));
    expect(local).toEqual(['2026-03-19 19:00', '2026-03-26 19:00', '2026-04-02 19:00', '2026-04-09 19:00']);
    expect(events[0]!.summary).toBe('Thursday, grief; and hope');
    expect(events[0]!.uid).toBe(`${sessions[0].id}@hearth`);
    expect(events.map((e) => e.component.getFirstPropertyValue('status')).slice(0, 3)).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED']);
    // No personal data: nobody's name or pseudonym appears.
    expect(res.body).not.toContain(member.pseudonym);
    expect(res.body).not.toContain(facilitator.pseudonym);
  });

  it('hides invite-only groups from outsiders (404), requires sign-in (401) and checks ids (422)', async () => {
    const { group } = await londonGroup({ visibility: 'invite' });
    const stranger = await t.createUser();
    expect((await t.client(stranger).get(`/api/groups/${group.id}/calendar.ics`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/groups/${group.id}/calendar.ics`)).statusCode).toBe(401);
    expect((await t.client(stranger).get(`/api/groups/nope/calendar.ics`)).statusCode).toBe(422);
  });
});

describe('personal calendar feed', () => {
  it('creates a secret URL that serves my groups\' sessions without a cookie, storing only its hash', async () => {
    const me = await t.createUser();
    const { group, facilitator } = await londonGroup({ name: 'Mine' });
    await addMember(t, group.id, facilitator, me);
    await londonGroup({ name: 'Not mine' });
    expect((await t.client(me).get('/api/me/calendar-feed')).json()).toEqual({ active: false, createdAt: null });
    const res = await t.client(me).post('/api/me/calendar-feed');
    expect(res.statusCode).toBe(200);
    const { url } = res.json();
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await t.client(me).get('/api/me/calendar-feed')).json().active).toBe(true);
    const token = url.match(/calendar\/(.+)\.ics$/)[1];
    const { rows } = await t.database.pool.query(`select token_hash from calendar_feeds where user_id = $1`, [me.id]);
    expect(rows[0].token_hash).not.toContain(token);
    const feed = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(feed.statusCode).toBe(200);
    const events = parseEvents(feed.body);
    expect(events.length).toBe(12);
    expect(new Set(events.map((e) => e.summary))).toEqual(new Set(['Mine']));
    expect(feed.body).not.toContain(me.pseudonym);
  });

  it('stops the old link when a new one is made, and when the feed is turned off', async () => {
    const me = await t.createUser();
    const first = new URL((await t.client(me).post('/api/me/calendar-feed')).json().url).pathname;
    const second = new URL((await t.client(me).post('/api/me/calendar-feed')).json().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
    expect((await t.client(me).delete('/api/me/calendar-feed')).json()).toEqual({ ok: true });
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/short.ics' })).statusCode).toBe(422);
    const { rows } = await t.database.pool.query(`select action from audit_log where actor_id = $1 and action like 'calendar_feed.%' order by created_at`, [me.id]);
    expect(rows.map((r) => r.action)).toEqual(['calendar_feed.created', 'calendar_feed.rotated', 'calendar_feed.revoked']);
  });

  it('requires sign-in to manage the feed (401)', async () => {
    expect((await t.client().post('/api/me/calendar-feed')).statusCode).toBe(401);
    expect((await t.client().delete('/api/me/calendar-feed')).statusCode).toBe(401);
    expect((await t.client().get('/api/me/calendar-feed')).statusCode).toBe(401);
  });
});
