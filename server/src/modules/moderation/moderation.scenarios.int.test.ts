import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, createGroupRoom, sendMessage } from '../../test/factories/chat.ts';
import { flag, setModerationSettings, setTrust } from '../../test/factories/moderation.ts';
import { putOnCall, URGENT_TEXT } from '../../test/factories/safety.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

describe('what will be checked', () => {
  it('hides a harassing message from a new member once two members flag it, before any moderator acts; the decision is in the modlog and both reporters learn the outcome', async () => {
    const [author, reporterA, reporterB, bystander] = [await t.createUser(), await t.createUser(), await t.createUser(), await t.createUser()];
    await setTrust(t, reporterA, 'member');
    await setTrust(t, reporterB, 'member');
    const moderator = await t.createUser('moderator');
    const { roomId } = await createGroupRoom(t, [author, reporterA, reporterB, bystander]);
    // Said plainly, not caught by the harassment rules: the members' flags do the work.
    const message = await sendMessage(t, author, roomId, 'Honestly nobody here wants to hear from someone like you, go away.');
    expect(message.hidden).toBeUndefined();

    const baseUrl = await t.listen();
    const live = await connectLive(baseUrl, moderator);
    expect((await live.subscribe(`modqueue:${t.org.id}`)).type).toBe('subscribed');

    expect((await flag(t, reporterA, 'chat_message', message.id)).hidden).toBe(false);
    const second = await flag(t, reporterB, 'chat_message', message.id);
    expect(second.hidden).toBe(true);
    await live.waitFor((e) => e.type === 'invalidate' && e.room === `modqueue:${t.org.id}`);
    await live.close();

    // Hidden for members before a moderator has done anything; its author still sees why, kindly, and may edit.
    const history = (await t.client(bystander).get(`/api/rooms/${roomId}/messages`)).json().messages;
    expect(history.find((m: { id: string }) => m.id === message.id)).toMatchObject({ hidden: true, body: '' });
    const authorNotices = (await t.client(author).get('/api/moderation/notices')).json().notices;
    expect(authorNotices[0]).toMatchObject({ kind: 'content_hidden', abilities: { edit: true }, content: { id: message.id, hidden: true } });
    expect(authorNotices[0].message).toMatch(/hidden while a moderator takes a look/);

    // The moderator finds it at the top of the queue, sees it in context, and decides.
    const queue = (await t.client(moderator).get('/api/moderation/queue')).json();
    const item = queue.items.find((i: { targetId: string }) => i.targetId === message.id);
    expect(item).toMatchObject({ hidden: true, hiddenReason: 'flags', flagCount: 2, score: 6 });
    const detail = (await t.client(moderator).get(`/api/moderation/items/${item.id}`)).json();
    expect(detail.content.body).toMatch(/nobody here wants/);
    expect(detail.context.find((c: { target: boolean }) => c.target).body).toMatch(/nobody here wants/);
    const acted = await t.client(moderator).post(`/api/moderation/items/${item.id}/actions`, { action: 'warn', template: 'be_kind', reason: 'Unkind words aimed at the group' });
    expect(acted.statusCode).toBe(200);

    const log = (await t.client(moderator).get('/api/moderation/log')).json().entries;
    expect(log[0]).toMatchObject({ action: 'warn', reason: 'Unkind words aimed at the group', moderator: { id: moderator.id }, subject: { id: author.id } });
    for (const reporter of [reporterA, reporterB]) {
      const notices = (await t.client(reporter).get('/api/moderation/notices')).json().notices;
      expect(notices[0]).toMatchObject({ kind: 'flag_outcome', params: { outcome: 'upheld' } });
      expect((await t.client(reporter).get('/api/moderation/flags/mine')).json().flags[0].outcome).toBe('upheld');
    }
    // Members see an anonymised summary: what kind of thing, never who or which words.
    const summary = (await t.client(bystander).get(`/api/moderation/public-log?groupId=${detail.content.roomId ? (await t.client(bystander).get(`/api/rooms/${roomId}`)).json().groupId : ''}`)).json();
    expect(summary.totals.warn).toBe(1);
    expect(JSON.stringify(summary)).not.toMatch(new RegExp(`${author.id}|${moderator.id}|nobody here`));
  });

  it('warns the author about a phone number before sending, then redacts it when they send anyway', async () => {
    const [author, reader] = [await t.createUser(), await t.createUser()];
    const { roomId } = await createGroupRoom(t, [author, reader]);
    const draft = 'Text me any time on 555-867-5309 if the nights get long';

    const pre = await t.client(author).post('/api/moderation/precheck', { text: draft });
    expect(pre.statusCode).toBe(200);
    expect(pre.json().willBe).toBe('redacted');
    expect(pre.json().warnings.map((w: { kind: string }) => w.kind)).toContain('phone');

    const sent = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'phone-1', body: draft });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().moderation).toMatchObject({ kind: 'redacted' });
    expect(sent.json().body).not.toMatch(/867/);
    const seen = (await t.client(reader).get(`/api/rooms/${roomId}/messages`)).json().messages.at(-1);
    expect(seen.body).toMatch(/removed to protect your privacy/);
    expect(seen.body).not.toMatch(/5309/);
  });

  it('delivers a suicidal message that is also profane, reaching on-call as urgent, even where strong language is blocked', async () => {
    const moderator = await setModerationSettings(t, { profanityAction: 'block' });
    const oncall = await t.createUser('clinician');
    await putOnCall(t, oncall);
    const [author, reader] = [await t.createUser(), await t.createUser()];
    const { roomId } = await createGroupRoom(t, [author, reader]);
    // Strong language alone is blocked in this organization...
    const plain = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'swear-1', body: 'this fucking bus is late again' });
    expect(plain.statusCode).toBe(422);
    expect(plain.json().error.code).toBe('profanity_blocked');

    // ...but a person in crisis is never silenced: delivered unchanged, urgent to on-call.
    const words = `${URGENT_TEXT} Fuck all of this shit.`;
    const sent = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'crisis-1', body: words });
    expect([sent.statusCode, sent.json().error]).toEqual([201, undefined]);
    expect(sent.json().safety).toMatchObject({ card: 'urgent' });
    expect(sent.json().moderation).toBeUndefined();
    const seen = (await t.client(reader).get(`/api/rooms/${roomId}/messages`)).json().messages.at(-1);
    expect(seen).toMatchObject({ body: words });
    expect(seen.hidden).toBeUndefined();
    const cases = (await t.client(oncall).get('/api/safety/cases')).json().cases;
    expect(cases.find((c: { subject: { id: string } }) => c.subject.id === author.id)).toMatchObject({ level: 'urgent' });

    // Members' flags cannot hide it either; it waits for a moderator instead.
    await setTrust(t, reader, 'helper');
    expect((await flag(t, reader, 'chat_message', sent.json().id, 'harassment')).hidden).toBe(false);
    expect((await t.client(reader).get(`/api/rooms/${roomId}/messages`)).json().messages.at(-1).body).toBe(words);
    await t.client(moderator).put('/api/moderation/settings', { profanityAction: 'censor' });
  });
});

describe('rate limits', () => {
  it('slows a flood from a new member, but never the words of a person at risk', async () => {
    const author = await t.createUser();
    const { roomId } = await createGroupRoom(t, [author]);
    const results = [];
    for (let i = 0; i < 31; i++) results.push((await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: `flood-${i}`, body: `buy now ${i}` })).statusCode);
    expect(results.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(results[30]).toBe(429);
    const crisis = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'flood-crisis', body: URGENT_TEXT });
    expect(crisis.statusCode).toBe(201);
  });
});
