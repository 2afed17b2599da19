import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createGroup } from '../../test/factories/groups.ts';
import { BOT_COPY, BOT_COPY_ES } from './bot-copy.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  await createGroup(t, { body: { name: 'Grief circle', description: 'For people grieving the death of someone close.', topics: ['grief'], language: 'en' } });
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const URGENT = 'I want to kill myself tonight. I cannot go on.';
type Msg = { author: string; text: string; extras: Record<string, unknown>; generated: boolean };

async function start(user: TestUser) {
  const res = await t.client(user).post('/api/intake/conversations');
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; messages: Msg[]; status: string };
}
const say = (user: TestUser, id: string, body: Record<string, unknown>) => t.client(user).post(`/api/intake/conversations/${id}/messages`, body);

describe('intake profile', () => {
  it('saves with only the first line, resolves a place to its area, and can be edited and deleted', async () => {
    const member = await t.createUser();
    expect((await t.client(member).get('/api/intake/profile')).json()).toEqual({ profile: null });
    const saved = await t.client(member).put('/api/intake/profile', { whatBrings: 'I have been lonely since I moved' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ whatBrings: 'I have been lonely since I moved', challenges: [], format: 'any', place: null });
    const edited = await t.client(member).put('/api/intake/profile', { whatBrings: 'Lonely since moving', place: '05401', challenges: ['loneliness'], languages: ['en', 'es'] });
    expect(edited.json()).toMatchObject({ place: { label: 'Burlington' }, challenges: ['loneliness'], languages: ['en', 'es'] });
    const { rows } = await t.database.pool.query('select details_ciphertext, place_lat from intake_profiles where user_id = $1', [member.id]);
    expect(rows[0].details_ciphertext).not.toContain('Lonely');
    expect(rows[0].place_lat).toBe(44.48);
    expect((await t.client(member).delete('/api/intake/profile')).statusCode).toBe(204);
    expect((await t.client(member).get('/api/intake/profile')).json().profile).toBeNull();
    expect((await t.client(member).delete('/api/intake/profile')).statusCode).toBe(404);
  });

  it('explains what is missing or unknown (422) and needs sign-in (401)', async () => {
    const member = await t.createUser();
    const missing = await t.client(member).put('/api/intake/profile', { challenges: ['grief'] });
    expect(missing.statusCode).toBe(422);
    const unknownPlace = await t.client(member).put('/api/intake/profile', { whatBrings: 'hello', place: 'Atlantis' });
    expect(unknownPlace.statusCode).toBe(422);
    expect(unknownPlace.json().error.fields[0].path).toBe('place');
    expect((await t.client().get('/api/intake/profile')).statusCode).toBe(401);
  });
});

describe('intake assistant', () => {
  it('says it is automated and what is private, then guides to resources and concrete matches', async () => {
    const member = await t.createUser();
    const conv = await start(member);
    const opening = conv.messages.map((m) => m.text).join(' ');
    expect(opening).toMatch(/automated/);
    expect(opening).toMatch(/not a person/);
    expect(opening).toMatch(/private/);
    expect(conv.messages.at(-1)!.text).toBe(BOT_COPY.askNeed);

    const need = await say(member, conv.id, { text: "my dad died last month and I can't stop crying at work" });
    expect(need.statusCode).toBe(200);
    expect(need.json().step).toBe('preference');
    expect(need.json().messages.map((m: Msg) => m.text)).toContain(BOT_COPY.topicGuess('grief'));

    const matches = await say(member, conv.id, { choice: 'group' });
    const lines = matches.json().messages as Msg[];
    const groups = lines.find((m) => Array.isArray(m.extras.groups))!.extras.groups as { name: string; summary: string; abilities: { join: boolean } }[];
    expect(groups[0]).toMatchObject({ name: 'Grief circle', abilities: { join: true } });
    expect(groups[0]!.summary).toMatch(/^grief/);
    expect(lines.some((m) => (m.extras.actions as string[] | undefined)?.includes('small_group'))).toBe(true);
    // The first line is now the person's profile.
    expect((await t.client(member).get('/api/intake/profile')).json().profile.whatBrings).toMatch(/my dad died/);
  });

  it('lets the person reach a human at any step, through the one-to-one queue', async () => {
    const member = await t.createUser();
    const conv = await start(member);
    const res = await t.client(member).post(`/api/intake/conversations/${conv.id}/human`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('human_requested');
    const last = res.json().messages.at(-1) as Msg;
    expect(last.text).toBe(BOT_COPY.humanRequested);
    const request = await t.client(member).get(`/api/matching/requests/${last.extras.requestId}`);
    expect(request.json().status).toBe('waiting');
    const again = await say(member, conv.id, { text: 'can I just talk to a real person please' });
    expect(again.json().messages.at(-1).text).toBe(BOT_COPY.humanAlreadyWaiting);
  });

  it.each(['need', 'preference', 'matches'])('stops the script on crisis language at the %s step: crisis card, screener, on-call', async (stepName) => {
    const member = await t.createUser();
    const conv = await start(member);
    if (stepName !== 'need') await say(member, conv.id, { text: 'I feel so alone lately' });
    if (stepName === 'matches') await say(member, conv.id, { choice: 'group' });
    const res = await say(member, conv.id, { text: URGENT });
    expect(res.json().status).toBe('handed_off');
    const after = (res.json().messages as Msg[]).slice(-2);
    expect(after[0]).toMatchObject({ text: BOT_COPY.crisis.urgent, extras: { card: 'urgent', actions: ['talk_now'] } });
    expect(after[1]!.extras.actions).toContain('screener');
    const cases = await t.database.pool.query(`select level, source_kind from safety_cases where subject_user_id = $1`, [member.id]);
    expect(cases.rows[0]).toMatchObject({ level: 'urgent', source_kind: 'intake' });
    // The script stays stopped afterwards.
    const next = await say(member, conv.id, { choice: 'group' });
    expect(next.json().messages.at(-1)).toMatchObject({ text: BOT_COPY.crisis.afterHandOff, extras: { card: 'concern' } });
  });

  it('records every answer on my risk history, "none" included, once per message, so on-call sees the trajectory', async () => {
    const member = await t.createUser();
    const conv = await start(member);
    await say(member, conv.id, { text: 'work stress is getting to me' });
    await say(member, conv.id, { choice: 'group' });
    await say(member, conv.id, { text: 'honestly I feel worse every week' });
    const calm = await t.database.pool.query(`select level, source_kind, source_id from risk_assessments where user_id = $1 order by created_at`, [member.id]);
    expect(calm.rows).toHaveLength(2);
    expect(calm.rows.every((r) => r.source_kind === 'intake' && r.source_id === conv.id)).toBe(true);
    expect(calm.rows.map((r) => r.level)).toEqual(['none', 'none']);
    await say(member, conv.id, { text: URGENT });
    const after = await t.database.pool.query(`select level from risk_assessments where user_id = $1 order by created_at`, [member.id]);
    expect(after.rows.map((r) => r.level)).toEqual(['none', 'none', 'urgent']);
  });

  it('speaks Spanish when the person reads Hearth in Spanish, and hands off in Spanish too', async () => {
    const member = await t.createUser();
    const res = await t.client(member).post('/api/intake/conversations', { language: 'es' });
    expect(res.statusCode).toBe(201);
    expect(res.json().language).toBe('es');
    expect(res.json().messages.map((m: Msg) => m.text)).toEqual([...BOT_COPY_ES.welcome, BOT_COPY_ES.askNeed]);
    const id = res.json().id as string;
    const need = await say(member, id, { text: 'mi padre murió el mes pasado y no paro de llorar en el trabajo' });
    const texts = need.json().messages.map((m: Msg) => m.text);
    expect(texts).toContain(BOT_COPY_ES.thanks);
    expect(texts.at(-1)).toBe(BOT_COPY_ES.askPreference);
    const chose = await say(member, id, { choice: 'group' });
    expect(chose.json().messages.map((m: Msg) => m.text)).toContain(BOT_COPY_ES.choices.group);
    const crisis = await say(member, id, { text: 'quiero suicidarme esta noche, no puedo más' });
    expect(crisis.json().status).toBe('handed_off');
    expect(crisis.json().messages.map((m: Msg) => m.text)).toContain(BOT_COPY_ES.crisis.urgent);
    expect((await t.client(member).post('/api/intake/conversations', { language: 'english please' })).statusCode).toBe(422);
  });

  it('keeps every line encrypted at rest and each person line with its assessed level', async () => {
    const member = await t.createUser();
    const conv = await start(member);
    await say(member, conv.id, { text: 'work stress is getting to me' });
    const { rows } = await t.database.pool.query(`select author, body_ciphertext, level from intake_messages where conversation_id = $1 order by seq`, [conv.id]);
    expect(rows.every((r) => !r.body_ciphertext.includes('stress'))).toBe(true);
    expect(rows.filter((r) => r.author === 'person').map((r) => r.level)).toEqual(['none']);
  });

  it('hides other people\'s conversations (404), needs sign-in (401), and explains empty input (422)', async () => {
    const member = await t.createUser();
    const conv = await start(member);
    const stranger = await t.createUser();
    expect((await t.client(stranger).get(`/api/intake/conversations/${conv.id}`)).statusCode).toBe(404);
    expect((await say(stranger, conv.id, { text: 'hello' })).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/intake/conversations/${NO_SUCH_ID}`)).statusCode).toBe(404);
    expect((await t.client().post('/api/intake/conversations')).statusCode).toBe(401);
    expect((await say(member, conv.id, {})).statusCode).toBe(422);
    expect((await say(member, conv.id, { choice: 'dance' })).statusCode).toBe(422);
    expect((await t.client(member).delete(`/api/intake/conversations/${conv.id}`)).statusCode).toBe(204);
    expect((await t.client(member).get(`/api/intake/conversations/${conv.id}`)).statusCode).toBe(404);
  });

  it('erases profiles and transcripts with the person', async () => {
    const member = await t.createUser();
    const conv = await start(member);
    await say(member, conv.id, { text: 'I feel low' });
    const { createIntakePersonalData } = await import('./intake.personal-data.ts');
    const { createFieldCipher } = await import('../../platform/crypto/index.ts');
    const pd = createIntakePersonalData({ db: t.database.db, cipher: createFieldCipher('0'.repeat(64)) });
    const exported = (await pd.export(member.id)) as { profile: { whatBrings: string }; conversations: { messages: { text: string }[] }[] };
    expect(exported.profile.whatBrings).toBe('I feel low');
    expect(exported.conversations[0]!.messages.some((m) => m.text === 'I feel low')).toBe(true);
    await t.database.db.transaction((tx) => pd.erase(tx, member.id));
    const left = await t.database.pool.query(
      `select (select count(*)::int from intake_profiles where user_id = $1) + (select count(*)::int from intake_conversations where user_id = $1) as n`,
      [member.id],
    );
    expect(left.rows[0].n).toBe(0);
  });
});

describe('optional language-model adapter', () => {
  let replies: string[] = [];
  let calls = 0;
  let llm: http.Server;
  let t2: TestServer;
  beforeAll(async () => {
    // A tiny local server that speaks the chat-completions API.
    llm = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls++;
        const parsed = JSON.parse(body) as { messages: { role: string }[] };
        const ok = req.url === '/v1/chat/completions' && parsed.messages[0]?.role === 'system';
        res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: replies.shift() ?? '' } }] }));
      });
    });
    await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve));
    const port = (llm.address() as AddressInfo).port;
    t2 = await createTestServer({ env: { INTAKE_LLM_URL: `http://127.0.0.1:${port}/v1` } });
  });
  afterAll(async () => {
    await t2.close();
    await new Promise((resolve) => llm.close(resolve));
  });

  async function toMatches(server: TestServer, user: TestUser) {
    const conv = (await server.client(user).post('/api/intake/conversations')).json();
    await server.client(user).post(`/api/intake/conversations/${conv.id}/messages`, { text: 'I feel lonely in the evenings' });
    await server.client(user).post(`/api/intake/conversations/${conv.id}/messages`, { choice: 'group' });
    return conv.id as string;
  }

  it('shows a generated reply that passes the safety and safe-messaging checks', async () => {
    const member = await t2.createUser();
    const id = await toMatches(t2, member);
    replies = ['That sounds really hard. Many people find an evening group helps them feel less alone.'];
    const res = await t2.client(member).post(`/api/intake/conversations/${id}/messages`, { text: 'hmm, evenings are the worst part honestly' });
    const generated = (res.json().messages as Msg[]).filter((m) => m.generated);
    expect(generated.map((m) => m.text)).toEqual(['That sounds really hard. Many people find an evening group helps them feel less alone.']);
  });

  it('drops a generated reply that breaks safe-messaging rules and falls back to scripted text', async () => {
    const member = await t2.createUser();
    const id = await toMatches(t2, member);
    const before = calls;
    replies = ['Some people in your situation think about pills, but a group could help.'];
    const res = await t2.client(member).post(`/api/intake/conversations/${id}/messages`, { text: 'hmm, evenings are the worst part honestly' });
    expect(calls).toBe(before + 1);
    const texts = (res.json().messages as Msg[]).map((m) => m.text);
    expect(texts.join(' ')).not.toMatch(/pills/);
    expect((res.json().messages as Msg[]).some((m) => m.generated)).toBe(false);
  });

  it('is never called when no admin configured it', async () => {
    const member = await t.createUser();
    const before = calls;
    const id = await toMatches(t, member);
    await say(member, id, { text: 'hmm, evenings are the worst part honestly' });
    expect(calls).toBe(before);
  });
});
