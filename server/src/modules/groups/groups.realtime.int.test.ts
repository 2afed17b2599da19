import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { actorOf } from '../../test/factories/setup.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';
import { connectLive } from '../../test/factories/chat.ts';

let t: TestServer;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestServer();
  baseUrl = await t.listen();
});
afterAll(async () => t.close());

const NO_SUCH_GROUP = '01900000-0000-7000-8000-000000000000';

describe('the group channel, batched', () => {
  it('answers many people and groups at once exactly as one by one', async () => {
    const { group: open, facilitator } = await createGroup(t);
    const { group: hidden } = await createGroup(t, { facilitator, body: { visibility: 'invite' } });
    const { group: archived } = await createGroup(t, { facilitator });
    const [member, invitee, stranger, leaver] = [await addMember(t, hidden.id, facilitator), await t.createUser(), await t.createUser(), await addMember(t, archived.id, facilitator)];
    await t.client(facilitator).post(`/api/groups/${hidden.id}/invitations`, { userId: invitee.id });
    await t.client(leaver).post(`/api/groups/${archived.id}/leave`);
    await addMember(t, archived.id, facilitator, member);
    await t.client(facilitator).post(`/api/groups/${archived.id}/archive`);
    const admin = await t.createUser('admin');

    const people = [facilitator, member, invitee, stranger, leaver, admin];
    const groupIds = [open.id, hidden.id, archived.id, NO_SUCH_GROUP];
    const checks = people.flatMap((u) => groupIds.map((groupId) => ({ actor: actorOf(u), groupId })));
    const batched = await t.services.groups.canViewGroups(checks);
    const oneByOne = await Promise.all(checks.map((c) => t.services.groups.getVisibleGroup(c.actor, c.groupId).then(() => true, () => false)));
    expect(batched).toEqual(oneByOne);

    const answer = (u: TestUser, groupId: string) => batched[checks.findIndex((c) => c.actor.userId === u.id && c.groupId === groupId)];
    expect([answer(stranger, open.id), answer(stranger, hidden.id), answer(invitee, hidden.id), answer(member, hidden.id)]).toEqual([true, false, true, true]);
    expect([answer(member, archived.id), answer(leaver, archived.id), answer(admin, hidden.id), answer(admin, NO_SUCH_GROUP)]).toEqual([true, false, true, false]);
  });

  it('ends a removed person’s live view of an invite-only group at once, and keeps it for an open group they may still see', async () => {
    const { group: hidden, facilitator } = await createGroup(t, { body: { visibility: 'invite' } });
    const { group: open } = await createGroup(t, { facilitator });
    const person = await addMember(t, hidden.id, facilitator);
    await addMember(t, open.id, facilitator, person);
    const live = await connectLive(baseUrl, person);
    try {
      expect((await live.subscribe(`group:${hidden.id}`)).type).toBe('subscribed');
      expect((await live.subscribe(`group:${open.id}`)).type).toBe('subscribed');
      expect((await t.client(facilitator).delete(`/api/groups/${hidden.id}/members/${person.id}`)).statusCode).toBe(200);
      expect((await t.client(facilitator).delete(`/api/groups/${open.id}/members/${person.id}`)).statusCode).toBe(200);
      await live.waitFor((e) => e.type === 'revoked');
      await live.flush();
      const revoked = live.events.flatMap((e) => (e.type === 'revoked' ? [e] : []));
      expect(revoked).toEqual([{ type: 'revoked', room: `group:${hidden.id}`, reason: 'removed' }]);
    } finally {
      await live.close();
    }
  });
});
