import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance } from '../../db/schema/index.ts';
import { insertGroup, insertSession } from '../../test/factories/chat.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createSessionFacts, type SessionFacts } from './index.ts';

const HOUR = 3_600_000;
let t: TestServer;
let facts: SessionFacts;

beforeAll(async () => {
  t = await createTestServer();
  facts = createSessionFacts({ db: t.database.db });
});
afterAll(async () => {
  await t?.close();
});

async function attend(sessionId: string, user: TestUser) {
  await t.database.db.insert(attendance).values({ sessionId, userId: user.id, mode: 'online' });
}

describe('session facts (the sessions module\'s read-only port)', () => {
  it('counts different people per session in the window, scheduled sessions only, soonest first', async () => {
    const [a, b] = [await t.createUser(), await t.createUser()];
    const group = await insertGroup(t);
    const other = await insertGroup(t);
    const early = await insertSession(t, group.id, { startsInMinutes: -600 });
    const late = await insertSession(t, group.id, { startsInMinutes: -120 });
    const cancelled = await insertSession(t, group.id, { startsInMinutes: -300, status: 'cancelled' });
    const outside = await insertSession(t, group.id, { startsInMinutes: -5000 });
    const elsewhere = await insertSession(t, other.id, { startsInMinutes: -60 });
    await attend(early.id, a);
    await attend(early.id, b);
    await attend(early.id, a); // a second presence row of the same person counts once
    await attend(cancelled.id, a);
    await attend(elsewhere.id, b);

    const rows = await facts.listSessionAttendance([group.id], new Date(Date.now() - 24 * HOUR), new Date());
    expect(rows.map((r) => [r.sessionId, r.attended])).toEqual([[early.id, 2], [late.id, 0]]);
    expect(rows[0]).toMatchObject({ groupId: group.id, title: early.title, startsAt: early.startsAt });
    expect(rows.some((r) => r.sessionId === outside.id)).toBe(false);
    expect(await facts.listSessionAttendance([], new Date(0), new Date())).toEqual([]);
  });

  it('lists every attendance in the groups with the session start, and all session ids of the groups', async () => {
    const a = await t.createUser();
    const group = await insertGroup(t);
    const other = await insertGroup(t);
    const s1 = await insertSession(t, group.id, { startsInMinutes: -90 });
    const s2 = await insertSession(t, group.id, { startsInMinutes: 60, status: 'cancelled' });
    const s3 = await insertSession(t, other.id, { startsInMinutes: -30 });
    await attend(s1.id, a);
    await attend(s3.id, a);

    expect(await facts.listGroupAttendance([group.id])).toEqual([{ userId: a.id, groupId: group.id, at: s1.startsAt }]);
    expect((await facts.listGroupAttendance([group.id, other.id])).length).toBe(2);
    expect(new Set(await facts.listGroupSessionIds([group.id]))).toEqual(new Set([s1.id, s2.id]));
    expect(await facts.listGroupSessionIds([])).toEqual([]);
  });

  it('finds a session with whether this person attended it, and null for an unknown session', async () => {
    const [came, stayedAway] = [await t.createUser(), await t.createUser()];
    const group = await insertGroup(t);
    const session = await insertSession(t, group.id, { startsInMinutes: -90, title: 'Evening circle' });
    await attend(session.id, came);

    expect(await facts.findSessionWithAttendance(session.id, came.id)).toEqual({
      id: session.id, groupId: group.id, title: 'Evening circle', startsAt: session.startsAt, endsAt: session.endsAt, attended: true,
    });
    expect((await facts.findSessionWithAttendance(session.id, stayedAway.id))?.attended).toBe(false);
    expect(await facts.findSessionWithAttendance('00000000-0000-7000-8000-000000000000', came.id)).toBeNull();
  });

  it('finds the latest attended session that ended in the window and lists attended starts once each, oldest first', async () => {
    const person = await t.createUser();
    const group = await insertGroup(t);
    const older = await insertSession(t, group.id, { startsInMinutes: -600, durationMinutes: 60 });
    const recent = await insertSession(t, group.id, { startsInMinutes: -180, durationMinutes: 60 });
    const notAttended = await insertSession(t, group.id, { startsInMinutes: -120, durationMinutes: 60 });
    const ongoing = await insertSession(t, group.id, { startsInMinutes: -30, durationMinutes: 60 });
    await attend(older.id, person);
    await attend(recent.id, person);
    await attend(recent.id, person);
    await attend(ongoing.id, person);

    const latest = await facts.findLatestAttendedSession(person.id, new Date(Date.now() - 24 * HOUR), new Date());
    expect(latest).toEqual({ id: recent.id, title: recent.title, endsAt: recent.endsAt });
    expect(await facts.findLatestAttendedSession(person.id, new Date(Date.now() - HOUR), new Date())).toBeNull();
    expect(await facts.listAttendedSessionStarts(person.id)).toEqual([older.startsAt, recent.startsAt, ongoing.startsAt]);
    expect(notAttended.id).not.toBe(latest?.id);
  });

  it("gives each group its next scheduled session that has not ended, an ongoing one included, and skips cancelled ones", async () => {
    const group = await insertGroup(t);
    const later = await insertGroup(t);
    const done = await insertGroup(t);
    await insertSession(t, group.id, { startsInMinutes: -180, durationMinutes: 60 });
    const ongoing = await insertSession(t, group.id, { startsInMinutes: -30, durationMinutes: 60 });
    await insertSession(t, group.id, { startsInMinutes: 120 });
    await insertSession(t, later.id, { startsInMinutes: 30, status: 'cancelled' });
    const next = await insertSession(t, later.id, { startsInMinutes: 600 });
    await insertSession(t, later.id, { startsInMinutes: 1200 });
    await insertSession(t, done.id, { startsInMinutes: -300 });

    const result = await facts.listNextSessions([group.id, later.id, done.id], new Date());
    expect(result.get(group.id)).toEqual({ id: ongoing.id, startsAt: ongoing.startsAt, endsAt: ongoing.endsAt });
    expect(result.get(later.id)).toEqual({ id: next.id, startsAt: next.startsAt, endsAt: next.endsAt });
    expect(result.has(done.id)).toBe(false);
    expect((await facts.listNextSessions([], new Date())).size).toBe(0);
  });

  it('gives each group its next scheduled starts in the window, at most the number asked for, soonest first', async () => {
    const busy = await insertGroup(t);
    const quiet = await insertGroup(t);
    const none = await insertGroup(t);
    const starts = [];
    for (const minutes of [300, 60, 240, 120, 180]) starts.push(await insertSession(t, busy.id, { startsInMinutes: minutes }));
    await insertSession(t, busy.id, { startsInMinutes: 30, status: 'cancelled' });
    await insertSession(t, busy.id, { startsInMinutes: -30 });
    const q = await insertSession(t, quiet.id, { startsInMinutes: 90 });
    await insertSession(t, quiet.id, { startsInMinutes: 60 * 24 * 40 });

    const now = new Date();
    const result = await facts.listUpcomingStarts([busy.id, quiet.id, none.id], now, new Date(now.getTime() + 28 * 24 * HOUR), 3);
    const sorted = [...starts].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime()).map((s) => s.startsAt);
    expect(result.get(busy.id)).toEqual(sorted.slice(0, 3));
    expect(result.get(quiet.id)).toEqual([q.startsAt]);
    expect(result.has(none.id)).toBe(false);
    expect((await facts.listUpcomingStarts([busy.id], now, new Date(now.getTime() + 28 * 24 * HOUR))).get(busy.id)).toEqual(sorted.slice(0, 4));
    expect((await facts.listUpcomingStarts([], now, now)).size).toBe(0);
  });
  it('reads many sessions by id at once with what decides their live room, any status, missing ids absent', async () => {
    const group = await insertGroup(t);
    const other = await insertGroup(t);
    const live = await insertSession(t, group.id, { startsInMinutes: -5 });
    const cancelled = await insertSession(t, other.id, { startsInMinutes: 30, status: 'cancelled' });
    const missing = '01900000-0000-7000-8000-000000000000';
    const found = await facts.findSessions([live.id, cancelled.id, live.id, missing]);
    expect([...found.keys()].sort()).toEqual([live.id, cancelled.id].sort());
    expect(found.get(live.id)).toEqual({ id: live.id, groupId: group.id, startsAt: live.startsAt, endsAt: live.endsAt, status: 'scheduled' });
    expect(found.get(cancelled.id)).toMatchObject({ groupId: other.id, status: 'cancelled' });
    expect((await facts.findSessions([])).size).toBe(0);
  });
});
