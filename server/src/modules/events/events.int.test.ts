import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createEventsPersonalData } from './events.personal-data.ts';

const HOUR = 3_600_000;
let clock = Date.parse('2026-05-04T12:00:00Z');
let t: TestServer;
let organizer: TestUser;
let member: TestUser;

beforeAll(async () => {
  t = await createTestServer({ now: () => new Date(clock) });
  [organizer, member] = await Promise.all([t.createUser('facilitator'), t.createUser('member', { timezone: 'Asia/Tokyo' })]);
});
afterAll(async () => t?.close());

function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'webinar',
    title: `Sleep and mood, with a clinician ${Math.random().toString(36).slice(2, 6)}`,
    description: 'A talk and questions.',
    host: 'Dr. R. Amani',
    startsAt: new Date(clock + 72 * HOUR).toISOString(),
    endsAt: new Date(clock + 73 * HOUR).toISOString(),
    timezone: 'America/New_York',
    joinUrl: 'https://meet.example.org/sleep',
    capacity: null,
    ...overrides,
  };
}

async function createEvent(overrides: Record<string, unknown> = {}) {
  const res = await t.client(organizer).post('/api/events', eventBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; startsAt: string };
}

async function pendingReminders(eventId: string, userId: string) {
  const { rows } = await t.database.pool.query(
    "select payload->>'kind' as kind, run_at from jobs where status = 'pending' and payload->>'userId' = $1 and payload->>'dedupeKey' like $2 order by run_at",
    [userId, `event:${eventId}:%`],
  );
  return rows as Array<{ kind: string; run_at: Date }>;
}

describe('publishing', () => {
  it('lets organizers publish (201), not members (403), and checks times (422)', async () => {
    expect((await t.client().post('/api/events', eventBody())).statusCode).toBe(401);
    expect((await t.client(member).post('/api/events', eventBody())).statusCode).toBe(403);
    const backwards = await t.client(organizer).post('/api/events', eventBody({ endsAt: new Date(clock + 71 * HOUR).toISOString() }));
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields[0].path).toBe('endsAt');
    expect((await t.client(organizer).post('/api/events', eventBody({ kind: 'party' }))).statusCode).toBe(422);
    const past = await t.client(organizer).post('/api/events', eventBody({ startsAt: new Date(clock - HOUR).toISOString(), endsAt: new Date(clock).toISOString() }));
    expect(past.statusCode).toBe(422);
    const event = await createEvent();
    const list = await t.client(member).get('/api/events');
    expect(list.json().events.map((e: { id: string }) => e.id)).toContain(event.id);
    expect(list.json().abilities.create).toBe(false);
  });

  it('hides the join link until a person registers, and hides events of other organizations (404)', async () => {
    const event = await createEvent();
    expect((await t.client(member).get(`/api/events/${event.id}`)).json().joinUrl).toBeNull();
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Other', slug: `other-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsider = await t.createUser('member', { orgId: otherOrg.id });
    expect((await t.client(outsider).get(`/api/events/${event.id}`)).statusCode).toBe(404);
    expect((await t.client(outsider).put(`/api/events/${event.id}/registration`)).statusCode).toBe(404);
    expect((await t.client(member).get('/api/events/not-a-uuid')).statusCode).toBe(422);
  });
});

describe('registration, capacity and waitlist', () => {
  it('fills places, then the waitlist, and gives a freed place to the longest-waiting person', async () => {
    const event = await createEvent({ capacity: 2 });
    const [a, b, c, d] = await Promise.all([t.createUser('member'), t.createUser('member'), t.createUser('member'), t.createUser('member')]);
    expect((await t.client().put(`/api/events/${event.id}/registration`)).statusCode).toBe(401);
    const ra = await t.client(a).put(`/api/events/${event.id}/registration`);
    expect(ra.json()).toMatchObject({ myRegistration: 'registered', spotsLeft: 1, joinUrl: 'https://meet.example.org/sleep' });
    expect((await t.client(b).put(`/api/events/${event.id}/registration`)).json().myRegistration).toBe('registered');
    const rc = await t.client(c).put(`/api/events/${event.id}/registration`);
    expect(rc.json()).toMatchObject({ myRegistration: 'waitlisted', spotsLeft: 0, waitlistCount: 1, joinUrl: null });
    expect((await t.client(d).put(`/api/events/${event.id}/registration`)).json().waitlistCount).toBe(2);
    // Registering twice changes nothing.
    expect((await t.client(a).put(`/api/events/${event.id}/registration`)).json().registeredCount).toBe(2);

    const left = await t.client(a).delete(`/api/events/${event.id}/registration`);
    expect(left.json().myRegistration).toBeNull();
    expect((await t.client(c).get(`/api/events/${event.id}`)).json().myRegistration).toBe('registered');
    expect((await t.client(d).get(`/api/events/${event.id}`)).json().myRegistration).toBe('waitlisted');
    expect(await pendingReminders(event.id, c.id)).toHaveLength(2);
    expect(await pendingReminders(event.id, a.id)).toHaveLength(0);
    const { rows } = await t.database.pool.query("select count(*)::int as n from notifications where user_id = $1 and kind = 'event.place_confirmed'", [c.id]);
    expect(rows[0].n).toBe(1);
    expect((await t.client(a).delete(`/api/events/${event.id}/registration`)).statusCode).toBe(404);
  });

  it('says the event is full when it has no waitlist (409)', async () => {
    const event = await createEvent({ capacity: 1, waitlist: false });
    const [a, b] = await Promise.all([t.createUser('member'), t.createUser('member')]);
    await t.client(a).put(`/api/events/${event.id}/registration`);
    const full = await t.client(b).put(`/api/events/${event.id}/registration`);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toMatch(/full/);
  });
});

describe('reminders', () => {
  it('schedules the 24 h and 1 h reminders and sends each once, even when the queue runs twice', async () => {
    const start = clock;
    const event = await createEvent();
    const person = await t.createUser('member');
    await t.client(person).put(`/api/events/${event.id}/registration`);
    const pending = await pendingReminders(event.id, person.id);
    expect(pending.map((p) => p.kind)).toEqual(['event.reminder_24h', 'event.reminder_1h']);
    expect(new Date(pending[0]!.run_at).getTime()).toBe(Date.parse(event.startsAt) - 24 * HOUR);

    clock = Date.parse(event.startsAt) - 23 * HOUR;
    await t.jobs.runDueJobs();
    await t.jobs.runDueJobs();
    clock = Date.parse(event.startsAt) - 30 * 60_000;
    await t.jobs.runDueJobs();
    await t.jobs.runDueJobs();
    const { rows } = await t.database.pool.query("select kind from notifications where user_id = $1 and kind like 'event.reminder%' order by kind", [person.id]);
    expect(rows.map((r) => r.kind)).toEqual(['event.reminder_1h', 'event.reminder_24h']);
    clock = start;
  });

  it('moves reminders with the event and drops them when it is cancelled', async () => {
    const event = await createEvent();
    const person = await t.createUser('member');
    await t.client(person).put(`/api/events/${event.id}/registration`);
    const later = Date.parse(event.startsAt) + 48 * HOUR;
    const moved = await t.client(organizer).patch(`/api/events/${event.id}`, { startsAt: new Date(later).toISOString(), endsAt: new Date(later + HOUR).toISOString() });
    expect(moved.statusCode, moved.body).toBe(200);
    const pending = await pendingReminders(event.id, person.id);
    expect(pending.map((p) => new Date(p.run_at).getTime())).toEqual([later - 24 * HOUR, later - HOUR]);
    expect((await t.client(organizer).patch(`/api/events/${event.id}`, { status: 'cancelled' })).json().status).toBe('cancelled');
    expect(await pendingReminders(event.id, person.id)).toHaveLength(0);
    expect((await t.client(person).get(`/api/events/${event.id}`)).json().abilities.register).toBe(false);
  });
});

describe('editing, recordings and calendar', () => {
  it('adds a recording link afterwards; only organizers may edit (403), with a kind 422 for an empty change', async () => {
    const event = await createEvent();
    expect((await t.client().patch(`/api/events/${event.id}`, { recordingUrl: 'https://video.example.org/r' })).statusCode).toBe(401);
    expect((await t.client(member).patch(`/api/events/${event.id}`, { recordingUrl: 'https://video.example.org/r' })).statusCode).toBe(403);
    expect((await t.client(organizer).patch(`/api/events/${event.id}`, {})).statusCode).toBe(422);
    const res = await t.client(organizer).patch(`/api/events/${event.id}`, { recordingUrl: 'https://video.example.org/r' });
    expect(res.json().recordingUrl).toBe('https://video.example.org/r');
  });

  it('lists past events with their recordings', async () => {
    const event = await createEvent({ startsAt: new Date(clock + HOUR).toISOString(), endsAt: new Date(clock + 2 * HOUR).toISOString() });
    await t.client(organizer).patch(`/api/events/${event.id}`, { recordingUrl: 'https://video.example.org/past' });
    const start = clock;
    clock += 3 * HOUR;
    const past = await t.client(member).get('/api/events?when=past');
    expect(past.json().events.find((e: { id: string }) => e.id === event.id)).toMatchObject({ past: true, recordingUrl: 'https://video.example.org/past' });
    expect((await t.client(member).get('/api/events?when=later')).statusCode).toBe(422);
    clock = start;
  });

  it('offers a valid iCalendar entry in UTC', async () => {
    const event = await createEvent({ title: 'Open day; all welcome, bring a friend' });
    expect((await t.client().get(`/api/events/${event.id}/calendar.ics`)).statusCode).toBe(401);
    const res = await t.client(member).get(`/api/events/${event.id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const vevent = new ICAL.Component(ICAL.parse(res.body)).getFirstSubcomponent('vevent')!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.summary).toBe('Open day; all welcome, bring a friend');
    expect(parsed.startDate.toJSDate().toISOString()).toBe(event.startsAt);
  });
});

describe('personal data', () => {
  it('exports and erases a person\'s registrations', async () => {
    const event = await createEvent({ title: 'Mindful walking workshop' });
    const person = await t.createUser('member');
    await t.client(person).put(`/api/events/${event.id}/registration`);
    const contributor = createEventsPersonalData({ db: t.database.db });
    expect(JSON.stringify(await contributor.export(person.id))).toContain('Mindful walking workshop');
    await t.database.db.transaction((tx) => contributor.erase(tx, person.id));
    const { rows } = await t.database.pool.query('select count(*)::int as n from event_registrations where user_id = $1', [person.id]);
    expect(rows[0].n).toBe(0);
  });
});
