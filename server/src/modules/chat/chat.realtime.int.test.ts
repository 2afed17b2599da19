import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '@hearth/contracts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';
import {
  connectLive,
  createDirectRoom,
  createGroupRoom,
  insertGroup,
  insertMembership,
  insertSession,
  receivedMessages,
  sendMessage,
  type LiveClient,
} from '../../test/factories/chat.ts';
import WebSocket from 'ws';
import { BACKLOG_LIMIT } from './chat.messages.ts';

let t: TestServer;
let baseUrl: string;
const open: LiveClient[] = [];

beforeAll(async () => {
  t = await createTestServer();
  baseUrl = await t.listen();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});
afterAll(async () => t.close());

async function connect(user?: Parameters<typeof connectLive>[1]) {
  const client = await connectLive(baseUrl, user);
  open.push(client);
  return client;
}

const isCreated = (roomId: string, seq: number) => (e: ServerEvent) => e.type === 'message.created' && e.room === `room:${roomId}` && e.seq === seq;

describe('live delivery', () => {
  it('shows two members each other\'s messages as they are sent', async () => {
    const a = await t.createUser('member', { displayName: 'Ash' });
    const b = await t.createUser('member', { displayName: 'Bea' });
    const { roomId } = await createGroupRoom(t, [a, b]);
    const liveA = await connect(a);
    const liveB = await connect(b);
    expect((await liveA.subscribe(`room:${roomId}`)).type).toBe('subscribed');
    expect((await liveB.subscribe(`room:${roomId}`)).type).toBe('subscribed');

    const fromA = await sendMessage(t, a, roomId, 'Hello from Ash');
    const seenByB = await liveB.waitFor(isCreated(roomId, fromA.seq));
    expect(seenByB).toMatchObject({ type: 'message.created', seq: 1, message: { body: 'Hello from Ash', author: { id: a.id, displayName: 'Ash' } } });
    const fromB = await sendMessage(t, b, roomId, 'Hi Ash');
    await liveA.waitFor(isCreated(roomId, fromB.seq));
    await Promise.all([liveA.flush(), liveB.flush()]);
    expect(receivedMessages(liveA, roomId).map((m) => m.body)).toEqual(['Hello from Ash', 'Hi Ash']);
    expect(receivedMessages(liveB, roomId).map((m) => m.body)).toEqual(['Hello from Ash', 'Hi Ash']);
  });

  it('sends a message fanned out to the room as a text frame, as browsers expect', async () => {
    const [a, b, c] = [await t.createUser(), await t.createUser(), await t.createUser()];
    const { roomId } = await createGroupRoom(t, [a, b, c]);
    const frames: Array<{ user: string; isBinary: boolean; event: ServerEvent }> = [];
    const sockets = await Promise.all([b, c].map((user) => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws`, { headers: { cookie: `hearth_sid=${user.cookie}` } });
      ws.on('message', (data, isBinary) => {
        const event = JSON.parse(data.toString()) as ServerEvent;
        frames.push({ user: user.id, isBinary, event });
        if (event.type === 'subscribed') resolve(ws);
      });
      ws.once('open', () => ws.send(JSON.stringify({ type: 'subscribe', room: `room:${roomId}` })));
      ws.once('error', reject);
    })));
    const sent = await sendMessage(t, a, roomId, 'Plain words for everyone');
    await expect.poll(() => frames.filter((f) => f.event.type === 'message.created').length).toBe(2);
    const created = frames.filter((f) => f.event.type === 'message.created');
    expect(created.map((f) => f.user).sort()).toEqual([b.id, c.id].sort());
    for (const f of created) {
      expect(f.isBinary).toBe(false);
      expect(f.event).toMatchObject({ type: 'message.created', seq: sent.seq, message: { body: 'Plain words for everyone' } });
    }
    for (const ws of sockets) ws.close();
  });

  it('publishes edits and deletions as message.updated', async () => {
    const a = await t.createUser();
    const b = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a, b]);
    const liveB = await connect(b);
    await liveB.subscribe(`room:${roomId}`);
    const message = await sendMessage(t, a, roomId, 'typo hre');
    await t.client(a).patch(`/api/rooms/${roomId}/messages/${message.id}`, { body: 'typo here' });
    const edited = await liveB.waitFor((e) => e.type === 'message.updated' && e.message.body === 'typo here');
    expect(edited).toMatchObject({ message: { id: message.id, seq: message.seq } });
    await t.client(a).delete(`/api/rooms/${roomId}/messages/${message.id}`);
    const deleted = await liveB.waitFor((e) => e.type === 'message.updated' && e.message.deletedAt !== null);
    expect(deleted).toMatchObject({ message: { id: message.id, body: '' } });
  });

  it('delivers an event that arrives out of order, and drops a repeated one', async () => {
    const a = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a]);
    const live = await connect(a);
    await live.subscribe(`room:${roomId}`);
    const m1 = await sendMessage(t, a, roomId, 'one');
    const m2 = await sendMessage(t, a, roomId, 'two');
    await live.waitFor(isCreated(roomId, m2.seq));
    // Replays as another node might deliver them: a later seq first, then an earlier one not yet seen, then a repeat.
    const room = `room:${roomId}`;
    await t.hub.publish(room, { type: 'message.created', seq: 4, message: { ...m2, seq: 4, id: 'four', body: 'four' } });
    await t.hub.publish(room, { type: 'message.created', seq: 3, message: { ...m2, seq: 3, id: 'three', body: 'three' } });
    await t.hub.publish(room, { type: 'message.created', seq: 3, message: { ...m2, seq: 3, id: 'three', body: 'three' } });
    await t.hub.publish(room, { type: 'message.created', seq: m1.seq, message: m1 });
    await live.flush();
    expect(receivedMessages(live, roomId).map((m) => m.seq)).toEqual([1, 2, 4, 3]);
  });
});

describe('reconnecting', () => {
  it('gives a client that drops and comes back with `after` every missed message exactly once, while others keep sending', async () => {
    const a = await t.createUser();
    const b = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a, b]);
    const room = `room:${roomId}`;
    let sent = 0;
    const send = () => sendMessage(t, b, roomId, `message ${++sent}`);

    let liveA = await connect(a);
    await liveA.subscribe(room);
    await send();
    await send();
    await liveA.waitFor(isCreated(roomId, 2));
    const seen = new Map<number, number>();
    const record = (client: LiveClient) => {
      for (const m of receivedMessages(client, roomId)) seen.set(m.seq, (seen.get(m.seq) ?? 0) + 1);
    };

    for (let round = 0; round < 4; round++) {
      const lastSeq = Math.max(...receivedMessages(liveA, roomId).map((m) => m.seq));
      record(liveA);
      await liveA.close();
      // Messages sent while A is away...
      await send();
      await send();
      liveA = await connect(a);
      // ...and while A is catching up: the backlog read and the live fan-out race.
      const sending = Promise.all([send(), send(), send()]);
      const subscribed = await liveA.subscribe(room, lastSeq);
      expect(subscribed.type).toBe('subscribed');
      await sending;
      await liveA.waitFor(isCreated(roomId, sent));
      await liveA.flush();
      const seqs = receivedMessages(liveA, roomId).map((m) => m.seq);
      expect(new Set(seqs).size, `round ${round}: no duplicates`).toBe(seqs.length);
      expect([...seqs].sort((x, y) => x - y), `round ${round}: nothing missed`).toEqual(Array.from({ length: sent - lastSeq }, (_, i) => lastSeq + 1 + i));
    }
    record(liveA);
    expect([...seen.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: sent }, (_, i) => i + 1));
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('sends everything after 0 to a client that asks for it, and the bodies as stored', async () => {
    const a = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a]);
    await sendMessage(t, a, roomId, 'first');
    const second = await sendMessage(t, a, roomId, 'second');
    await t.client(a).delete(`/api/rooms/${roomId}/messages/${second.id}`);
    const live = await connect(a);
    await live.subscribe(`room:${roomId}`, 0);
    await live.waitFor(isCreated(roomId, 2));
    expect(receivedMessages(live, roomId).map((m) => [m.seq, m.body, m.deletedAt !== null])).toEqual([
      [1, 'first', false],
      [2, '', true],
    ]);
  });

  it('caps a very long catch-up and asks the app to page the rest over HTTP', async () => {
    const a = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a]);
    const ciphertext = createFieldCipher('0'.repeat(64)).encrypt('catching up');
    const total = BACKLOG_LIMIT + 5;
    await t.database.pool.query(
      `insert into messages (id, room_id, seq, author_id, client_id, body_ciphertext)
       select gen_random_uuid(), $1, s, $2, 'bulk-' || s, $3 from generate_series(1, $4::int) s`,
      [roomId, a.id, ciphertext, total],
    );
    await t.database.pool.query(`update rooms set last_seq = $2 where id = $1`, [roomId, total]);
    const live = await connect(a);
    await live.subscribe(`room:${roomId}`, 0);
    const invalidate = await live.waitFor((e) => e.type === 'invalidate');
    expect(invalidate).toMatchObject({ keys: ['messages'] });
    const seqs = receivedMessages(live, roomId).map((m) => m.seq);
    expect(seqs).toHaveLength(BACKLOG_LIMIT);
    expect(seqs[seqs.length - 1]).toBe(BACKLOG_LIMIT);
    const rest = (await t.client(a).get(`/api/rooms/${roomId}/messages?after=${BACKLOG_LIMIT}`)).json();
    expect(rest.messages.map((m: { seq: number }) => m.seq)).toEqual([501, 502, 503, 504, 505]);
  });
});

describe('who may join', () => {
  it('refuses an outsider\'s subscribe and sends them nothing from the room', async () => {
    const member = await t.createUser();
    const outsider = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    const live = await connect(outsider);
    const reply = await live.subscribe(`room:${roomId}`, 0);
    expect(reply).toMatchObject({ type: 'error', code: 'not_found', room: `room:${roomId}` });
    live.send({ type: 'typing', room: `room:${roomId}` });
    const watcher = await connect(member);
    await watcher.subscribe(`room:${roomId}`);
    await sendMessage(t, member, roomId, 'members only');
    await watcher.waitFor(isCreated(roomId, 1));
    await Promise.all([live.flush(), watcher.flush()]);
    expect(live.events.filter((e) => e.type !== 'error' && e.type !== 'pong')).toEqual([]);
    expect(watcher.events.some((e) => e.type === 'typing')).toBe(false);
  });

  it('refuses rooms that are not uuids, unknown scopes and unknown rooms alike', async () => {
    const live = await connect(await t.createUser());
    for (const room of ['room:not-a-uuid', 'nothing:abc', 'room:01900000-0000-7000-8000-000000000000']) {
      expect(await live.subscribe(room)).toMatchObject({ type: 'error', code: 'not_found' });
    }
  });

  it('keeps the session live room closed before the 15-minute window, and opens it inside', async () => {
    const member = await t.createUser();
    const group = await insertGroup(t);
    await insertMembership(t, group.id, member);
    const later = await insertSession(t, group.id, { startsInMinutes: 30 });
    const soon = await insertSession(t, group.id, { startsInMinutes: 14 });
    const closedRoom = (await t.client(member).get(`/api/sessions/${later.id}/room`)).json();
    const openRoom = (await t.client(member).get(`/api/sessions/${soon.id}/room`)).json();
    const live = await connect(member);
    expect(await live.subscribe(`room:${closedRoom.roomId}`)).toMatchObject({ type: 'error', code: 'not_found' });
    expect(await live.subscribe(`room:${openRoom.roomId}`)).toMatchObject({ type: 'subscribed' });
  });

  it('lets only the two participants into a one-to-one room', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    const { roomId, conversationId } = await createDirectRoom(t, member, supporter);
    const liveMember = await connect(member);
    const liveSupporter = await connect(supporter);
    const other = await connect(await t.createUser('peer_supporter'));
    expect(await liveMember.subscribe(`room:${roomId}`)).toMatchObject({ type: 'subscribed' });
    expect(await liveSupporter.subscribe(`room:${roomId}`)).toMatchObject({ type: 'subscribed' });
    expect(await other.subscribe(`room:${roomId}`)).toMatchObject({ type: 'error' });
    await t.client(supporter).post(`/api/direct/${conversationId}/close`);
    expect(await liveMember.waitFor((e) => e.type === 'invalidate')).toMatchObject({ keys: ['room', 'conversations'] });
  });

  it('turns away a websocket without a session', async () => {
    const live = await connect();
    const error = await live.waitFor((e) => e.type === 'error');
    expect(error).toMatchObject({ code: 'unauthenticated' });
    await new Promise((resolve) => (live.socket.readyState === live.socket.CLOSED ? resolve(null) : live.socket.once('close', resolve)));
  });
});

describe('typing and presence', () => {
  it('relays typing to the others in the room', async () => {
    const a = await t.createUser('member', { displayName: 'Typist' });
    const b = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a, b]);
    const liveA = await connect(a);
    const liveB = await connect(b);
    await liveA.subscribe(`room:${roomId}`);
    await liveB.subscribe(`room:${roomId}`);
    liveA.send({ type: 'typing', room: `room:${roomId}` });
    expect(await liveB.waitFor((e) => e.type === 'typing')).toEqual({ type: 'typing', room: `room:${roomId}`, user: { userId: a.id, displayName: 'Typist' } });
  });

  it('shows who is here as people come and go', async () => {
    const a = await t.createUser('member', { displayName: 'Ada' });
    const b = await t.createUser('member', { displayName: 'Ben' });
    const { roomId } = await createGroupRoom(t, [a, b]);
    const room = `room:${roomId}`;
    const liveA = await connect(a);
    const first = await liveA.subscribe(room);
    expect(first).toMatchObject({ type: 'subscribed', presence: [{ userId: a.id, displayName: 'Ada' }] });
    const liveB = await connect(b);
    const second = await liveB.subscribe(room);
    expect(second.type === 'subscribed' && second.presence.map((p) => p.userId).sort()).toEqual([a.id, b.id].sort());
    await liveA.waitFor((e) => e.type === 'presence' && e.presence.length === 2);
    await liveB.close();
    const after = await liveA.waitFor((e) => e.type === 'presence' && e.presence.length === 1);
    expect(after).toMatchObject({ presence: [{ userId: a.id }] });
    liveA.send({ type: 'unsubscribe', room });
    await liveA.flush();
    expect(t.hub.presenceOf(room)).toEqual([]);
  });

  it('counts a person once however many devices they join from', async () => {
    const a = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a]);
    const phone = await connect(a);
    const laptop = await connect(a);
    await phone.subscribe(`room:${roomId}`);
    const reply = await laptop.subscribe(`room:${roomId}`);
    expect(reply.type === 'subscribed' && reply.presence).toHaveLength(1);
  });
});

describe('online attendance', () => {
  it('records joining and leaving a session\'s live room, once per person however many devices they use', async () => {
    const member = await t.createUser();
    const watcherUser = await t.createUser();
    const group = await insertGroup(t);
    await insertMembership(t, group.id, member);
    await insertMembership(t, group.id, watcherUser);
    const session = await insertSession(t, group.id, { startsInMinutes: 5 });
    const { roomId } = (await t.client(member).get(`/api/sessions/${session.id}/room`)).json();
    const { roomId: groupRoomId } = (await t.client(member).get(`/api/groups/${group.id}/room`)).json();
    const room = `room:${roomId}`;
    const visits = async () =>
      (await t.database.pool.query(`select mode, left_at from attendance where session_id = $1 and user_id = $2`, [session.id, member.id])).rows;
    const watcher = await connect(watcherUser);
    await watcher.subscribe(room);

    const phone = await connect(member);
    const laptop = await connect(member);
    await phone.subscribe(`room:${groupRoomId}`);
    expect(await visits()).toEqual([]);
    await phone.subscribe(room);
    await laptop.subscribe(room);
    expect(await visits()).toEqual([{ mode: 'online', left_at: null }]);

    // The hub publishes presence after onLeave has run, so the watcher's next presence event marks "leave handled".
    const nextPresence = () => {
      const from = watcher.events.length;
      return watcher.waitFor((e) => e.type === 'presence' && e.room === room && watcher.events.indexOf(e) >= from);
    };
    let presence = nextPresence();
    await phone.close();
    expect(await presence).toMatchObject({ presence: expect.arrayContaining([expect.objectContaining({ userId: member.id })]) });
    expect(await visits()).toEqual([{ mode: 'online', left_at: null }]);
    presence = nextPresence();
    await laptop.close();
    expect(await presence).toMatchObject({ presence: [{ userId: watcherUser.id }] });
    const [visit] = await visits();
    expect(visit.left_at).toBeInstanceOf(Date);
  });
});
