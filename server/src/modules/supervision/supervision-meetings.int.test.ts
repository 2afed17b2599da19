import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { jobs, notifications, supporterFeedback } from '../../db/schema/index.ts';
import type { TestServer, TestUser } from '../../test/server.ts';
import { createTestClock, createTestServerWithAdmin } from '../../test/factories/setup.ts';
import { createSupervision } from '../../test/factories/supervision.ts';
import { createSessionsPersonalData } from '../sessions/index.ts';

const HOUR = 3_600_000;
const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const clock = createTestClock('2026-06-01T09:00:00Z');
let t: TestServer;
let admin: TestUser;

beforeAll(async () => ({ t, admin } = await createTestServerWithAdmin({ now: clock.now })));
afterAll(async () => t.close());

const at = (hoursFromNow: number) => new Date(clock.now().getTime() + hoursFromNow * HOUR).toISOString();

async function schedule(supervisor: TestUser, supporter: TestUser, hoursFromNow = 72) {
  const res = await t.client(supervisor).post('/api/supervision/meetings', { supporterId: supporter.id, startsAt: at(hoursFromNow), durationMinutes: 60, agenda: 'Boundaries after a hard chat' });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; sessionId: string; startsAt: string; status: string; abilities: { reschedule: boolean; cancel: boolean } };
}

async function pendingReminders(sessionId: string) {
  const rows = await t.database.db.select().from(jobs).where(and(eq(jobs.queue, 'notifications.scheduled'), eq(jobs.status, 'pending')));
  return rows
    .filter((j) => String(j.payload.dedupeKey).startsWith(`private-session:${sessionId}:`))
    .map((j) => ({ userId: j.payload.userId, kind: j.payload.kind, runAt: j.runAt.toISOString() }))
    .sort((a, b) => `${a.userId}${a.runAt}`.localeCompare(`${b.userId}${b.runAt}`));
}

const storedOf = (userId: string, kind: string) => t.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

async function feedOf(user: TestUser) {
  const url = (await t.client(user).post('/api/me/calendar-feed')).json().url as string;
  const res = await t.client().get(new URL(url).pathname);
  expect(res.statusCode).toBe(200);
  return { body: res.body, events: new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

describe('supervision sessions on the sessions module', () => {
  it('holds a meeting as a private session: both get reminders, the supporter is told, and it is in both calendar feeds without the agenda', async () => {
    const { supporter, supervisor } = await createSupervision(t, admin);
    const meeting = await schedule(supervisor, supporter);
    expect(meeting).toMatchObject({ status: 'scheduled', abilities: { reschedule: true, cancel: true } });

    const reminders = await pendingReminders(meeting.sessionId);
    expect(reminders.map((r) => r.kind).sort()).toEqual(['session.private_reminder_1h', 'session.private_reminder_1h', 'session.private_reminder_24h', 'session.private_reminder_24h']);
    expect(new Set(reminders.map((r) => r.userId))).toEqual(new Set([supervisor.id, supporter.id]));
    expect(await storedOf(supporter.id, 'session.private_scheduled')).toHaveLength(1);
    expect(await storedOf(supervisor.id, 'session.private_scheduled')).toHaveLength(0);

    for (const person of [supporter, supervisor]) {
      const { body, events } = await feedOf(person);
      expect(events.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString()])).toEqual([[`${meeting.sessionId}@hearth`, 'Supervision session', new Date(meeting.startsAt).toISOString()]]);
      expect(body).not.toContain('Boundaries');
      expect(body).not.toContain('June');
    }
    const outsider = await t.createUser('peer_supporter');
    expect((await feedOf(outsider)).events).toHaveLength(0);

    // The supporter's dashboard shows what the caseload shows.
    const dashboard = (await t.client(supporter).get('/api/supervision/dashboard')).json();
    expect(dashboard.meetings).toEqual([expect.objectContaining({ id: meeting.id, agenda: 'Boundaries after a hard chat', abilities: { reschedule: false, cancel: true } })]);
  });

  it('lets the supervisor move it: reminders follow the new time, old ones no longer apply, and the supporter is told', async () => {
    const { supporter, supervisor } = await createSupervision(t, admin);
    const meeting = await schedule(supervisor, supporter);
    const path = `/api/supervision/meetings/${meeting.id}`;
    expect((await t.client().patch(path, { startsAt: at(96) })).statusCode).toBe(401);
    expect((await t.client(await t.createUser('clinician')).patch(path, { startsAt: at(96) })).statusCode).toBe(404);
    expect((await t.client(supervisor).patch(`/api/supervision/meetings/${NO_SUCH_ID}`, { startsAt: at(96) })).statusCode).toBe(404);
    expect((await t.client(supporter).patch(path, { startsAt: at(96) })).statusCode).toBe(403);
    const bad = await t.client(supervisor).patch(path, { startsAt: 'next week' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('startsAt');
    expect((await t.client(supervisor).patch(path, { startsAt: at(-2) })).statusCode).toBe(422);

    const moved = await t.client(supervisor).patch(path, { startsAt: at(120), durationMinutes: 45 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: at(120), durationMinutes: 45 });
    const reminders = await pendingReminders(meeting.sessionId);
    expect(reminders).toHaveLength(4);
    expect(reminders.every((r) => r.runAt === new Date(Date.parse(at(120)) - HOUR).toISOString() || r.runAt === at(96))).toBe(true);
    expect(await storedOf(supporter.id, 'session.private_moved')).toHaveLength(1);

    const stillDue = (startsAt: string, userId = supporter.id) => t.services.sessions.isReminderStillDue({ userId, kind: 'session.private_reminder_24h', url: '/supervision', params: { privateSessionId: meeting.sessionId, startsAt } });
    expect(await stillDue(meeting.startsAt)).toBe(false);
    expect(await stillDue(at(120))).toBe(true);
    expect(await stillDue(at(120), (await t.createUser('member')).id)).toBe(false);
    expect((await feedOf(supporter)).events[0]!.startDate.toJSDate().toISOString()).toBe(at(120));
  });

  it('lets either person cancel: reminders stop, the other is told, calendars show it cancelled, and it leaves the dashboards', async () => {
    const { supporter, supervisor } = await createSupervision(t, admin);
    const meeting = await schedule(supervisor, supporter);
    const path = `/api/supervision/meetings/${meeting.id}/cancel`;
    expect((await t.client().post(path)).statusCode).toBe(401);
    expect((await t.client(await t.createUser('peer_supporter')).post(path)).statusCode).toBe(404);
    expect((await t.client(supporter).post('/api/supervision/meetings/not-an-id/cancel')).statusCode).toBe(422);

    const cancelled = await t.client(supporter).post(path);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', abilities: { reschedule: false, cancel: false } });
    expect(await pendingReminders(meeting.sessionId)).toEqual([]);
    expect(await storedOf(supervisor.id, 'session.private_cancelled')).toHaveLength(1);
    expect(await storedOf(supporter.id, 'session.private_cancelled')).toHaveLength(0);
    expect((await feedOf(supervisor)).body).toContain('STATUS:CANCELLED');
    expect((await t.client(supervisor).get('/api/supervision/caseload')).json().meetings).toEqual([]);
    expect((await t.client(supervisor).post(path)).statusCode).toBe(409);
    expect((await t.client(supervisor).patch(`/api/supervision/meetings/${meeting.id}`, { startsAt: at(100) })).statusCode).toBe(409);
  });

  it('erases a person’s private sessions (and so the meetings) when they delete their account', async () => {
    const { supporter, supervisor } = await createSupervision(t, admin);
    const meeting = await schedule(supervisor, supporter);
    const contributor = createSessionsPersonalData({ db: t.database.db });
    const exported = (await contributor.export(supporter.id)) as { privateSessions: Array<{ title: string; role: string }> };
    expect(exported.privateSessions).toEqual([expect.objectContaining({ title: 'Supervision session', role: 'guest' })]);
    await t.database.db.transaction((tx) => contributor.erase(tx, supporter.id));
    for (const [table, id] of [['private_sessions', meeting.sessionId], ['supervision_meetings', meeting.id]] as const) {
      const { rows } = await t.database.pool.query(`select count(*)::int as n from ${table} where id = $1`, [id]);
      expect(rows[0].n, table).toBe(0);
    }
  });
});

describe('supporter ratings for other modules', () => {
  it('summarises members’ ratings per supporter, and answers count 0 for supporters nobody rated', async () => {
    const rated = await t.createUser('peer_supporter');
    const unrated = await t.createUser('peer_supporter');
    for (const rating of [5, 4, 4]) {
      await t.database.db.insert(supporterFeedback).values({ orgId: t.org.id, supporterId: rated.id, memberId: (await t.createUser('member')).id, conversationId: crypto.randomUUID(), rating });
    }
    const ratings = await t.services.supervision.getSupporterRatings([rated.id, unrated.id]);
    expect(ratings.get(rated.id)).toMatchObject({ count: 3, average: 4.3 });
    expect(ratings.get(rated.id)!.lastRatedAt).toBeInstanceOf(Date);
    expect(ratings.get(unrated.id)).toEqual({ count: 0, average: null, lastRatedAt: null });
    clock.advance(HOUR);
  });
});
