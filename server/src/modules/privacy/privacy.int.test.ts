import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createDirectRoom, createGroupRoom, sendMessage } from '../../test/factories/chat.ts';
import { createPublicBoard } from '../../test/factories/forums.ts';
import { findTraces } from '../../test/traces.ts';
import { SESSION_COOKIE } from '../../platform/http/index.ts';

const SECRET_WORDS = 'my private marker words 7f3a';
let t: TestServer;
let member: TestUser;
let supporter: TestUser;
let other: TestUser;
let groupRoomId: string;
let threadId: string;

beforeAll(async () => {
  t = await createTestServer();
  member = await t.createUser('member');
  supporter = await t.createUser('peer_supporter');
  other = await t.createUser('member');
  const { roomId } = await createGroupRoom(t, [member, other]);
  groupRoomId = roomId;
  await sendMessage(t, member, roomId, `In the group: ${SECRET_WORDS}`);
  await sendMessage(t, other, roomId, 'A reply from someone else that must stay.');
  const direct = await createDirectRoom(t, member, supporter);
  await sendMessage(t, member, direct.roomId, `Privately: ${SECRET_WORDS}`);
  const { board } = await createPublicBoard(t);
  const thread = await t.client(member).post(`/api/forums/boards/${board.id}/threads`, { title: 'Sleep has been hard', body: `Forum: ${SECRET_WORDS}` });
  expect(thread.statusCode).toBe(201);
  threadId = thread.json().thread.id;
  const reply = await t.client(other).post(`/api/forums/threads/${threadId}/posts`, { body: 'Someone else replying, which stays.' });
  expect(reply.statusCode, reply.body).toBe(201);
  const plan = await t.client(member).put('/api/safety/plan', { reasonsForLiving: ['My sister', SECRET_WORDS], copingStrategies: ['A walk by the river'] });
  expect(plan.statusCode).toBe(200);
}, 60_000);
afterAll(() => t.close());

describe('privacy routes need a signed-in person', () => {
  it.each([
    ['GET', '/api/me/data'],
    ['GET', '/api/me/data/export'],
    ['DELETE', '/api/me'],
  ] as const)('%s %s answers 401 when signed out', async (method, url) => {
    const res = await t.client().request(method, url, method === 'DELETE' ? { password: 'x', confirm: 'delete my account' } : undefined);
    expect(res.statusCode).toBe(401);
  });
});

describe('export my data', () => {
  it('counts what Hearth holds, section by section', async () => {
    const res = await t.client(member).get('/api/me/data');
    expect(res.statusCode).toBe(200);
    const sections = Object.fromEntries(res.json().sections.map((s: { name: string; records: number }) => [s.name, s.records]));
    expect(sections).toMatchObject({ profile: expect.any(Number), chat: expect.any(Number), forums: expect.any(Number), safety: expect.any(Number) });
    expect(sections.chat).toBeGreaterThanOrEqual(3);
  });

  it('downloads everything as JSON, decrypted, and only my own', async () => {
    const res = await t.client(member).get('/api/me/data/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="hearth-my-data-\d{4}-\d{2}-\d{2}\.json"/);
    expect(res.headers['cache-control']).toBe('no-store');
    const { data } = res.json();
    expect(data.profile.account.pseudonym).toBe(member.pseudonym);
    expect(JSON.stringify(data.profile)).not.toMatch(/passwordHash|tokenHash|argon2/);
    const bodies = data.chat.messages.map((m: { body: string }) => m.body);
    expect(bodies).toEqual(expect.arrayContaining([`In the group: ${SECRET_WORDS}`, `Privately: ${SECRET_WORDS}`]));
    expect(bodies).not.toContain('A reply from someone else that must stay.');
    expect(data.chat.oneToOne[0]).toMatchObject({ youWere: 'member', openingWords: 'I would like to talk about a rough week.' });
    expect(data.forums.posts.map((p: { body: string }) => p.body)).toEqual([`Forum: ${SECRET_WORDS}`]);
    expect(data.safety.safetyPlan.plan.reasonsForLiving).toEqual(['My sister', SECRET_WORDS]);
  });

  it('downloads a zip of CSV tables that a spreadsheet can open safely', async () => {
    const res = await t.client(member).request('GET', '/api/me/data/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.txt', 'profile.account.csv', 'chat.messages.csv', 'forums.posts.csv']));
    const messages = strFromU8(files['chat.messages.csv']!);
    expect(messages.split('\r\n')[0]).toContain('body');
    expect(messages).toContain(`Privately: ${SECRET_WORDS}`);
  });

  it('rejects an unknown format with a clear message', async () => {
    const res = await t.client(member).get('/api/me/data/export?format=pdf');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('format');
  });
});

describe('delete my account', () => {
  it('asks for the password and the confirmation phrase, and deletes nothing otherwise', async () => {
    const wrong = await t.client(member).delete('/api/me', { password: 'not my password', confirm: 'delete my account' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'wrong_password', fields: [{ path: 'password' }] });
    const unconfirmed = await t.client(member).delete('/api/me', { password: member.password, confirm: 'yes' });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.json().error.fields.map((f: { path: string }) => f.path)).toContain('confirm');
    expect((await t.client(member).get('/api/me')).statusCode).toBe(200);
  });

  it('removes the person and everything about them; others keep their own words', async () => {
    const res = await t.client(member).delete('/api/me', { password: member.password, confirm: 'delete my account' });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');

    expect((await t.client(member).get('/api/me')).statusCode).toBe(401);
    const signIn = await t.client().post('/api/auth/sign-in', { pseudonym: member.pseudonym, password: member.password });
    expect(signIn.statusCode).toBe(401);

    expect(await findTraces(t.database.pool, [member.id, member.pseudonym, SECRET_WORDS])).toEqual([]);

    const history = await t.client(other).get(`/api/rooms/${groupRoomId}/messages`);
    expect(history.json().messages.map((m: { body: string }) => m.body)).toContain('A reply from someone else that must stay.');
    const thread = await t.client(other).get(`/api/forums/threads/${threadId}`);
    expect(thread.statusCode).toBe(200);
    expect(JSON.stringify(thread.json())).toContain('Someone else replying, which stays.');

    const audit = await t.database.pool.query(`select actor_id, entity_id from audit_log where action = 'privacy.account_deleted'`);
    expect(audit.rows).toEqual([{ actor_id: null, entity_id: null }]);
  });
});
