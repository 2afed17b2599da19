import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ServerEvent } from '@hearth/contracts';
import { messages } from '../../db/schema/index.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { connectLive, createGroupRoom, type LiveClient } from '../../test/factories/chat.ts';
import { URGENT_TEXT } from '../../test/factories/safety.ts';

let t: TestServer;
let baseUrl: string;
const open: LiveClient[] = [];

beforeAll(async () => {
  t = await createTestServer();
  baseUrl = await t.listen();
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(open.splice(0).map((c) => c.close()));
});
afterAll(async () => t.close());

async function connect(user: Parameters<typeof connectLive>[1]) {
  const client = await connectLive(baseUrl, user);
  open.push(client);
  return client;
}

type Answer = Extract<ServerEvent, { type: 'sent' | 'send_failed' }>;
/** Sends over the socket and waits for its acknowledgement or refusal. */
function sendOver(live: LiveClient, room: string, clientId: string, body: string): Promise<Answer> {
  live.send({ type: 'send', room, clientId, body } as never);
  return live.waitFor((e) => (e.type === 'sent' || e.type === 'send_failed') && e.clientId === clientId) as Promise<Answer>;
}

describe('sending a message over the websocket', () => {
  it('stores it before acknowledging, shows it to the room, and stores a resend once', async () => {
    const a = await t.createUser('member', { displayName: 'Ash' });
    const b = await t.createUser('member', { displayName: 'Bea' });
    const { roomId } = await createGroupRoom(t, [a, b]);
    const liveA = await connect(a);
    const liveB = await connect(b);
    await liveB.subscribe(`room:${roomId}`);

    const ack = await sendOver(liveA, `room:${roomId}`, 'ws-1', 'Hello over the socket');
    expect(ack).toMatchObject({ type: 'sent', room: `room:${roomId}`, clientId: 'ws-1', seq: 1, message: { body: 'Hello over the socket', author: { id: a.id } } });
    // Acknowledged means stored: the history over HTTP already has it.
    const history = (await t.client(b).get(`/api/rooms/${roomId}/messages`)).json();
    expect(history.messages.map((m: { body: string }) => m.body)).toEqual(['Hello over the socket']);
    const seen = await liveB.waitFor((e) => e.type === 'message.created' && e.seq === 1);
    expect(seen).toMatchObject({ message: { body: 'Hello over the socket', clientId: 'ws-1' } });

    const again = await sendOver(liveA, `room:${roomId}`, 'ws-1', 'Hello over the socket');
    expect(again).toMatchObject({ type: 'sent', seq: 1 });
    expect((await t.client(b).get(`/api/rooms/${roomId}/messages`)).json().messages).toHaveLength(1);
  });

  it('refuses kindly: a room the person is not in (404), empty words (422), a room name that is not a room (404)', async () => {
    const a = await t.createUser();
    const outsider = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a]);
    const liveA = await connect(a);
    const liveOutsider = await connect(outsider);

    const hidden = await sendOver(liveOutsider, `room:${roomId}`, 'x-1', 'Let me in');
    expect(hidden).toMatchObject({ type: 'send_failed', status: 404, code: 'not_found' });
    const empty = await sendOver(liveA, `room:${roomId}`, 'x-2', '   ');
    expect(empty).toMatchObject({ type: 'send_failed', status: 422, code: 'validation_failed', message: expect.stringContaining('Please write something') });
    const bogus = await sendOver(liveA, 'room:not-a-room', 'x-3', 'Hello');
    expect(bogus).toMatchObject({ type: 'send_failed', status: 404 });
    const unknownScope = await sendOver(liveA, `forum:${roomId}`, 'x-4', 'Hello');
    expect(unknownScope).toMatchObject({ type: 'send_failed', status: 404 });
    expect((await t.client(a).get(`/api/rooms/${roomId}/messages`)).json().messages).toHaveLength(0);
  });

  it('delivers words of crisis to the room and gives the sender their private card', async () => {
    const a = await t.createUser();
    const b = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a, b]);
    const liveA = await connect(a);
    const liveB = await connect(b);
    await liveB.subscribe(`room:${roomId}`);
    const ack = await sendOver(liveA, `room:${roomId}`, 'c-1', URGENT_TEXT);
    expect(ack).toMatchObject({ type: 'sent', message: { body: URGENT_TEXT, safety: { card: 'urgent' } } });
    await liveB.waitFor((e) => e.type === 'message.created' && e.message.body === URGENT_TEXT);
  });

  it('stops sending once the session is signed out: the socket is closed at once', async () => {
    const a = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a]);
    const liveA = await connect(a);
    expect(await sendOver(liveA, `room:${roomId}`, 's-1', 'Before signing out')).toMatchObject({ type: 'sent' });
    const closed = new Promise<number>((resolve) => liveA.socket.once('close', (code: number) => resolve(code)));
    expect((await t.client(a).post('/api/auth/sign-out', {})).statusCode).toBe(200);
    // Signing out revokes the session's live sockets on every node (platform/realtime/live-access.ts).
    expect(await closed).toBe(4401);
    const stored = await t.database.db.select({ clientId: messages.clientId }).from(messages).where(eq(messages.roomId, roomId));
    expect(stored.map((m) => m.clientId)).toEqual(['s-1']);
  });
});
