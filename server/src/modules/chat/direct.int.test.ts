import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { createDirectRoom, sendMessage } from '../../test/factories/chat.ts';
import { grantCertificate } from '../../test/factories/training.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const intro = 'I have been struggling with sleep and would like to talk.';

describe('GET /api/supporters', () => {
  it('lists peer supporters in my organization, presented publicly', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter', { displayName: 'Aa Kind Listener' });
    const elsewhere = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: `elsewhere-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const foreign = await t.createUser('peer_supporter', { orgId: elsewhere.id });
    await grantCertificate(t, supporter);
    await grantCertificate(t, foreign);
    const res = await t.client(member).get('/api/supporters');
    expect(res.statusCode).toBe(200);
    const list = res.json().supporters;
    const listed = list.find((s: { id: string }) => s.id === supporter.id);
    expect(listed).toMatchObject({ displayName: 'Aa Kind Listener', role: 'peer_supporter' });
    expect(listed).not.toHaveProperty('pseudonym');
    expect(listed).not.toHaveProperty('email');
    expect(list.some((s: { id: string }) => s.id === foreign.id)).toBe(false);
    expect(list.some((s: { id: string }) => s.id === member.id)).toBe(false);
    expect(list.every((s: { role: string }) => s.role === 'peer_supporter')).toBe(true);
  });

  it('offers only certified supporters while the organization requires certificates', async () => {
    const member = await t.createUser();
    const uncertified = await t.createUser('peer_supporter');
    const certified = await t.createUser('peer_supporter');
    await grantCertificate(t, certified);
    const ids = (await t.client(member).get('/api/supporters')).json().supporters.map((s: { id: string }) => s.id);
    expect(ids).toContain(certified.id);
    expect(ids).not.toContain(uncertified.id);
  });

  it('leaves the supporter out of their own list', async () => {
    const supporter = await t.createUser('peer_supporter');
    const list = (await t.client(supporter).get('/api/supporters')).json().supporters;
    expect(list.some((s: { id: string }) => s.id === supporter.id)).toBe(false);
  });

  it('requires sign-in', async () => {
    expect((await t.client().get('/api/supporters')).statusCode).toBe(401);
  });
});

describe('requesting a conversation', () => {
  it('creates a pending request with the intro encrypted at rest, visible to both sides', async () => {
    const member = await t.createUser('member', { displayName: 'Sam' });
    const supporter = await t.createUser('peer_supporter', { displayName: 'Jo' });
    const res = await t.client(member).post('/api/direct', { supporterId: supporter.id, intro: `  ${intro}  ` });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'pending',
      intro,
      roomId: null,
      myRole: 'member',
      member: { id: member.id, displayName: 'Sam' },
      supporter: { id: supporter.id, displayName: 'Jo' },
      abilities: { accept: false, decline: false, close: true, chat: false },
    });
    const { rows } = await t.database.pool.query(`select intro_ciphertext from direct_conversations where id = $1`, [res.json().id]);
    expect(rows[0].intro_ciphertext).not.toContain('sleep');
    const theirs = (await t.client(supporter).get('/api/direct')).json().conversations;
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ id: res.json().id, myRole: 'supporter', intro, abilities: { accept: true, decline: true, close: true, chat: false } });
    const audit = await t.database.pool.query(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'direct.requested'`, [res.json().id]);
    expect(audit.rows[0].n).toBe(1);
  });

  it('refuses a second open request to the same supporter (409)', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    expect((await t.client(member).post('/api/direct', { supporterId: supporter.id, intro })).statusCode).toBe(201);
    const again = await t.client(member).post('/api/direct', { supporterId: supporter.id, intro });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conversation_exists');
  });

  it('only reaches peer supporters in my organization, never myself (404)', async () => {
    const member = await t.createUser();
    const notSupporter = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    expect((await t.client(member).post('/api/direct', { supporterId: notSupporter.id, intro })).statusCode).toBe(404);
    expect((await t.client(member).post('/api/direct', { supporterId: NO_SUCH_ID, intro })).statusCode).toBe(404);
    expect((await t.client(supporter).post('/api/direct', { supporterId: supporter.id, intro })).statusCode).toBe(404);
    const elsewhere = await t.services.orgs.createOrg(null, { name: 'Far', slug: `far-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const foreign = await t.createUser('peer_supporter', { orgId: elsewhere.id });
    expect((await t.client(member).post('/api/direct', { supporterId: foreign.id, intro })).statusCode).toBe(404);
  });

  it('asks for a few words and a valid supporter (422), and requires sign-in (401)', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    const blank = await t.client(member).post('/api/direct', { supporterId: supporter.id, intro: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error.fields[0].path).toBe('intro');
    expect((await t.client(member).post('/api/direct', { supporterId: 'someone', intro })).statusCode).toBe(422);
    expect((await t.client(member).post('/api/direct', { supporterId: supporter.id, intro: 'x'.repeat(1001) })).statusCode).toBe(422);
    expect((await t.client().post('/api/direct', { supporterId: supporter.id, intro })).statusCode).toBe(401);
    expect((await t.client().get('/api/direct')).statusCode).toBe(401);
  });
});

describe('answering a request', () => {
  it('creates the room when the supporter accepts, and lets the two of them talk', async () => {
    const member = await t.createUser('member', { displayName: 'Alex' });
    const supporter = await t.createUser('peer_supporter', { displayName: 'Morgan' });
    await grantCertificate(t, supporter, 'peer_supporter');
    const { id } = (await t.client(member).post('/api/direct', { supporterId: supporter.id, intro })).json();
    expect((await t.client(member).post(`/api/direct/${id}/accept`)).statusCode).toBe(409);
    const res = await t.client(supporter).post(`/api/direct/${id}/accept`);
    expect(res.statusCode).toBe(200);
    const { roomId } = res.json();
    expect(res.json()).toMatchObject({ status: 'accepted', abilities: { accept: false, close: true, chat: true } });
    expect(res.json().respondedAt).not.toBeNull();
    expect((await t.client(member).get(`/api/rooms/${roomId}`)).json()).toMatchObject({ kind: 'direct', title: 'Morgan', conversationId: id, abilities: { post: true } });
    expect((await t.client(supporter).get(`/api/rooms/${roomId}`)).json()).toMatchObject({ title: 'Alex' });
    await sendMessage(t, member, roomId, 'Thank you for accepting');
    await sendMessage(t, supporter, roomId, 'Of course. How are you today?');
    const history = (await t.client(member).get(`/api/rooms/${roomId}/messages`)).json();
    expect(history.messages.map((m: { body: string }) => m.body)).toEqual(['Thank you for accepting', 'Of course. How are you today?']);
    const stranger = await t.createUser('peer_supporter');
    expect((await t.client(stranger).get(`/api/rooms/${roomId}`)).statusCode).toBe(404);
    expect((await t.client(stranger).get(`/api/rooms/${roomId}/messages`)).statusCode).toBe(404);
    expect((await t.client(supporter).post(`/api/direct/${id}/accept`)).statusCode).toBe(409);
  });

  it('lets the supporter decline, after which the member may ask again', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    const { id } = (await t.client(member).post('/api/direct', { supporterId: supporter.id, intro })).json();
    expect((await t.client(member).post(`/api/direct/${id}/decline`)).statusCode).toBe(409);
    const res = await t.client(supporter).post(`/api/direct/${id}/decline`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', roomId: null, abilities: { accept: false, decline: false, close: false, chat: false } });
    expect((await t.client(supporter).post(`/api/direct/${id}/accept`)).statusCode).toBe(409);
    expect((await t.client(member).post('/api/direct', { supporterId: supporter.id, intro })).statusCode).toBe(201);
  });

  it('hides a conversation from everyone but its two people (404), requires sign-in (401) and a valid id (422)', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    const other = await t.createUser('peer_supporter');
    const { id } = (await t.client(member).post('/api/direct', { supporterId: supporter.id, intro })).json();
    for (const action of ['accept', 'decline', 'close']) {
      expect((await t.client(other).post(`/api/direct/${id}/${action}`)).statusCode).toBe(404);
      expect((await t.client(supporter).post(`/api/direct/${NO_SUCH_ID}/${action}`)).statusCode).toBe(404);
      expect((await t.client().post(`/api/direct/${id}/${action}`)).statusCode).toBe(401);
      expect((await t.client(supporter).post(`/api/direct/nope/${action}`)).statusCode).toBe(422);
    }
    expect((await t.client(other).get(`/api/direct/${id}`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/direct/${id}`)).json()).toMatchObject({ id, status: 'pending' });
  });
});

describe('closing a conversation', () => {
  it('lets either person close; the history stays readable but no one can post', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    const { conversationId, roomId } = await createDirectRoom(t, member, supporter);
    const message = await sendMessage(t, member, roomId, 'See you next week');
    const res = await t.client(member).post(`/api/direct/${conversationId}/close`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', abilities: { close: false, chat: true } });
    expect((await t.client(supporter).get(`/api/rooms/${roomId}`)).json()).toMatchObject({ open: false, abilities: { read: true, post: false } });
    expect((await t.client(supporter).get(`/api/rooms/${roomId}/messages`)).json().messages).toHaveLength(1);
    const post = await t.client(supporter).post(`/api/rooms/${roomId}/messages`, { clientId: 'late', body: 'One more thing' });
    expect(post.statusCode).toBe(403);
    expect(post.json().error.code).toBe('conversation_closed');
    expect((await t.client(member).delete(`/api/rooms/${roomId}/messages/${message.id}`)).statusCode).toBe(200);
    expect((await t.client(supporter).post(`/api/direct/${conversationId}/close`)).statusCode).toBe(409);
    const audit = await t.database.pool.query(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'direct.closed'`, [conversationId]);
    expect(audit.rows[0].n).toBe(1);
  });

  it('lets a member withdraw a request that is still waiting', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    const { id } = (await t.client(member).post('/api/direct', { supporterId: supporter.id, intro })).json();
    expect((await t.client(member).post(`/api/direct/${id}/close`)).json()).toMatchObject({ status: 'closed', roomId: null });
    expect((await t.client(supporter).post(`/api/direct/${id}/accept`)).statusCode).toBe(409);
  });

  it('lists my conversations on both sides, newest first', async () => {
    const person = await t.createUser('peer_supporter');
    const supporter = await t.createUser('peer_supporter');
    const member = await t.createUser();
    await t.client(person).post('/api/direct', { supporterId: supporter.id, intro });
    await t.client(member).post('/api/direct', { supporterId: person.id, intro });
    const list = (await t.client(person).get('/api/direct')).json().conversations;
    expect(list.map((c: { myRole: string }) => c.myRole)).toEqual(['supporter', 'member']);
  });
});
