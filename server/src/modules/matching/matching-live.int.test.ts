import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, createDirectRoom, sendMessage } from '../../test/factories/chat.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';
import { grantCertificate } from '../../test/factories/training.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';

let t: TestServer;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestServer();
  baseUrl = await t.listen();
});
afterAll(async () => t.close());

async function supporter(name: string) {
  const s = await t.createUser('peer_supporter', { displayName: name });
  await grantCertificate(t, s, 'peer_supporter');
  const saved = await t.client(s).put('/api/matching/supporter-profile', { livedExperience: ['grief'] });
  if (saved.statusCode !== 200) throw new Error(saved.body);
  return s;
}

/** A member talks with the supporter one to one, the conversation ends, and the member rates it (supervision's feedback). */
async function rateThroughSupervision(s: TestUser, rating: number) {
  const member = await t.createUser();
  const { conversationId, roomId } = await createDirectRoom(t, member, s);
  await sendMessage(t, member, roomId, 'Thank you for listening.');
  expect((await t.client(member).post(`/api/direct/${conversationId}/close`)).statusCode).toBe(200);
  expect((await t.client(member).post('/api/supervision/feedback', { conversationId, rating })).statusCode).toBe(201);
}

describe('request status, pushed live', () => {
  it('tells the member on their private user room the moment a supporter accepts (polling is only a fallback)', async () => {
    const s = await supporter('Ari');
    const member = await t.createUser();
    const created = await t.client(member).post('/api/matching/requests', { intro: 'my dad died last month and I would like to talk' });
    expect(created.json().status).toBe('waiting');
    const live = await connectLive(baseUrl, member);
    expect((await live.subscribe(`user:${member.id}`)).type).toBe('subscribed');
    expect((await t.client(s).post(`/api/matching/requests/${created.json().id}/accept`)).statusCode).toBe(200);
    const pushed = await live.waitFor((e) => e.type === 'invalidate');
    expect(pushed).toMatchObject({ type: 'invalidate', keys: ['matching.requests'], room: `user:${member.id}` });
    // Someone else cannot listen in on that room.
    const stranger = await connectLive(baseUrl, await t.createUser());
    expect((await stranger.subscribe(`user:${member.id}`)).type).not.toBe('subscribed');
    await Promise.all([live.close(), stranger.close()]);
  });
});

describe('supporter score', () => {
  it('counts members\' feedback from supervision, read through its public port', async () => {
    const first = await supporter('Bo');
    const second = await supporter('Cy');
    const asker = await t.createUser();
    const order = async () =>
      ((await t.client(asker).get(`/api/matching/supporters?text=${encodeURIComponent('grieving my mother')}&limit=20`)).json().supporters as { userId: string }[])
        .map((x) => x.userId)
        .filter((id) => id === first.id || id === second.id);
    // Equal on everything else, the earlier one comes first.
    expect(await order()).toEqual([first.id, second.id]);
    await rateThroughSupervision(first, 1);
    await rateThroughSupervision(second, 5);
    expect(await order()).toEqual([second.id, first.id]);
  });
});

describe('group recommendations', () => {
  it('counts the places actually left in a group (active members taken off its capacity)', async () => {
    const { group, facilitator } = await createGroup(t, { body: { name: 'Small grief circle', description: 'For people grieving a parent.', topics: ['grief'], language: 'en', capacity: 5 } });
    await addMember(t, group.id, facilitator);
    await addMember(t, group.id, facilitator);
    const asker = await t.createUser();
    const res = await t.client(asker).get(`/api/matching/groups?text=${encodeURIComponent('my dad died last month')}`);
    const rec = (res.json().recommendations as { group: { id: string }; reasons: { kind: string; count?: number }[] }[]).find((r) => r.group.id === group.id)!;
    // Capacity 5, the facilitator and two members are active: 2 places left.
    expect(rec.reasons.find((r) => r.kind === 'places')?.count).toBe(2);
  });
});
