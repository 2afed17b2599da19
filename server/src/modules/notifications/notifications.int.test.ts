import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jobs, notificationPreferences, notifications, pushSubscriptions } from '../../db/schema/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { connectLive } from '../../test/factories/chat.ts';
import { createPublicBoard } from '../../test/factories/forums.ts';
import { createPushKeys } from '../../test/factories/notifications.ts';

let t: TestServer;
let baseUrl: string;
let n = 0;

const notify = (user: TestUser, kind = 'checkin.due', extra: { dedupeKey?: string } = {}) =>
  t.services.notifications.notifier.notify({ userId: user.id, kind, url: `/place/${++n}`, ...extra });

beforeAll(async () => {
  t = await createTestServer();
  baseUrl = await t.listen();
});
afterAll(() => t.close());

describe('GET /api/notifications', () => {
  it('asks an anonymous visitor to sign in (401)', async () => {
    expect((await t.client().get('/api/notifications')).statusCode).toBe(401);
  });
  it('rejects a bad cursor or page size (422)', async () => {
    const me = await t.createUser();
    expect((await t.client(me).get('/api/notifications?before=nope')).statusCode).toBe(422);
    expect((await t.client(me).get('/api/notifications?limit=0')).statusCode).toBe(422);
  });
  it('lists only my notifications, newest first, page by page, with the unread count', async () => {
    const me = await t.createUser();
    const someoneElse = await t.createUser();
    for (let i = 0; i < 3; i++) await notify(me);
    await notify(someoneElse);
    const first = (await t.client(me).get('/api/notifications?limit=2')).json();
    expect(first.unreadCount).toBe(3);
    expect(first.notifications).toHaveLength(2);
    expect(first.notifications[0].url > first.notifications[1].url).toBe(true);
    expect(first.notifications[0]).toMatchObject({ kind: 'checkin.due', readAt: null, params: {} });
    const second = (await t.client(me).get(`/api/notifications?limit=2&before=${first.nextBefore}`)).json();
    expect(second.notifications).toHaveLength(1);
    expect(second.nextBefore).toBeNull();
    expect((await t.client(me).get('/api/notifications/unread-count')).json()).toEqual({ unreadCount: 3 });
    expect((await t.client().get('/api/notifications/unread-count')).statusCode).toBe(401);
  });
});

describe('marking read', () => {
  it('marks one (404 for someone else’s, 422 for a bad id, 401 signed out) and all, live on my private room', async () => {
    const me = await t.createUser();
    const other = await t.createUser();
    const live = await connectLive(baseUrl, me);
    expect((await live.subscribe(`user:${me.id}`)).type).toBe('subscribed');
    await notify(me);
    await notify(me);
    const created = await live.waitFor((e) => e.type === 'notification.created' && e.unreadCount === 2);
    expect(created).toMatchObject({ room: `user:${me.id}`, notification: { kind: 'checkin.due' } });

    const list = (await t.client(me).get('/api/notifications')).json().notifications;
    const id = list[0].id as string;
    expect((await t.client().post(`/api/notifications/${id}/read`)).statusCode).toBe(401);
    expect((await t.client(other).post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await t.client(me).post('/api/notifications/not-a-uuid/read')).statusCode).toBe(422);
    const read = await t.client(me).post(`/api/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    await live.waitFor((e) => e.type === 'notification.read' && e.unreadCount === 1);

    expect((await t.client().post('/api/notifications/read-all')).statusCode).toBe(401);
    const all = await t.client(me).post('/api/notifications/read-all');
    expect(all.json()).toEqual({ unreadCount: 0 });
    await live.waitFor((e) => e.type === 'notification.read' && e.unreadCount === 0);
    await live.close();
  });
});

describe('preferences', () => {
  it('401 signed out; 422 for an unknown type, a bad time or empty quiet hours', async () => {
    const me = await t.createUser();
    expect((await t.client().get('/api/notifications/preferences')).statusCode).toBe(401);
    const base = { categories: {}, quietHours: null, digestHour: 8, showDetails: false };
    expect((await t.client().put('/api/notifications/preferences', base)).statusCode).toBe(401);
    for (const body of [
      { ...base, categories: { gossip: { email: true } } },
      { ...base, quietHours: { start: '25:00', end: '07:00' } },
      { ...base, quietHours: { start: '07:00', end: '07:00' } },
      { ...base, digestHour: 24 },
      { categories: {} },
    ]) {
      const res = await t.client(me).put('/api/notifications/preferences', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
  });

  it('starts generic and gentle, saves channels per type, and keeps safety alerts in the app', async () => {
    const me = await t.createUser('moderator');
    const initial = (await t.client(me).get('/api/notifications/preferences')).json();
    expect(initial).toMatchObject({ showDetails: false, quietHours: null, digestHour: 8, email: { hasAddress: false, serverCanSend: false } });
    expect(initial.categories.find((c: { category: string }) => c.category === 'safety')).toMatchObject({ inApp: true, locked: ['inApp', 'digest'] });
    expect(initial.push.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);

    const saved = await t.client(me).put('/api/notifications/preferences', {
      categories: { session: { push: false }, safety: { inApp: false, digest: true, email: false } },
      quietHours: { start: '22:30', end: '06:45' },
      digestHour: 19,
      showDetails: true,
    });
    expect(saved.statusCode).toBe(200);
    const body = saved.json();
    expect(body).toMatchObject({ quietHours: { start: '22:30', end: '06:45' }, digestHour: 19, showDetails: true });
    expect(body.categories.find((c: { category: string }) => c.category === 'session')).toMatchObject({ inApp: true, email: true, push: false, digest: false });
    expect(body.categories.find((c: { category: string }) => c.category === 'safety')).toMatchObject({ inApp: true, email: false, digest: false });
  });

  it('hides a type from the list when the person turned in-app off for it', async () => {
    const me = await t.createUser();
    await t.client(me).put('/api/notifications/preferences', { categories: { milestone: { inApp: false } }, quietHours: null, digestHour: 8, showDetails: false });
    await notify(me, 'milestone.reached');
    await notify(me, 'checkin.due');
    const list = (await t.client(me).get('/api/notifications')).json();
    expect(list.notifications.map((x: { kind: string }) => x.kind)).toEqual(['checkin.due']);
    expect(list.unreadCount).toBe(1);
  });
});

describe('push subscriptions', () => {
  it('401 signed out, 422 for bad keys or a non-web address, 201 to subscribe, 404 to remove someone else’s', async () => {
    const me = await t.createUser();
    const other = await t.createUser();
    const { keys } = createPushKeys();
    const endpoint = 'https://push.example.net/send/abc';
    expect((await t.client().post('/api/notifications/push-subscriptions', { endpoint, keys })).statusCode).toBe(401);
    expect((await t.client(me).post('/api/notifications/push-subscriptions', { endpoint, keys: { p256dh: 'short', auth: keys.auth } })).statusCode).toBe(422);
    expect((await t.client(me).post('/api/notifications/push-subscriptions', { endpoint: 'ftp://push.example.net/x', keys })).statusCode).toBe(422);
    const created = await t.client(me).post('/api/notifications/push-subscriptions', { endpoint, keys });
    expect(created.statusCode).toBe(201);
    expect((await t.client(me).post('/api/notifications/push-subscriptions', { endpoint, keys })).statusCode).toBe(201);
    expect(await t.database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint))).toHaveLength(1);

    expect((await t.client().delete('/api/notifications/push-subscriptions', { endpoint })).statusCode).toBe(401);
    expect((await t.client(me).delete('/api/notifications/push-subscriptions', { endpoint: 'nope' })).statusCode).toBe(422);
    expect((await t.client(other).delete('/api/notifications/push-subscriptions', { endpoint })).statusCode).toBe(404);
    expect((await t.client(me).delete('/api/notifications/push-subscriptions', { endpoint })).statusCode).toBe(200);
    expect((await t.client(me).delete('/api/notifications/push-subscriptions', { endpoint })).statusCode).toBe(404);
  });
});

describe('what other modules send', () => {
  it('tells a thread’s author about a reply (not the replier, not their own reply)', async () => {
    const { board } = await createPublicBoard(t);
    const author = await t.createUser();
    const replier = await t.createUser();
    const thread = await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Sleep after a hard week', body: 'What helps you wind down?' });
    expect(thread.statusCode).toBe(201);
    const threadId = thread.json().id ?? thread.json().thread?.id;
    await t.client(author).post(`/api/forums/threads/${threadId}/posts`, { body: 'Adding a bit more context here.' });
    expect((await t.client(author).get('/api/notifications')).json().unreadCount).toBe(0);
    expect((await t.client(replier).post(`/api/forums/threads/${threadId}/posts`, { body: 'A warm bath and no screens helps me.' })).statusCode).toBe(201);
    const list = (await t.client(author).get('/api/notifications')).json();
    expect(list.notifications).toEqual([expect.objectContaining({ kind: 'forum.reply', url: `/forums/threads/${threadId}`, params: { threadId } })]);
    expect((await t.client(replier).get('/api/notifications')).json().unreadCount).toBe(0);
  });

  it('tells a peer supporter about a one-to-one request, with no words from it', async () => {
    const member = await t.createUser('member');
    const supporter = await t.createUser('peer_supporter');
    const requested = await t.client(member).post('/api/direct', { supporterId: supporter.id, intro: 'I would like to talk about a rough week.' });
    expect(requested.statusCode).toBe(201);
    const list = (await t.client(supporter).get('/api/notifications')).json().notifications;
    expect(list).toEqual([expect.objectContaining({ kind: 'direct.request', url: `/support/${requested.json().id}`, params: {} })]);
    expect(JSON.stringify(list)).not.toContain('rough week');
  });

  it('stores a notification given a transaction only if that transaction commits', async () => {
    const me = await t.createUser();
    await t.database.db
      .transaction(async (tx) => {
        await t.services.notifications.notifier.notify({ userId: me.id, kind: 'moderation.outcome', url: '/x' }, tx);
        throw new Error('roll back');
      })
      .catch(() => {});
    await t.database.db.transaction((tx) => t.services.notifications.notifier.notify({ userId: me.id, kind: 'moderation.outcome', url: '/y' }, tx));
    await t.jobs.runDueJobs();
    expect((await t.client(me).get('/api/notifications')).json().notifications.map((x: { url: string }) => x.url)).toEqual(['/y']);
  });
});

describe('personal data', () => {
  it('exports and then erases every notification row, preference, subscription and pending reminder of the person', async () => {
    const me = await t.createUser();
    const other = await t.createUser();
    await notify(me, 'forum.reply');
    await notify(other, 'forum.reply');
    await t.client(me).put('/api/notifications/preferences', { categories: {}, quietHours: { start: '22:00', end: '07:00' }, digestHour: 8, showDetails: false });
    await t.client(me).post('/api/notifications/push-subscriptions', { endpoint: `https://push.example.net/${me.id}`, keys: createPushKeys().keys });
    await t.database.db.transaction((tx) => t.services.notifications.notifier.schedule(tx, { userId: me.id, kind: 'checkin.due', url: '/c', dedupeKey: 'checkin:1' }, new Date(Date.now() + 86_400_000)));

    const exported = (await t.services.notifications.personalData.export(me.id)) as { items: unknown[]; preferences: unknown; subs: unknown[] };
    expect(exported.items).toHaveLength(1);
    expect(exported.preferences).toMatchObject({ quietStart: '22:00' });
    expect(exported.subs).toHaveLength(1);

    await t.database.db.transaction((tx) => t.services.notifications.personalData.erase(tx, me.id));
    expect(await t.database.db.select().from(notifications).where(eq(notifications.userId, me.id))).toEqual([]);
    expect(await t.database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.id))).toEqual([]);
    expect(await t.database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, me.id))).toEqual([]);
    const pending = await t.database.db.select().from(jobs).where(eq(jobs.queue, 'notifications.scheduled'));
    expect(pending.filter((j) => j.payload.userId === me.id)).toEqual([]);
    expect(await t.database.db.select().from(notifications).where(eq(notifications.userId, other.id))).toHaveLength(1);
  });
});
