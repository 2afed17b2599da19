import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { jobs, notifications, sessions, users } from '../../db/schema/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';
import { startNode, startSmtpReceiver } from '../../test/factories/notifications.ts';

const HOUR = 3600_000;
let clock = new Date('2026-06-06T09:00:00Z');
const now = () => clock;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let t: TestServer;
let facilitator: TestUser;
let tokyo: TestUser;
let newYork: TestUser;
let groupId: string;

async function createSession(startLocal: string) {
  const res = await t.client(facilitator).post(`/api/groups/${groupId}/sessions`, { startLocal, durationMinutes: 60, title: 'Evening circle' });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; startsAt: string };
}

async function rsvp(user: TestUser, sessionId: string, status: 'going' | 'not_going', client = t.client(user)) {
  const res = await client.put(`/api/sessions/${sessionId}/rsvp`, { status });
  expect(res.statusCode).toBe(200);
}

async function pendingReminders(sessionId: string) {
  const rows = await t.database.db.select().from(jobs).where(and(eq(jobs.queue, 'notifications.scheduled'), eq(jobs.status, 'pending')));
  return rows.filter((j) => String(j.payload.dedupeKey).startsWith(`session:${sessionId}:`)).map((j) => ({ userId: j.payload.userId, kind: j.payload.kind, runAt: j.runAt.toISOString() }));
}

async function storedOf(userId: string, kind: string) {
  return t.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

const firstLine = (text: string) => text.split(/\r?\n/)[0];
const mailsTo = (user: TestUser) => smtp.messages.filter((m) => m.to.includes(`${user.pseudonym}@example.org`));

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  t = await createTestServer({ now, env: { SMTP_URL: smtp.url } });
  ({ facilitator } = await createGroup(t, { body: { timezone: 'Europe/London', name: 'Thursday circle' } }).then((r) => {
    groupId = r.group.id;
    return r;
  }));
  tokyo = await addMember(t, groupId, facilitator, await t.createUser('member', { timezone: 'Asia/Tokyo' }));
  newYork = await addMember(t, groupId, facilitator, await t.createUser('member', { timezone: 'America/New_York' }));
  for (const u of [tokyo, newYork]) await t.database.db.update(users).set({ email: `${u.pseudonym}@example.org` }).where(eq(users.id, u.id));
});

afterAll(async () => {
  await t.database.drop().catch(() => {});
  await smtp.close();
});

describe('session reminders follow the session', () => {
  it('re-schedules on a move, cancels on not going and on a cancelled session', async () => {
    const session = await createSession('2026-06-12T18:00');
    await rsvp(tokyo, session.id, 'going');
    await rsvp(newYork, session.id, 'going');
    expect(await pendingReminders(session.id)).toHaveLength(6);

    const moved = await t.client(facilitator).patch(`/api/sessions/${session.id}`, { startsAt: '2026-06-13T17:00:00Z' });
    expect(moved.statusCode).toBe(200);
    const after = await pendingReminders(session.id);
    expect(after).toHaveLength(6);
    expect(after.filter((j) => j.kind === 'session.reminder_24h').map((j) => j.runAt)).toEqual(['2026-06-12T17:00:00.000Z', '2026-06-12T17:00:00.000Z']);

    // Renaming alone leaves the reminders as they are.
    await t.client(facilitator).patch(`/api/sessions/${session.id}`, { title: 'Renamed' });
    expect(await pendingReminders(session.id)).toEqual(after);

    await rsvp(newYork, session.id, 'not_going');
    expect((await pendingReminders(session.id)).map((j) => j.userId)).toEqual([tokyo.id, tokyo.id, tokyo.id]);

    expect((await t.client(facilitator).post(`/api/sessions/${session.id}/cancel`)).statusCode).toBe(200);
    expect(await pendingReminders(session.id)).toEqual([]);
  });

  it('drops a reminder whose session changed behind its back (e.g. a regenerated schedule)', async () => {
    const session = await createSession('2026-06-11T18:00');
    await rsvp(tokyo, session.id, 'going');
    const start = new Date(session.startsAt).getTime();
    // Moved without passing through the sessions service: the scheduled job still names the old time.
    await t.database.db.update(sessions).set({ startsAt: new Date(start + 2 * HOUR), endsAt: new Date(start + 3 * HOUR) }).where(eq(sessions.id, session.id));
    const saved = clock;
    clock = new Date(start - 24 * HOUR + 1000);
    await t.jobs.runDueJobs();
    clock = saved;
    const stored = await t.database.db.select().from(notifications).where(eq(notifications.userId, tokyo.id));
    expect(stored.filter((n) => n.params.sessionId === session.id)).toEqual([]);
    const ran = await t.database.db.select().from(jobs).where(and(eq(jobs.queue, 'notifications.scheduled'), eq(jobs.status, 'done')));
    expect(ran.filter((j) => j.payload.kind === 'session.reminder_24h' && j.payload.userId === tokyo.id)).toHaveLength(1);
    await t.database.db.delete(jobs).where(eq(jobs.queue, 'notifications.scheduled'));
  });
});

describe('session reminders across restarts and two nodes', () => {
  it('sends the 24 h, 1 h and live-room reminders exactly once each, in each person’s own time zone', async () => {
    // 11:00 in London (BST) on Wednesday 10 June = 10:00 UTC = 19:00 in Tokyo = 06:00 in New York.
    const session = await createSession('2026-06-10T11:00');
    expect(session.startsAt).toBe('2026-06-10T10:00:00.000Z');
    await rsvp(tokyo, session.id, 'going');
    await rsvp(newYork, session.id, 'going');
    await rsvp(newYork, session.id, 'going'); // answering twice schedules nothing more

    const start = new Date(session.startsAt).getTime();
    const scheduled = await pendingReminders(session.id);
    expect(scheduled).toHaveLength(6);
    for (const user of [tokyo, newYork]) {
      expect(scheduled.filter((j) => j.userId === user.id).map((j) => [j.kind, j.runAt]).sort()).toEqual([
        ['session.reminder_1h', new Date(start - HOUR).toISOString()],
        ['session.reminder_24h', new Date(start - 24 * HOUR).toISOString()],
        ['session.room_open', new Date(start - 15 * 60_000).toISOString()],
      ]);
    }

    // The server that scheduled them goes away; two fresh nodes share the queue from here on.
    await t.app.close();
    const env = { SMTP_URL: smtp.url };
    let a = await startNode(t, { now, env });
    const b = await startNode(t, { now, env });
    const runBoth = async (x = a, y = b) => {
      for (let i = 0; i < 3; i++) await Promise.all([x.jobs.runDueJobs(), y.jobs.runDueJobs(), x.jobs.runDueJobs(), y.jobs.runDueJobs()]);
    };

    clock = new Date(start - 24 * HOUR - 60_000);
    await runBoth();
    expect(await storedOf(tokyo.id, 'session.reminder_24h')).toHaveLength(0);
    expect(smtp.messages).toHaveLength(0);

    clock = new Date(start - 24 * HOUR + 30_000);
    await runBoth();
    for (const user of [tokyo, newYork]) expect(await storedOf(user.id, 'session.reminder_24h')).toHaveLength(1);
    expect(mailsTo(tokyo).map((m) => firstLine(m.text))).toEqual(['A reminder for your group session tomorrow at 19:00.']);
    expect(mailsTo(newYork).map((m) => firstLine(m.text))).toEqual(['A reminder for your group session tomorrow at 06:00.']);

    // Another restart between the two reminders.
    await a.close();
    a = await startNode(t, { now, env });
    clock = new Date(start - HOUR + 30_000);
    await runBoth();
    await runBoth();
    expect(await storedOf(tokyo.id, 'session.reminder_1h')).toHaveLength(1);
    expect(mailsTo(tokyo).map((m) => firstLine(m.text))).toEqual([
      'A reminder for your group session tomorrow at 19:00.',
      'Your group session starts in about an hour, at 19:00.',
    ]);
    expect(mailsTo(newYork).at(-1)!.text.split(/\r?\n/)[0]).toBe('Your group session starts in about an hour, at 06:00.');

    clock = new Date(start - 10 * 60_000);
    await runBoth();
    for (const user of [tokyo, newYork]) {
      expect(await storedOf(user.id, 'session.room_open')).toHaveLength(1);
      expect(mailsTo(user)).toHaveLength(3);
    }
    expect(mailsTo(tokyo).at(-1)!.text.split(/\r?\n/)[0]).toBe('The live room for your group session is open. It starts at 19:00.');
    // E-mail never names the group unless the person allowed it.
    expect(smtp.messages.some((m) => m.raw.includes('Thursday circle'))).toBe(false);

    const open = await t.database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(open.filter((j) => j.queue.startsWith('notifications.'))).toEqual([]);
    await a.close();
    await b.close();
  });
});
