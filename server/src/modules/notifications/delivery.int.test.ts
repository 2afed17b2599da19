import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notifications, pushSubscriptions, users } from '../../db/schema/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createPushKeys, decryptPushBody, startPushEndpoint, startSmtpReceiver, verifyVapid } from '../../test/factories/notifications.ts';

let clock = new Date('2026-06-09T03:00:00Z'); // 12:00 in Tokyo
const now = () => clock;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let push: Awaited<ReturnType<typeof startPushEndpoint>>;
let t: TestServer;
let n = 0;

async function personInTokyo(withEmail = true): Promise<TestUser> {
  const user = await t.createUser('member', { timezone: 'Asia/Tokyo' });
  if (withEmail) await t.database.db.update(users).set({ email: `${user.pseudonym}@example.org` }).where(eq(users.id, user.id));
  return user;
}

const mailsTo = (user: TestUser) => smtp.messages.filter((m) => m.to.includes(`${user.pseudonym}@example.org`));
const notify = (user: TestUser, kind: string, extra: { dedupeKey?: string; params?: Record<string, string | number> } = {}) =>
  t.services.notifications.notifier.notify({ userId: user.id, kind, url: `/somewhere/${++n}`, ...extra });
const tokenIn = (text: string) => decodeURIComponent(/unsubscribe\?token=([^\s]+)/.exec(text)![1]!);

async function savePreferences(user: TestUser, body: Record<string, unknown>) {
  const res = await t.client(user).put('/api/notifications/preferences', { categories: {}, quietHours: null, digestHour: 8, showDetails: false, ...body });
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  push = await startPushEndpoint((path) => (path.includes('gone') ? 410 : 201));
  t = await createTestServer({ now, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Hearth <hello@hearth.test>' } });
});

afterAll(async () => {
  await t.close();
  await smtp.close();
  await push.close();
});

describe('e-mail', () => {
  it('arrives at a real SMTP receiver once, says only "You have a new message", and links back to Hearth', async () => {
    const member = await personInTokyo();
    await notify(member, 'direct.request', { dedupeKey: 'direct.request:1' });
    await notify(member, 'direct.request', { dedupeKey: 'direct.request:1' });
    await t.jobs.runDueJobs();
    await t.jobs.runDueJobs();
    const mails = mailsTo(member);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.from).toBe('hello@hearth.test');
    expect(mails[0]!.subject).toBe('You have a new message');
    expect(mails[0]!.text).toContain('Someone would like to talk with you one to one.');
    expect(mails[0]!.text).toMatch(/Open Hearth: http:\/\/localhost:3000\/somewhere\/\d+/);
    expect(mails[0]!.raw).toMatch(/List-Unsubscribe:\s+<http:\/\/localhost:3000\/unsubscribe\?token=/);
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(row!.emailedAt).not.toBeNull();
  });

  it('sends nothing to a person without an e-mail address, but keeps the in-app notification', async () => {
    const member = await personInTokyo(false);
    await notify(member, 'checkin.due');
    await t.jobs.runDueJobs();
    expect(smtp.messages.some((m) => m.to.some((to) => to.startsWith(member.pseudonym)))).toBe(false);
    expect((await t.client(member).get('/api/notifications')).json().unreadCount).toBe(1);
  });

  it('has an unsubscribe link that works signed out and stops only that type of e-mail', async () => {
    const member = await personInTokyo();
    await notify(member, 'direct.request');
    await t.jobs.runDueJobs();
    const token = tokenIn(mailsTo(member)[0]!.text);
    const anonymous = t.client();

    const looked = await anonymous.get(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(looked.statusCode).toBe(200);
    expect(looked.json()).toEqual({ category: 'direct', unsubscribed: false });

    const done = await anonymous.post('/api/notifications/unsubscribe', { token });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ category: 'direct', unsubscribed: true });

    const prefs = (await t.client(member).get('/api/notifications/preferences')).json();
    expect(prefs.categories.find((c: { category: string }) => c.category === 'direct')).toMatchObject({ email: false, push: true, inApp: true });
    expect(prefs.categories.find((c: { category: string }) => c.category === 'session')).toMatchObject({ email: true });

    await notify(member, 'direct.request');
    await notify(member, 'session.reminder_1h', { params: { startsAt: '2026-06-09T05:00:00Z' } });
    await t.jobs.runDueJobs();
    expect(mailsTo(member).map((m) => m.subject)).toEqual(['You have a new message', 'Your group session starts soon']);
  });

  it('refuses a forged or altered unsubscribe link (404) and a missing one (422)', async () => {
    const member = await personInTokyo();
    await notify(member, 'direct.request');
    await t.jobs.runDueJobs();
    const token = tokenIn(mailsTo(member)[0]!.text);
    const [data, sig] = token.split('.');
    const other = Buffer.from(JSON.stringify({ u: (await personInTokyo()).id, c: '*' })).toString('base64url');
    expect((await t.client().post('/api/notifications/unsubscribe', { token: `${other}.${sig}` })).statusCode).toBe(404);
    expect((await t.client().get(`/api/notifications/unsubscribe?token=${data}.AAAA${sig!.slice(4)}`)).statusCode).toBe(404);
    expect((await t.client().post('/api/notifications/unsubscribe', {})).statusCode).toBe(422);
    expect((await t.client().get('/api/notifications/unsubscribe')).statusCode).toBe(422);
  });
});

describe('Web Push', () => {
  it('delivers a correctly encrypted, VAPID-signed payload to the subscription', async () => {
    const member = await personInTokyo(false);
    const keys = createPushKeys();
    const sub = await t.client(member).post('/api/notifications/push-subscriptions', { endpoint: `${push.origin}/push/${member.id}`, keys: keys.keys });
    expect(sub.statusCode).toBe(201);
    const publicKey = (await t.client(member).get('/api/notifications/preferences')).json().push.publicKey;

    await notify(member, 'forum.reply', { params: { threadId: 'x' } });
    await t.jobs.runDueJobs();
    const requests = push.requests.filter((r) => r.path === `/push/${member.id}`);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(request.headers.ttl)).toBeGreaterThan(0);
    expect(verifyVapid(request.headers.authorization, push.origin).publicKey).toBe(publicKey);
    const payload = JSON.parse(decryptPushBody(request.body, keys));
    expect(payload).toMatchObject({ title: 'You have a new reply', body: 'Someone replied to your post in Hearth.' });
    expect(payload.url).toMatch(/^\/somewhere\/\d+$/);
    // A different key cannot read it.
    expect(() => decryptPushBody(request.body, createPushKeys())).toThrow();
  });

  it('forgets a subscription the push service says is gone', async () => {
    const member = await personInTokyo(false);
    await t.client(member).post('/api/notifications/push-subscriptions', { endpoint: `${push.origin}/gone/${member.id}`, keys: createPushKeys().keys });
    await notify(member, 'forum.reply');
    await t.jobs.runDueJobs();
    expect(push.requests.some((r) => r.path === `/gone/${member.id}`)).toBe(true);
    expect(await t.database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, member.id))).toEqual([]);
  });
});

describe('quiet hours and digests', () => {
  it('defers e-mail during quiet hours in the person’s own time zone, then sends it (never drops it)', async () => {
    const member = await personInTokyo();
    await savePreferences(member, { quietHours: { start: '22:00', end: '07:00' } });
    clock = new Date('2026-06-09T14:30:00Z'); // 23:30 in Tokyo
    await notify(member, 'checkin.due');
    await t.jobs.runDueJobs();
    expect(mailsTo(member)).toHaveLength(0);
    expect((await t.client(member).get('/api/notifications')).json().unreadCount).toBe(1);

    // Urgent safety alerts for on-call staff are not held back.
    await notify(member, 'safety.case_alert', { params: { level: 'urgent' } });
    await t.jobs.runDueJobs();
    expect(mailsTo(member).map((m) => m.subject)).toEqual(['Urgent: someone may need support now']);

    clock = new Date('2026-06-09T21:59:00Z'); // 06:59
    await t.jobs.runDueJobs();
    expect(mailsTo(member)).toHaveLength(1);
    clock = new Date('2026-06-09T22:00:30Z'); // 07:00 in Tokyo
    await t.jobs.runDueJobs();
    expect(mailsTo(member).map((m) => m.subject)).toEqual(['Urgent: someone may need support now', 'A gentle reminder']);
  });

  it('collects a type into one daily digest at the person’s chosen hour instead of single messages', async () => {
    clock = new Date('2026-06-10T03:00:00Z'); // 12:00 in Tokyo
    const member = await personInTokyo();
    await savePreferences(member, { categories: { forum: { email: true, digest: true } }, digestHour: 18 });
    await notify(member, 'forum.reply');
    await notify(member, 'forum.reply');
    await notify(member, 'direct.request');
    await t.jobs.runDueJobs();
    expect(mailsTo(member).map((m) => m.subject)).toEqual(['You have a new message']);

    clock = new Date('2026-06-10T09:00:30Z'); // 18:00 in Tokyo
    await t.jobs.runDueJobs();
    const mails = mailsTo(member);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe('Your Hearth updates (2)');
    expect(mails[1]!.text).toContain('You have 2 new updates in Hearth.');
    expect(mails[1]!.text).toContain('- You have a new reply (2)');
    await t.jobs.runDueJobs();
    expect(mailsTo(member)).toHaveLength(2);
  });
});
