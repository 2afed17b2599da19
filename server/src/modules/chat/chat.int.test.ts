import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { createGroupRoom, insertGroup, insertMembership, insertSession, sendMessage } from '../../test/factories/chat.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';

describe('group rooms', () => {
  it('creates the group room on first use and returns the same room after', async () => {
    const member = await t.createUser();
    const group = await insertGroup(t, { name: 'Evening Circle' });
    await insertMembership(t, group.id, member);
    const first = await t.client(member).get(`/api/groups/${group.id}/room`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'group', title: 'Evening Circle', groupId: group.id, sessionId: null, open: true, lastSeq: 0, abilities: { read: true, post: true } });
    const second = await t.client(member).get(`/api/groups/${group.id}/room`);
    expect(second.json().roomId).toBe(first.json().roomId);
  });

  it('hides the group room from people who are not active members (404)', async () => {
    const member = await t.createUser();
    const requested = await t.createUser();
    const { group } = await createGroupRoom(t, [member]);
    await insertMembership(t, group.id, requested, { status: 'requested' });
    expect((await t.client(requested).get(`/api/groups/${group.id}/room`)).statusCode).toBe(404);
    expect((await t.client(await t.createUser()).get(`/api/groups/${group.id}/room`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/groups/${NO_SUCH_ID}/room`)).statusCode).toBe(404);
  });

  it('requires sign-in (401) and a well-formed id (422)', async () => {
    expect((await t.client().get(`/api/groups/${NO_SUCH_ID}/room`)).statusCode).toBe(401);
    const member = await t.createUser();
    expect((await t.client(member).get('/api/groups/not-a-uuid/room')).statusCode).toBe(422);
  });

  it('keeps an archived group\'s chat readable but closed to new messages', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member], { archivedAt: new Date() });
    const room = (await t.client(member).get(`/api/rooms/${roomId}`)).json();
    expect(room.abilities).toEqual({ read: true, post: false });
    const res = await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'a', body: 'hello' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('group_archived');
  });
});

describe('session live rooms', () => {
  it('is closed before the 15-minute window, with when it opens and closes', async () => {
    const member = await t.createUser();
    const group = await insertGroup(t);
    await insertMembership(t, group.id, member);
    const session = await insertSession(t, group.id, { startsInMinutes: 60, title: 'Tuesday check-in' });
    const res = await t.client(member).get(`/api/sessions/${session.id}/room`);
    expect(res.statusCode).toBe(200);
    const room = res.json();
    expect(room).toMatchObject({ kind: 'session', title: 'Tuesday check-in', sessionId: session.id, groupId: group.id, open: false, abilities: { read: false, post: false } });
    expect(new Date(room.opensAt).getTime()).toBe(session.startsAt.getTime() - 15 * 60_000);
    expect(room.closesAt).toBe(session.endsAt.toISOString());
    const post = await t.client(member).post(`/api/rooms/${room.roomId}/messages`, { clientId: 'early', body: 'Am I early?' });
    expect(post.statusCode).toBe(403);
    expect(post.json().error.code).toBe('room_closed');
    expect((await t.client(member).get(`/api/rooms/${room.roomId}/messages`)).statusCode).toBe(403);
  });

  it('opens within 15 minutes of the start, and uses the group name when the session has no title', async () => {
    const member = await t.createUser();
    const group = await insertGroup(t, { name: 'Grief Support' });
    await insertMembership(t, group.id, member);
    const session = await insertSession(t, group.id, { startsInMinutes: 10, title: null });
    const room = (await t.client(member).get(`/api/sessions/${session.id}/room`)).json();
    expect(room).toMatchObject({ title: 'Grief Support', open: true, abilities: { read: true, post: true } });
    expect((await t.client(member).post(`/api/rooms/${room.roomId}/messages`, { clientId: 'x', body: 'Hi all' })).statusCode).toBe(201);
  });

  it('lets a group facilitator in early, but nobody after the end or into a cancelled session', async () => {
    const facilitator = await t.createUser('facilitator');
    const member = await t.createUser();
    const group = await insertGroup(t);
    await insertMembership(t, group.id, facilitator, { role: 'facilitator' });
    await insertMembership(t, group.id, member);
    const later = await insertSession(t, group.id, { startsInMinutes: 120 });
    const early = (await t.client(facilitator).get(`/api/sessions/${later.id}/room`)).json();
    expect(early).toMatchObject({ open: false, abilities: { read: true, post: true } });
    expect((await t.client(facilitator).post(`/api/rooms/${early.roomId}/messages`, { clientId: 'prep', body: 'Setting up' })).statusCode).toBe(201);

    const ended = await insertSession(t, group.id, { startsInMinutes: -120, durationMinutes: 60 });
    expect((await t.client(facilitator).get(`/api/sessions/${ended.id}/room`)).json()).toMatchObject({ open: false, abilities: { read: false } });
    const cancelled = await insertSession(t, group.id, { startsInMinutes: 5, status: 'cancelled' });
    expect((await t.client(member).get(`/api/sessions/${cancelled.id}/room`)).json()).toMatchObject({ open: false, abilities: { read: false } });
  });

  it('hides a session room from people outside the group (404), requires sign-in (401) and a valid id (422)', async () => {
    const group = await insertGroup(t);
    const session = await insertSession(t, group.id, { startsInMinutes: 0 });
    const outsider = await t.createUser();
    expect((await t.client(outsider).get(`/api/sessions/${session.id}/room`)).statusCode).toBe(404);
    expect((await t.client(outsider).get(`/api/sessions/${NO_SUCH_ID}/room`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/sessions/${session.id}/room`)).statusCode).toBe(401);
    expect((await t.client(outsider).get('/api/sessions/nope/room')).statusCode).toBe(422);
  });
});

describe('room details', () => {
  it('shows the room to its members and 404 to anyone else', async () => {
    const member = await t.createUser();
    const { group, roomId } = await createGroupRoom(t, [member], { name: 'Carers' });
    const res = await t.client(member).get(`/api/rooms/${roomId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roomId, kind: 'group', title: 'Carers', groupId: group.id, conversationId: null, abilities: { post: true } });
    expect((await t.client(await t.createUser()).get(`/api/rooms/${roomId}`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/rooms/${NO_SUCH_ID}`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/rooms/${roomId}`)).statusCode).toBe(401);
    expect((await t.client(member).get('/api/rooms/123')).statusCode).toBe(422);
  });

  it('stops showing the room once a member leaves the group', async () => {
    const member = await t.createUser();
    const { group, roomId } = await createGroupRoom(t, [member]);
    await t.database.pool.query(`update group_members set status = 'left' where group_id = $1 and user_id = $2`, [group.id, member.id]);
    expect((await t.client(member).get(`/api/rooms/${roomId}`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/rooms/${roomId}/messages`)).statusCode).toBe(404);
  });
});

describe('sending messages', () => {
  it('stores the message before acknowledging it, with strictly increasing seqs per room', async () => {
    const member = await t.createUser('member', { displayName: 'Robin' });
    const { roomId } = await createGroupRoom(t, [member]);
    const res = await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'first', body: '  Hello, everyone  ' });
    expect(res.statusCode).toBe(201);
    const message = res.json();
    expect(message).toMatchObject({ roomId, seq: 1, clientId: 'first', body: 'Hello, everyone', author: { id: member.id, displayName: 'Robin' }, editedAt: null, deletedAt: null });
    const { rows } = await t.database.pool.query(`select seq from messages where id = $1`, [message.id]);
    expect(rows).toEqual([{ seq: '1' }]);
    const seqs = await Promise.all(Array.from({ length: 8 }, (_, i) => sendMessage(t, member, roomId, `message ${i}`).then((m) => m.seq)));
    expect(seqs.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await t.client(member).get(`/api/rooms/${roomId}`)).json().lastSeq).toBe(9);
  });

  it('encrypts message bodies at rest', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    const message = await sendMessage(t, member, roomId, 'something private');
    const { rows } = await t.database.pool.query(`select body_ciphertext from messages where id = $1`, [message.id]);
    expect(rows[0].body_ciphertext).not.toContain('private');
    expect(rows[0].body_ciphertext).toMatch(/^v1:/);
  });

  it('treats a resend with the same clientId as the same message (200, stored once), even when resends race', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    const first = await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'once', body: 'Only once' });
    const again = await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'once', body: 'Only once' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const racing = await Promise.all(Array.from({ length: 5 }, () => t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'race', body: 'Racing' })));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(racing.map((r) => r.json().id)).size).toBe(1);
    const { rows } = await t.database.pool.query(`select seq from messages where room_id = $1 order by seq`, [roomId]);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2]);
    expect((await t.client(member).get(`/api/rooms/${roomId}`)).json().lastSeq).toBe(2);
  });

  it('lets two people use the same clientId without clashing', async () => {
    const a = await t.createUser();
    const b = await t.createUser();
    const { roomId } = await createGroupRoom(t, [a, b]);
    expect((await t.client(a).post(`/api/rooms/${roomId}/messages`, { clientId: 'same', body: 'from a' })).statusCode).toBe(201);
    expect((await t.client(b).post(`/api/rooms/${roomId}/messages`, { clientId: 'same', body: 'from b' })).statusCode).toBe(201);
  });

  it('rejects an empty, blank or over-long message with a kind field error (422), and keeps nothing', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    for (const body of ['', '   ', 'x'.repeat(4001)]) {
      const res = await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'bad', body });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields[0].path).toBe('body');
    }
    expect((await t.client(member).post(`/api/rooms/${roomId}/messages`, { body: 'no client id' })).statusCode).toBe(422);
    expect((await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'max', body: 'x'.repeat(4000) })).statusCode).toBe(201);
  });

  it('requires sign-in (401) and hides rooms from outsiders (404)', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    expect((await t.client().post(`/api/rooms/${roomId}/messages`, { clientId: 'a', body: 'hi' })).statusCode).toBe(401);
    expect((await t.client(await t.createUser()).post(`/api/rooms/${roomId}/messages`, { clientId: 'a', body: 'hi' })).statusCode).toBe(404);
    expect((await t.client(member).post(`/api/rooms/${NO_SUCH_ID}/messages`, { clientId: 'a', body: 'hi' })).statusCode).toBe(404);
  });
});

describe('message history', () => {
  it('pages backwards from the newest, each page oldest to newest, and forwards with after', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    for (let i = 1; i <= 7; i++) await sendMessage(t, member, roomId, `m${i}`);
    const newest = (await t.client(member).get(`/api/rooms/${roomId}/messages?limit=3`)).json();
    expect(newest.messages.map((m: { body: string }) => m.body)).toEqual(['m5', 'm6', 'm7']);
    expect(newest).toMatchObject({ hasMore: true, lastSeq: 7 });
    const older = (await t.client(member).get(`/api/rooms/${roomId}/messages?before=5&limit=3`)).json();
    expect(older.messages.map((m: { seq: number }) => m.seq)).toEqual([2, 3, 4]);
    const oldest = (await t.client(member).get(`/api/rooms/${roomId}/messages?before=2&limit=3`)).json();
    expect(oldest).toMatchObject({ hasMore: false });
    expect(oldest.messages.map((m: { seq: number }) => m.seq)).toEqual([1]);
    const after = (await t.client(member).get(`/api/rooms/${roomId}/messages?after=4&limit=2`)).json();
    expect(after.messages.map((m: { seq: number }) => m.seq)).toEqual([5, 6]);
    expect(after.hasMore).toBe(true);
    expect((await t.client(member).get(`/api/rooms/${roomId}/messages?after=6`)).json()).toMatchObject({ hasMore: false });
  });

  it('rejects a bad cursor or page size (422), and asking both before and after', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    for (const q of ['limit=0', 'limit=101', 'before=-1', 'after=abc', 'before=3&after=1']) {
      expect((await t.client(member).get(`/api/rooms/${roomId}/messages?${q}`)).statusCode, q).toBe(422);
    }
  });

  it('requires sign-in (401) and hides rooms from outsiders (404)', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    expect((await t.client().get(`/api/rooms/${roomId}/messages`)).statusCode).toBe(401);
    expect((await t.client(await t.createUser()).get(`/api/rooms/${roomId}/messages`)).statusCode).toBe(404);
  });
});

describe('editing and deleting', () => {
  it('lets the author edit their message and marks it edited', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    const message = await sendMessage(t, member, roomId, 'Helo');
    const res = await t.client(member).patch(`/api/rooms/${roomId}/messages/${message.id}`, { body: 'Hello' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: message.id, seq: message.seq, body: 'Hello' });
    expect(res.json().editedAt).not.toBeNull();
    const history = (await t.client(member).get(`/api/rooms/${roomId}/messages`)).json();
    expect(history.messages[0].body).toBe('Hello');
    const { rows } = await t.database.pool.query(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'message.edited'`, [message.id]);
    expect(rows[0].n).toBe(1);
  });

  it('deletes by wiping the words and keeping a tombstone in place', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    const message = await sendMessage(t, member, roomId, 'I regret saying this');
    const res = await t.client(member).delete(`/api/rooms/${roomId}/messages/${message.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: message.id, seq: message.seq, body: '' });
    expect(res.json().deletedAt).not.toBeNull();
    const { rows } = await t.database.pool.query(`select body_ciphertext from messages where id = $1`, [message.id]);
    expect(rows[0].body_ciphertext).toBe('');
    expect((await t.client(member).get(`/api/rooms/${roomId}/messages`)).json().messages[0]).toMatchObject({ body: '', id: message.id });
    const again = await t.client(member).patch(`/api/rooms/${roomId}/messages/${message.id}`, { body: 'back' });
    expect(again.statusCode).toBe(409);
    expect((await t.client(member).delete(`/api/rooms/${roomId}/messages/${message.id}`)).statusCode).toBe(409);
  });

  it('refuses to let someone change another person\'s message (403) and hides rooms from outsiders (404)', async () => {
    const author = await t.createUser();
    const other = await t.createUser();
    const { roomId } = await createGroupRoom(t, [author, other]);
    const message = await sendMessage(t, author, roomId, 'mine');
    const edit = await t.client(other).patch(`/api/rooms/${roomId}/messages/${message.id}`, { body: 'yours now' });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe('not_your_message');
    expect((await t.client(other).delete(`/api/rooms/${roomId}/messages/${message.id}`)).statusCode).toBe(403);
    const outsider = await t.createUser();
    expect((await t.client(outsider).patch(`/api/rooms/${roomId}/messages/${message.id}`, { body: 'x' })).statusCode).toBe(404);
    expect((await t.client(outsider).delete(`/api/rooms/${roomId}/messages/${message.id}`)).statusCode).toBe(404);
    expect((await t.client(author).patch(`/api/rooms/${roomId}/messages/${NO_SUCH_ID}`, { body: 'x' })).statusCode).toBe(404);
  });

  it('does not find a message through a different room', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    const { roomId: otherRoom } = await createGroupRoom(t, [member]);
    const message = await sendMessage(t, member, roomId, 'here');
    expect((await t.client(member).patch(`/api/rooms/${otherRoom}/messages/${message.id}`, { body: 'there' })).statusCode).toBe(404);
  });

  it('requires sign-in (401) and a valid body and ids (422)', async () => {
    const member = await t.createUser();
    const { roomId } = await createGroupRoom(t, [member]);
    const message = await sendMessage(t, member, roomId, 'ok');
    expect((await t.client().patch(`/api/rooms/${roomId}/messages/${message.id}`, { body: 'x' })).statusCode).toBe(401);
    expect((await t.client().delete(`/api/rooms/${roomId}/messages/${message.id}`)).statusCode).toBe(401);
    expect((await t.client(member).patch(`/api/rooms/${roomId}/messages/${message.id}`, { body: '  ' })).statusCode).toBe(422);
    expect((await t.client(member).delete(`/api/rooms/${roomId}/messages/nope`)).statusCode).toBe(422);
  });
});

describe('query plans', () => {
  it('reads history and catch-up through the (room, seq) index', async () => {
    const client = await t.database.pool.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      const roomId = NO_SUCH_ID;
      for (const sql of [
        `explain select * from messages where room_id = '${roomId}' and seq < 100 order by seq desc limit 51`,
        `explain select * from messages where room_id = '${roomId}' and seq > 100 order by seq asc limit 501`,
      ]) {
        const plan = (await client.query(sql)).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toContain('messages_room_seq_key');
        expect(plan).not.toContain('Sort');
      }
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});

describe('API documentation', () => {
  it('documents every chat route in the OpenAPI description', async () => {
    const paths = Object.keys((await t.client().get('/api/openapi.json')).json().paths);
    for (const path of ['/api/groups/{id}/room', '/api/sessions/{id}/room', '/api/rooms/{id}', '/api/rooms/{id}/messages', '/api/rooms/{id}/messages/{messageId}', '/api/supporters', '/api/direct', '/api/direct/{id}', '/api/direct/{id}/accept', '/api/direct/{id}/decline', '/api/direct/{id}/close']) {
      expect(paths).toContain(path);
    }
  });
});
