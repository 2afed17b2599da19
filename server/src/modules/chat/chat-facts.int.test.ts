import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversations, rooms } from '../../db/schema/index.ts';
import { createDirectRoom, createGroupRoom, insertGroup, insertSession } from '../../test/factories/chat.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { createChatFacts, type ChatFacts } from './index.ts';

let t: TestServer;
let facts: ChatFacts;

beforeAll(async () => {
  t = await createTestServer();
  facts = createChatFacts({ db: t.database.db });
});
afterAll(async () => {
  await t?.close();
});

describe('chat facts (the chat module\'s read-only port)', () => {
  it('lists the supporters a member has an accepted or closed one-to-one with, not pending or declined ones', async () => {
    const member = await t.createUser();
    const [accepted, closed, pending, declined] = [
      await t.createUser('peer_supporter'), await t.createUser('peer_supporter'), await t.createUser('peer_supporter'), await t.createUser('peer_supporter'),
    ];
    const { conversationId } = await createDirectRoom(t, member, accepted);
    const inserted = await t.database.db
      .insert(directConversations)
      .values([
        { memberId: member.id, supporterId: closed.id, status: 'closed' },
        { memberId: member.id, supporterId: pending.id, status: 'pending' },
        { memberId: member.id, supporterId: declined.id, status: 'declined' },
      ])
      .returning();
    const someoneElse = await t.createUser();
    await createDirectRoom(t, someoneElse, pending);

    const rows = await facts.listSupportersOf(member.id);
    expect(rows.map((r) => ({ ...r })).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { supporterId: accepted.id, conversationId, status: 'accepted' },
      { supporterId: closed.id, conversationId: inserted[0]!.id, status: 'closed' },
    ]);
    expect(await facts.listSupportersOf(someoneElse.id)).toEqual([expect.objectContaining({ supporterId: pending.id, status: 'accepted' })]);
  });

  it("lists a group's own room and its sessions' rooms, not other groups' rooms", async () => {
    const member = await t.createUser();
    const { group, roomId } = await createGroupRoom(t, [member]);
    const s1 = await insertSession(t, group.id, { startsInMinutes: -60 });
    const s2 = await insertSession(t, group.id, { startsInMinutes: 60 });
    const other = await createGroupRoom(t, [member]);
    const otherSession = await insertSession(t, other.group.id, { startsInMinutes: -60 });
    const [sessionRoom, otherSessionRoom] = await t.database.db
      .insert(rooms)
      .values([{ orgId: t.org.id, kind: 'session', sessionId: s1.id }, { orgId: t.org.id, kind: 'session', sessionId: otherSession.id }])
      .returning();

    expect(new Set(await facts.listGroupRoomIds(group.id, [s1.id, s2.id]))).toEqual(new Set([roomId, sessionRoom!.id]));
    expect(await facts.listGroupRoomIds(group.id, [])).toEqual([roomId]);
    expect(await facts.listGroupRoomIds(other.group.id, [otherSession.id])).toEqual(expect.arrayContaining([other.roomId, otherSessionRoom!.id]));
    const roomless = await insertGroup(t);
    expect(await facts.listGroupRoomIds(roomless.id, [])).toEqual([]);
  });
});
