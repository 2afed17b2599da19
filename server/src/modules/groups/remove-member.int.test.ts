import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '@hearth/contracts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';
import { connectLive, receivedMessages, sendMessage, type LiveClient } from '../../test/factories/chat.ts';
import { grantCertificate } from '../../test/factories/training.ts';

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

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const remove = (actor: TestUser | undefined, groupId: string, userId: string) => t.client(actor).delete(`/api/groups/${groupId}/members/${userId}`);

/** Makes an active member a co-facilitator (they need the facilitator certificate). */
async function promote(groupId: string, facilitator: TestUser, user: TestUser) {
  await grantCertificate(t, user, 'group_facilitator');
  const res = await t.client(facilitator).patch(`/api/groups/${groupId}/members/${user.id}`, { role: 'co_facilitator' });
  if (res.statusCode !== 200) throw new Error(`promote failed: ${res.body}`);
}

async function statusOf(groupId: string, userId: string) {
  const { rows } = await t.database.pool.query(`select status, role from group_members where group_id = $1 and user_id = $2`, [groupId, userId]);
  return rows[0] as { status: string; role: string } | undefined;
}

describe('removing someone from a group', () => {
  it('lets the facilitator remove a member: audited, told kindly, gone from the list, and able to come back only by joining', async () => {
    const { group, facilitator } = await createGroup(t);
    const member = await addMember(t, group.id, facilitator);

    const listed = (await t.client(facilitator).get(`/api/groups/${group.id}/members`)).json().members as Array<{ userId: string; abilities: { remove: boolean } }>;
    expect(listed.find((m) => m.userId === member.id)!.abilities).toEqual({ remove: true });
    expect(listed.find((m) => m.userId === facilitator.id)!.abilities).toEqual({ remove: false });

    const res = await remove(facilitator, group.id, member.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ userId: member.id, status: 'left' });
    expect(await statusOf(group.id, member.id)).toEqual({ status: 'left', role: 'member' });

    const audit = await t.database.pool.query(`select actor_id, data from audit_log where entity_id = $1 and action = 'group.member_removed'`, [group.id]);
    expect(audit.rows).toEqual([{ actor_id: facilitator.id, data: { userId: member.id, role: 'member' } }]);

    const notes = (await t.client(member).get('/api/notifications')).json();
    const note = notes.notifications.find((n: { kind: string }) => n.kind === 'group.member_removed');
    expect(note).toMatchObject({ kind: 'group.member_removed', url: '/groups', params: { groupName: group.name } });

    const after = (await t.client(facilitator).get(`/api/groups/${group.id}/members`)).json().members as Array<{ userId: string }>;
    expect(after.map((m) => m.userId)).not.toContain(member.id);
    // No longer a member: the member list and the group room are closed to them.
    expect((await t.client(member).get(`/api/groups/${group.id}/members`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/groups/${group.id}/room`)).statusCode).toBe(404);

    // The group is open: the ordinary join path lets them back in.
    const rejoined = await t.client(member).post(`/api/groups/${group.id}/join`, {});
    expect(rejoined.json()).toEqual({ status: 'active' });
  });

  it('sends someone removed from a request-to-join group back through a request', async () => {
    const { group, facilitator } = await createGroup(t, { body: { visibility: 'request' } });
    const member = await addMember(t, group.id, facilitator);
    expect((await remove(facilitator, group.id, member.id)).statusCode).toBe(200);
    expect((await t.client(member).post(`/api/groups/${group.id}/join`, {})).json()).toEqual({ status: 'requested' });
  });

  it('answers 401 without sign-in and 422 for links that are not ids', async () => {
    const { group, facilitator } = await createGroup(t);
    const member = await addMember(t, group.id, facilitator);
    expect((await remove(undefined, group.id, member.id)).statusCode).toBe(401);
    const badGroup = await remove(facilitator, 'not-an-id', member.id);
    expect(badGroup.statusCode).toBe(422);
    const badPerson = await remove(facilitator, group.id, 'not-an-id');
    expect(badPerson.statusCode).toBe(422);
    expect(badPerson.json().error.fields[0].path).toBe('userId');
    expect((await statusOf(group.id, member.id))?.status).toBe('active');
  });

  it('hides invite-only groups (404) and refuses members, moderators and other groups\' leaders (403)', async () => {
    const { group: hidden, facilitator: hiddenLead } = await createGroup(t, { body: { visibility: 'invite' } });
    const insider = await addMember(t, hidden.id, hiddenLead);
    expect((await remove(await t.createUser(), hidden.id, insider.id)).statusCode).toBe(404);
    expect((await remove(hiddenLead, NO_SUCH_ID, insider.id)).statusCode).toBe(404);

    const { group, facilitator } = await createGroup(t);
    const [a, b] = [await addMember(t, group.id, facilitator), await addMember(t, group.id, facilitator)];
    const refused = await remove(a, group.id, b.id);
    expect(refused.statusCode).toBe(403);
    expect((await remove(await t.createUser('moderator'), group.id, b.id)).statusCode).toBe(403);
    const { facilitator: otherLead } = await createGroup(t);
    expect((await remove(otherLead, group.id, b.id)).statusCode).toBe(403);
    expect((await statusOf(group.id, b.id))?.status).toBe('active');
  });

  it('lets a co-facilitator remove members but not the facilitator; nobody removes themselves', async () => {
    const { group, facilitator } = await createGroup(t);
    const co = await addMember(t, group.id, facilitator);
    await promote(group.id, facilitator, co);
    const member = await addMember(t, group.id, facilitator);

    const list = (await t.client(co).get(`/api/groups/${group.id}/members`)).json().members as Array<{ userId: string; abilities: { remove: boolean } }>;
    expect(Object.fromEntries(list.map((m) => [m.userId, m.abilities.remove]))).toEqual({ [facilitator.id]: false, [co.id]: false, [member.id]: true });

    expect((await remove(co, group.id, facilitator.id)).statusCode).toBe(403);
    const self = await remove(co, group.id, co.id);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('cannot_remove_self');
    expect((await remove(facilitator, group.id, facilitator.id)).json().error.code).toBe('cannot_remove_self');
    expect((await remove(co, group.id, member.id)).statusCode).toBe(200);
    // Someone who is not (or no longer) an active member: 404.
    const again = await remove(co, group.id, member.id);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toContain('not a member');
    // The facilitator removes a co-facilitator.
    expect((await remove(facilitator, group.id, co.id)).statusCode).toBe(200);
    expect(await statusOf(group.id, co.id)).toEqual({ status: 'left', role: 'member' });
  });

  it('keeps the last facilitator: an admin may remove leaders, but not the only facilitator', async () => {
    const { group, facilitator } = await createGroup(t);
    const admin = await t.createUser('admin');
    const refused = await remove(admin, group.id, facilitator.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('last_facilitator');
    const member = await addMember(t, group.id, facilitator);
    expect((await remove(admin, group.id, member.id)).statusCode).toBe(200);
  });

  it('refuses changes to an archived group', async () => {
    const { group, facilitator } = await createGroup(t);
    const member = await addMember(t, group.id, facilitator);
    await t.client(facilitator).post(`/api/groups/${group.id}/archive`);
    const res = await remove(facilitator, group.id, member.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('group_archived');
  });
});

describe('removing someone ends their live access at once', () => {
  it('closes the group room on the removed person\'s open socket before the next message; the others keep hearing it', async () => {
    const { group, facilitator } = await createGroup(t);
    const [stays, removed] = [await addMember(t, group.id, facilitator), await addMember(t, group.id, facilitator)];
    const roomId = (await t.client(stays).get(`/api/groups/${group.id}/room`)).json().roomId as string;
    const room = `room:${roomId}`;
    const liveStays = await connectLive(baseUrl, stays);
    const liveRemoved = await connectLive(baseUrl, removed);
    open.push(liveStays, liveRemoved);
    expect((await liveStays.subscribe(room)).type).toBe('subscribed');
    expect((await liveRemoved.subscribe(room)).type).toBe('subscribed');
    const before = await sendMessage(t, stays, roomId, 'Before anyone is removed');
    await liveRemoved.waitFor((e) => e.type === 'message.created' && e.seq === before.seq);

    expect((await remove(facilitator, group.id, removed.id)).statusCode).toBe(200);
    // Sent right after the removal was answered: the periodic re-check (10 s) has not run, only the revoke can stop it.
    const after = await sendMessage(t, stays, roomId, 'Right after the removal');
    await liveStays.waitFor((e) => e.type === 'message.created' && e.seq === after.seq);
    await liveRemoved.waitFor((e) => e.type === 'revoked');
    await liveRemoved.flush();

    expect(liveRemoved.events.find((e): e is Extract<ServerEvent, { type: 'revoked' }> => e.type === 'revoked')).toEqual({ type: 'revoked', room, reason: 'removed' });
    expect(receivedMessages(liveRemoved, roomId).map((m) => m.seq)).toEqual([before.seq]);
    expect(receivedMessages(liveStays, roomId).map((m) => m.seq)).toEqual([before.seq, after.seq]);
    expect(liveStays.events.some((e) => e.type === 'revoked')).toBe(false);
    // Joining the room again is refused.
    expect(await liveRemoved.subscribe(room)).toMatchObject({ type: 'error', code: 'not_found' });
  });
});
