import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupRoom, sendMessage } from '../../test/factories/chat.ts';
import { createPublicBoard } from '../../test/factories/forums.ts';
import { flag, setModerationSettings } from '../../test/factories/moderation.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';

const DAY_MS = 86_400_000;
let offset = 0;
let t: TestServer;
beforeAll(async () => {
  // The clock can move on a day, to count visits on separate days.
  t = await createTestServer({ now: () => new Date(Date.now() + offset) });
});
afterAll(() => t.close());

const postsRead = async (user: TestUser) => (await t.client(user).get('/api/moderation/me')).json().progress.postsRead as number;

describe('posts read, counted by the server', () => {
  it('counts the messages a room history delivers once each, never the reader\u2019s own, and not again on reload or paging back', async () => {
    const [writer, reader] = [await t.createUser(), await t.createUser()];
    const { roomId } = await createGroupRoom(t, [writer, reader]);
    for (const words of ['one', 'two', 'three']) await sendMessage(t, writer, roomId, `Message ${words} from the writer`);
    await sendMessage(t, reader, roomId, 'My own message');

    expect((await t.client(reader).get(`/api/rooms/${roomId}/messages`)).statusCode).toBe(200);
    expect(await postsRead(reader)).toBe(3);
    await t.client(reader).get(`/api/rooms/${roomId}/messages`);
    expect(await postsRead(reader)).toBe(3);

    const latest = (await t.client(reader).get(`/api/rooms/${roomId}/messages`)).json().lastSeq as number;
    await sendMessage(t, writer, roomId, 'Message four from the writer');
    await sendMessage(t, writer, roomId, 'Message five from the writer');
    await t.client(reader).get(`/api/rooms/${roomId}/messages?after=${latest}`);
    expect(await postsRead(reader)).toBe(5);
    await t.client(reader).get(`/api/rooms/${roomId}/messages?before=3`);
    expect(await postsRead(reader)).toBe(5);
    // The writer read only the reader's one message.
    await t.client(writer).get(`/api/rooms/${roomId}/messages`);
    expect(await postsRead(writer)).toBe(1);
  });

  it('counts the posts of a forum thread a member opens, but not hidden ones, and not for someone who may not read it', async () => {
    const [author, replier, reader, spotter] = [await t.createUser(), await t.createUser(), await t.createUser(), await t.createUser('moderator')];
    const { board } = await createPublicBoard(t);
    const thread = (await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Sleep', body: 'What helps you wind down at night?' })).json();
    await t.client(replier).post(`/api/forums/threads/${thread.thread.id}/posts`, { body: 'A warm shower and no screens after ten.' });
    const spam = (await t.client(replier).post(`/api/forums/threads/${thread.thread.id}/posts`, { body: 'Buy cheap watches at my shop today' })).json();
    await flag(t, spotter, 'forum_post', spam.id ?? spam.post?.id, 'spam');
    const item = (await t.client(spotter).get('/api/moderation/queue')).json().items[0];
    await t.client(spotter).post(`/api/moderation/items/${item.id}/actions`, { action: 'hide', reason: 'Spam' });

    expect((await t.client(reader).get(`/api/forums/threads/${thread.thread.id}`)).statusCode).toBe(200);
    expect(await postsRead(reader)).toBe(2);
    const elsewhere = await t.services.orgs.createOrg(null, { name: 'Other Org', slug: `other-${Date.now()}`, country: 'US', timezone: 'UTC' });
    const outsider = await t.createUser('member', { orgId: elsewhere.id });
    expect((await t.client(outsider).get(`/api/forums/threads/${thread.thread.id}`)).statusCode).toBe(404);
    expect(await postsRead(outsider)).toBe(0);
  });

  it('promotes a member once days visited and posts read both meet the organization\u2019s thresholds', async () => {
    await setModerationSettings(t, {
      trustThresholds: {
        member: { daysVisited: 2, postsRead: 2, reactionsReceived: 0 },
        trusted: { daysVisited: 30, postsRead: 300, reactionsReceived: 10 },
        helper: { daysVisited: 90, postsRead: 900, reactionsReceived: 30 },
      },
    });
    const [writer, reader] = [await t.createUser(), await t.createUser()];
    const { roomId } = await createGroupRoom(t, [writer, reader]);
    await sendMessage(t, writer, roomId, 'Welcome, glad you are here');
    await sendMessage(t, writer, roomId, 'Take your time settling in');

    expect((await t.client(reader).post('/api/moderation/me/visit', {})).json()).toMatchObject({ trustLevel: 'new', progress: { daysVisited: 1 } });
    expect((await t.client(reader).post('/api/moderation/me/visit', {})).json().progress.daysVisited).toBe(1);
    offset += DAY_MS;
    try {
      expect((await t.client(reader).post('/api/moderation/me/visit', {})).json()).toMatchObject({ trustLevel: 'new', progress: { daysVisited: 2, postsRead: 0 } });
      await t.client(reader).get(`/api/rooms/${roomId}/messages`);
      expect((await t.client(reader).get('/api/moderation/me')).json()).toMatchObject({ trustLevel: 'member', progress: { postsRead: 2 } });
    } finally {
      offset -= DAY_MS;
    }
  });

  it('refuses a visit that reports its own posts read (the server counts them)', async () => {
    const member = await t.createUser();
    const res = await t.client(member).post('/api/moderation/me/visit', { postsRead: 200 });
    expect(res.statusCode).toBe(422);
    expect(await postsRead(member)).toBe(0);
  });
});

describe('my decisions', () => {
  it('lists decisions about me with one appeal each, and never someone else\u2019s', async () => {
    const [author, reporter, bystander] = [await t.createUser(), await t.createUser(), await t.createUser()];
    const moderator = await t.createUser('moderator');
    const { roomId, group } = await createGroupRoom(t, [author, reporter]);
    const message = await sendMessage(t, author, roomId, 'Nobody here cares about you at all');
    await flag(t, reporter, 'chat_message', message.id);
    const itemId = (await t.client(moderator).get('/api/moderation/queue')).json().items.find((i: { targetId: string }) => i.targetId === message.id).id;
    await t.client(moderator).post(`/api/moderation/items/${itemId}/actions`, { action: 'warn', reason: 'Please be kind', template: Object.keys((await t.client(moderator).get(`/api/moderation/items/${itemId}`)).json().templates)[0] });

    expect((await t.client().get('/api/moderation/me/decisions')).statusCode).toBe(401);
    expect((await t.client(author).get('/api/moderation/me/decisions?limit=1000')).statusCode).toBe(422);
    const mine = (await t.client(author).get('/api/moderation/me/decisions')).json().decisions;
    expect(mine).toEqual([expect.objectContaining({ action: 'warn', reason: 'Please be kind', appeal: null, abilities: { appeal: true } })]);
    expect((await t.client(bystander).get('/api/moderation/me/decisions')).json().decisions).toEqual([]);
    expect((await t.client(reporter).get('/api/moderation/me/decisions')).json().decisions).toEqual([]);

    await t.client(author).post(`/api/moderation/actions/${mine[0].id}/appeal`, { statement: 'I was quoting what someone said to me.' });
    const after = (await t.client(author).get('/api/moderation/me/decisions')).json().decisions[0];
    expect(after).toMatchObject({ appeal: { status: 'pending' }, abilities: { appeal: false } });

    // The notice about the warning links back to the conversation: its room, group and kind of room.
    const notice = (await t.client(author).get('/api/moderation/notices')).json().notices.find((n: { kind: string }) => n.kind === 'warning');
    expect(notice.content).toMatchObject({ kind: 'chat_message', roomId, groupId: group.id, roomKind: 'group', sessionId: null });
  });
});
