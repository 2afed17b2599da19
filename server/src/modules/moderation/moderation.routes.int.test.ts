import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupRoom, createDirectRoom, insertGroup, insertMembership, insertSession, sendMessage } from '../../test/factories/chat.ts';
import { createPublicBoard } from '../../test/factories/forums.ts';
import { flag, setTrust } from '../../test/factories/moderation.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';

let t: TestServer;
const ID = '01890000-0000-7000-8000-000000000000';
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

type Route = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown; bad?: { url?: string; body?: unknown } };

/** Every moderation route, with a request that fails validation (422). */
const ROUTES: Route[] = [
  { method: 'POST', url: '/api/moderation/flags', body: { targetKind: 'chat_message', targetId: ID, reason: 'spam' }, bad: { body: { targetKind: 'x', targetId: 'nope', reason: 'spam' } } },
  { method: 'GET', url: '/api/moderation/flags/mine' },
  { method: 'POST', url: '/api/moderation/precheck', body: { text: 'hi' }, bad: { body: { text: 5 } } },
  { method: 'GET', url: '/api/moderation/me' },
  { method: 'POST', url: '/api/moderation/me/visit', body: {}, bad: { body: { postsRead: 25 } } },
  { method: 'GET', url: '/api/moderation/me/decisions', bad: { url: '/api/moderation/me/decisions?limit=0' } },
  { method: 'GET', url: '/api/moderation/notices' },
  { method: 'POST', url: '/api/moderation/notices/read', body: {} },
  { method: 'POST', url: `/api/moderation/actions/${ID}/appeal`, body: { statement: 'I think this was a mistake, sorry.' }, bad: { url: '/api/moderation/actions/nope/appeal' } },
  { method: 'GET', url: '/api/moderation/blocks' },
  { method: 'POST', url: '/api/moderation/blocks', body: { userId: ID, kind: 'block' }, bad: { body: { userId: ID, kind: 'shun' } } },
  { method: 'DELETE', url: `/api/moderation/blocks/block/${ID}`, bad: { url: '/api/moderation/blocks/block/nope' } },
  { method: 'GET', url: '/api/moderation/public-log', bad: { url: '/api/moderation/public-log?groupId=nope' } },
  { method: 'POST', url: `/api/moderation/live/rooms/${ID}/messages/${ID}/remove`, body: {}, bad: { url: `/api/moderation/live/rooms/nope/messages/${ID}/remove` } },
  { method: 'GET', url: `/api/moderation/live/sessions/${ID}/mutes`, bad: { url: '/api/moderation/live/sessions/nope/mutes' } },
  { method: 'POST', url: `/api/moderation/live/sessions/${ID}/mutes`, body: { userId: ID }, bad: { body: { userId: 'nope' } } },
  { method: 'POST', url: `/api/moderation/live/sessions/${ID}/unmute`, body: { userId: ID }, bad: { body: {} } },
  { method: 'POST', url: `/api/moderation/live/sessions/${ID}/end`, body: {}, bad: { url: '/api/moderation/live/sessions/nope/end' } },
  { method: 'GET', url: '/api/moderation/queue' },
  { method: 'GET', url: `/api/moderation/items/${ID}`, bad: { url: '/api/moderation/items/nope' } },
  { method: 'POST', url: `/api/moderation/items/${ID}/actions`, body: { action: 'dismiss', reason: 'fine' }, bad: { body: { action: 'smite', reason: 'x' } } },
  { method: 'POST', url: `/api/moderation/items/${ID}/notes`, body: { body: 'note' }, bad: { body: { body: '' } } },
  { method: 'GET', url: '/api/moderation/appeals' },
  { method: 'POST', url: `/api/moderation/appeals/${ID}/decide`, body: { decision: 'denied', note: 'kept' }, bad: { body: { decision: 'maybe', note: 'x' } } },
  { method: 'GET', url: '/api/moderation/log', bad: { url: '/api/moderation/log?limit=0' } },
  { method: 'GET', url: '/api/moderation/dashboard', bad: { url: '/api/moderation/dashboard?days=0' } },
  { method: 'GET', url: '/api/moderation/settings' },
  { method: 'PUT', url: '/api/moderation/settings', body: { hideThreshold: 5 }, bad: { body: { hideThreshold: 0 } } },
  { method: 'PUT', url: `/api/moderation/groups/${ID}/settings`, body: { premoderateNewMembers: true }, bad: { body: { premoderateNewMembers: 'yes' } } },
  { method: 'GET', url: '/api/moderation/watched-words' },
  { method: 'POST', url: '/api/moderation/watched-words', body: { pattern: 'casino', action: 'block' }, bad: { body: { pattern: '<b>', action: 'block' } } },
  { method: 'PATCH', url: `/api/moderation/watched-words/${ID}`, body: { action: 'flag' }, bad: { body: { action: 'nuke' } } },
  { method: 'DELETE', url: `/api/moderation/watched-words/${ID}`, bad: { url: '/api/moderation/watched-words/nope' } },
  { method: 'PUT', url: `/api/moderation/people/${ID}/trust`, body: { level: 'member', reason: 'known' }, bad: { body: { level: 'god', reason: 'x' } } },
];

/** Routes only moderators (or facilitators, for live controls) may use: a member gets 404 (or 403). */
const STAFF_ONLY = ROUTES.filter((r) => /queue|items|appeals\/|appeals$|\/log|dashboard|settings|watched-words|people|live/.test(r.url));

const call = (user: TestUser | undefined, r: Route, override?: Route['bad']) =>
  t.client(user).request(r.method, override?.url ?? r.url, override?.body ?? r.body);

describe('every moderation route', () => {
  it('answers 401 to anonymous requests', async () => {
    for (const r of ROUTES) expect([r.url, (await call(undefined, r)).statusCode]).toEqual([r.url, 401]);
  });

  it('hides moderator routes from members (404, or 403 where the resource is not private)', async () => {
    const member = await t.createUser();
    for (const r of STAFF_ONLY) expect([r.url, [403, 404].includes((await call(member, r)).statusCode)]).toEqual([r.url, true]);
  });

  it('answers 422 listing the bad fields', async () => {
    const moderator = await t.createUser('moderator');
    for (const r of ROUTES.filter((x) => x.bad)) {
      const res = await call(moderator, r, r.bad);
      expect([r.url, res.statusCode]).toEqual([r.url, 422]);
    }
  });
});

describe('happy paths', () => {
  it('lets a moderator keep watched words that block, hold, flag or censor', async () => {
    const moderator = await t.createUser('moderator');
    const added = await t.client(moderator).post('/api/moderation/watched-words', { pattern: 'miracle cure', action: 'require_approval' });
    expect(added.statusCode).toBe(201);
    expect((await t.client(moderator).post('/api/moderation/watched-words', { pattern: 'Miracle Cure', action: 'block' })).statusCode).toBe(409);
    const author = await t.createUser();
    const { roomId } = await createGroupRoom(t, [author]);
    const held = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'w1', body: 'I found a miracle cure for anxiety' });
    expect(held.json()).toMatchObject({ moderation: { kind: 'held' }, hidden: true, body: 'I found a miracle cure for anxiety' });
    expect((await t.client(moderator).patch(`/api/moderation/watched-words/${added.json().id}`, { action: 'block' })).json().action).toBe('block');
    expect((await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'w2', body: 'miracle cure again' })).json().error.code).toBe('blocked_word');
    expect((await t.client(moderator).get('/api/moderation/watched-words')).json().words).toHaveLength(1);
    expect((await t.client(moderator).delete(`/api/moderation/watched-words/${added.json().id}`)).statusCode).toBe(200);
  });

  it('asks an author to edit, and their edit brings the message back; they may appeal once, decided by a different moderator', async () => {
    const [author, reporter] = [await t.createUser(), await t.createUser()];
    const [mod1, mod2] = [await t.createUser('moderator'), await t.createUser('moderator')];
    const { roomId } = await createGroupRoom(t, [author, reporter]);
    const message = await sendMessage(t, author, roomId, 'You should just double your dose, that is what I did');
    await flag(t, reporter, 'chat_message', message.id, 'unsafe_advice');
    const itemId = (await t.client(mod1).get('/api/moderation/queue')).json().items.find((i: { targetId: string }) => i.targetId === message.id).id;
    expect((await t.client(mod1).post(`/api/moderation/items/${itemId}/notes`, { body: 'Second time giving dose advice' })).statusCode).toBe(201);
    expect((await t.client(mod1).post(`/api/moderation/items/${itemId}/actions`, { action: 'mute', reason: 'x' })).statusCode).toBe(422);
    expect((await t.client(mod1).post(`/api/moderation/items/${itemId}/actions`, { action: 'ask_edit', reason: 'Please do not advise on doses' })).statusCode).toBe(200);
    expect((await t.client(mod2).post(`/api/moderation/items/${itemId}/actions`, { action: 'dismiss', reason: 'again' })).statusCode).toBe(409);
    expect((await t.client(reporter).get(`/api/rooms/${roomId}/messages`)).json().messages.at(-1).hidden).toBe(true);

    const notice = (await t.client(author).get('/api/moderation/notices')).json().notices[0];
    expect(notice).toMatchObject({ kind: 'edit_requested', abilities: { edit: true, appeal: true } });
    const edited = await t.client(author).patch(`/api/rooms/${roomId}/messages/${message.id}`, { body: 'Talking to my pharmacist about my dose really helped' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().hidden).toBeUndefined();
    expect((await t.client(reporter).get(`/api/rooms/${roomId}/messages`)).json().messages.at(-1).body).toMatch(/pharmacist/);

    const appeal = await t.client(author).post(`/api/moderation/actions/${notice.action.id}/appeal`, { statement: 'I was only sharing my own experience.' });
    expect(appeal.statusCode).toBe(201);
    expect((await t.client(author).post(`/api/moderation/actions/${notice.action.id}/appeal`, { statement: 'Asking a second time, please.' })).statusCode).toBe(409);
    expect((await t.client(reporter).post(`/api/moderation/actions/${notice.action.id}/appeal`, { statement: 'Not my decision to appeal.' })).statusCode).toBe(404);
    expect((await t.client(mod1).get('/api/moderation/appeals')).json().appeals[0].abilities.decide).toBe(false);
    expect((await t.client(mod1).post(`/api/moderation/appeals/${appeal.json().id}/decide`, { decision: 'granted', note: 'looks fine' })).statusCode).toBe(403);
    const decided = await t.client(mod2).post(`/api/moderation/appeals/${appeal.json().id}/decide`, { decision: 'granted', note: 'Sharing experience is fine' });
    expect(decided.json().status).toBe('granted');
    expect((await t.client(author).get('/api/moderation/notices')).json().notices[0]).toMatchObject({ kind: 'appeal_decided', params: { decision: 'granted' } });
    const dashboard = (await t.client(mod2).get('/api/moderation/dashboard')).json();
    expect(dashboard.flagToAction.decided).toBeGreaterThan(0);
    expect(dashboard.appeals.granted).toBeGreaterThan(0);
    expect(dashboard.upheldRate).not.toBeNull();
  });

  it('suspends a person: signed out, and sign-in says why; a ban is enforced the same way', async () => {
    const [author, reporter] = [await t.createUser(), await t.createUser()];
    const moderator = await t.createUser('moderator');
    await flag(t, reporter, 'profile', author.id, 'spam');
    const itemId = (await t.client(moderator).get('/api/moderation/queue')).json().items.find((i: { targetId: string }) => i.targetId === author.id).id;
    const detail = (await t.client(moderator).get(`/api/moderation/items/${itemId}`)).json();
    expect(detail.targetKind).toBe('profile');
    expect((await t.client(moderator).post(`/api/moderation/items/${itemId}/actions`, { action: 'suspend', durationHours: 24, reason: 'Advertising' })).statusCode).toBe(200);
    expect((await t.client(author).get('/api/moderation/me')).statusCode).toBe(401);
    const signIn = await t.client().post('/api/auth/sign-in', { pseudonym: author.pseudonym, password: author.password });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json().error.code).toBe('suspended');
  });

  it('lets helpers hide spam from new members at once, and sends worry reports to on-call instead of the queue', async () => {
    const [spammer, helper, worried] = [await t.createUser(), await t.createUser(), await t.createUser()];
    await setTrust(t, helper, 'helper');
    const { board } = await createPublicBoard(t);
    const thread = await t.client(spammer).post(`/api/forums/boards/${board.id}/threads`, { title: 'Great deals', body: 'Cheap watches for everyone here' });
    const postId = thread.json().posts[0].id;
    expect((await flag(t, helper, 'forum_post', postId, 'spam')).hidden).toBe(true);
    expect((await t.client(worried).get(`/api/forums/threads/${thread.json().thread.id}`)).statusCode).toBe(404);

    const sad = await t.client(spammer).post(`/api/forums/boards/${board.id}/threads`, { title: 'Sorry', body: 'Nothing matters anymore anyway.' });
    const sadPostId = sad.json().posts[0].id;
    const worry = await flag(t, worried, 'forum_post', sadPostId, 'worried', { urgent: true, note: 'They seem very low' });
    expect(worry).toMatchObject({ status: 'sent_to_safety', caseOpened: true });
    const clinician = await t.createUser('clinician');
    const cases = (await t.client(clinician).get('/api/safety/cases')).json().cases;
    expect(cases.find((c: { subject: { id: string } }) => c.subject.id === spammer.id)).toMatchObject({ level: 'urgent' });
    const moderator = await t.createUser('moderator');
    const queued = (await t.client(moderator).get('/api/moderation/queue')).json().items.map((i: { targetId: string }) => i.targetId);
    expect(queued).not.toContain(sadPostId);
  });

  it('pre-moderates a new member\u2019s first posts where the group asks, and a moderator approves them', async () => {
    const [newcomer, facilitator] = [await t.createUser(), await t.createUser('facilitator')];
    const group = await insertGroup(t);
    await insertMembership(t, group.id, newcomer);
    await insertMembership(t, group.id, facilitator, { role: 'facilitator' });
    expect((await t.client(newcomer).put(`/api/moderation/groups/${group.id}/settings`, { premoderateNewMembers: true })).statusCode).toBe(404);
    expect((await t.client(facilitator).put(`/api/moderation/groups/${group.id}/settings`, { premoderateNewMembers: true })).statusCode).toBe(200);
    const roomId = (await t.client(newcomer).get(`/api/groups/${group.id}/room`)).json().roomId;
    const first = await t.client(newcomer).post(`/api/rooms/${roomId}/messages`, { clientId: 'p1', body: 'Hello, I am new here' });
    expect(first.json()).toMatchObject({ moderation: { kind: 'held' }, hidden: true });
    expect((await t.client(newcomer).post(`/api/rooms/${roomId}/messages`, { clientId: 'p2', body: 'see www.example.com' })).json().error.code).toBe('new_member_link');
    const moderator = await t.createUser('moderator');
    const itemId = (await t.client(moderator).get('/api/moderation/queue')).json().items.find((i: { targetId: string }) => i.targetId === first.json().id).id;
    expect((await t.client(moderator).post(`/api/moderation/items/${itemId}/actions`, { action: 'dismiss', reason: 'Welcome!' })).json().action).toBe('approve');
    expect((await t.client(facilitator).get(`/api/rooms/${roomId}/messages`)).json().messages.at(-1).body).toBe('Hello, I am new here');
  });

  it('lets anyone block or mute; a blocked person cannot ask the blocker for a one-to-one conversation', async () => {
    const [member, supporter] = [await t.createUser(), await t.createUser('peer_supporter')];
    expect((await t.client(supporter).post('/api/moderation/blocks', { userId: supporter.id, kind: 'block' })).statusCode).toBe(422);
    const blocked = await t.client(supporter).post('/api/moderation/blocks', { userId: member.id, kind: 'block' });
    expect(blocked.json().blocks).toEqual([expect.objectContaining({ userId: member.id, kind: 'block' })]);
    const ask = await t.client(member).post('/api/direct', { supporterId: supporter.id, intro: 'Could we talk?' });
    expect(ask.statusCode).toBe(403);
    expect((await t.client(supporter).delete(`/api/moderation/blocks/block/${member.id}`)).json().blocks).toEqual([]);
    expect((await t.client(member).post('/api/moderation/blocks', { userId: supporter.id, kind: 'mute' })).json().blocks[0].kind).toBe('mute');
    const { roomId } = await createDirectRoom(t, member, supporter);
    const asks = await t.client(supporter).post(`/api/rooms/${roomId}/messages`, { clientId: 'a1', body: "What's your number? I can text you later" });
    expect(asks.json().error.code).toBe('asks_for_contact');
  });

  it('gives facilitators live-session controls: remove a message, pause a participant, end the session', async () => {
    const [facilitator, member, other] = [await t.createUser('facilitator'), await t.createUser(), await t.createUser()];
    const group = await insertGroup(t);
    await insertMembership(t, group.id, facilitator, { role: 'facilitator' });
    await insertMembership(t, group.id, member);
    const session = await insertSession(t, group.id, { startsInMinutes: -5 });
    const roomId = (await t.client(member).get(`/api/sessions/${session.id}/room`)).json().roomId;
    const message = await sendMessage(t, member, roomId, 'off topic rant');
    expect((await t.client(other).post(`/api/moderation/live/rooms/${roomId}/messages/${message.id}/remove`, {})).statusCode).toBe(404);
    expect((await t.client(facilitator).post(`/api/moderation/live/rooms/${roomId}/messages/${message.id}/remove`, { reason: 'Off topic' })).statusCode).toBe(200);
    expect((await t.client(facilitator).get(`/api/rooms/${roomId}/messages`)).json().messages.at(-1).hidden).toBe(true);

    expect((await t.client(facilitator).post(`/api/moderation/live/sessions/${session.id}/mutes`, { userId: other.id })).statusCode).toBe(422);
    expect((await t.client(facilitator).post(`/api/moderation/live/sessions/${session.id}/mutes`, { userId: member.id })).json().mutedUserIds).toEqual([member.id]);
    expect((await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'm2', body: 'hello?' })).json().error.code).toBe('session_muted');
    expect((await t.client(facilitator).get(`/api/moderation/live/sessions/${session.id}/mutes`)).json()).toEqual({ mutedUserIds: [member.id], people: [{ userId: member.id, displayName: expect.stringMatching(/./) }] });
    expect((await t.client(facilitator).post(`/api/moderation/live/sessions/${session.id}/unmute`, { userId: member.id })).json().mutedUserIds).toEqual([]);
    expect((await t.client(member).post(`/api/moderation/live/sessions/${session.id}/end`, {})).statusCode).toBe(404);
    expect((await t.client(facilitator).post(`/api/moderation/live/sessions/${session.id}/end`, {})).statusCode).toBe(200);
    expect((await t.client(member).get(`/api/sessions/${session.id}/room`)).json().open).toBe(false);
  });

  it('earns trust by visiting, and shows my standing; settings and the public summary answer', async () => {
    const member = await t.createUser();
    const me = await t.client(member).post('/api/moderation/me/visit', {});
    expect(me.json()).toMatchObject({ trustLevel: 'new', progress: { daysVisited: 1, postsRead: 0 }, restrictions: { noLinks: true } });
    const moderator = await t.createUser('moderator');
    expect((await t.client(moderator).put('/api/moderation/settings', { trustThresholds: { member: { daysVisited: 1, postsRead: 0, reactionsReceived: 0 }, trusted: { daysVisited: 10, postsRead: 100, reactionsReceived: 3 }, helper: { daysVisited: 50, postsRead: 500, reactionsReceived: 20 } } })).statusCode).toBe(200);
    expect((await t.client(member).post('/api/moderation/me/visit', {})).json().trustLevel).toBe('member');
    expect((await t.client(member).get('/api/moderation/me')).json().next.level).toBe('trusted');
    expect((await t.client(moderator).get('/api/moderation/settings')).json().hideThreshold).toBe(5);
    expect((await t.client(member).get('/api/moderation/public-log')).statusCode).toBe(200);
    expect((await t.client(member).post('/api/moderation/notices/read', {})).statusCode).toBe(200);
  });
});
