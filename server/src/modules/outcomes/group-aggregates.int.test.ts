import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageMoods, messages, rooms, sessionFeedback } from '../../db/schema/index.ts';
import { createGroupRoom, insertGroup, insertSession } from '../../test/factories/chat.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';

// The group aggregates outcomes hands to analytics, built from the sessions and chat ports (never their tables).
let t: TestServer;
let seq = 0;

beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => {
  await t?.close();
});

async function moodIn(roomId: string, user: TestUser, compound: number, at = new Date()) {
  const [message] = await t.database.db.insert(messages).values({ roomId, seq: ++seq, authorId: user.id, clientId: `mood-${seq}`, bodyCiphertext: 'not read here' }).returning();
  await t.database.db.insert(messageMoods).values({ orgId: t.org.id, messageId: message!.id, roomId, userId: user.id, compound, emotion: 'neutral', emotionConfidence: 0.5, createdAt: at });
}

describe('group aggregates for analytics', () => {
  it("collects message moods from the group's room and its sessions' rooms since the date, not from other groups", async () => {
    const [a, b] = [await t.createUser(), await t.createUser()];
    const { group, roomId } = await createGroupRoom(t, [a, b]);
    const session = await insertSession(t, group.id, { startsInMinutes: -60 });
    const other = await createGroupRoom(t, [a]);
    const [sessionRoom] = await t.database.db.insert(rooms).values({ orgId: t.org.id, kind: 'session', sessionId: session.id }).returning();
    await moodIn(roomId, a, 0.5);
    await moodIn(sessionRoom!.id, b, -0.25);
    await moodIn(roomId, a, 0.9, new Date(Date.now() - 30 * 86_400_000));
    await moodIn(other.roomId, a, -0.75);

    const moods = await t.services.outcomes.listGroupMessageMoods(group.id, new Date(Date.now() - 7 * 86_400_000));
    expect(moods.map((m) => [m.userId, m.compound]).sort()).toEqual([[a.id, 0.5], [b.id, -0.25]].sort());
    expect(await t.services.outcomes.listGroupMessageMoods((await insertGroup(t)).id, new Date(0))).toEqual([]);
  });

  it("summarizes feedback on the groups' sessions since the date as counts only", async () => {
    const people = [await t.createUser(), await t.createUser(), await t.createUser()];
    const group = await insertGroup(t);
    const elsewhere = await insertGroup(t);
    const [s1, s2, s3] = [
      await insertSession(t, group.id, { startsInMinutes: -200 }),
      await insertSession(t, group.id, { startsInMinutes: -100 }),
      await insertSession(t, elsewhere.id, { startsInMinutes: -100 }),
    ];
    const old = new Date(Date.now() - 40 * 86_400_000);
    await t.database.db.insert(sessionFeedback).values([
      { orgId: t.org.id, sessionId: s1.id, userId: people[0]!.id, feltHeard: true, satisfaction: 5 },
      { orgId: t.org.id, sessionId: s2.id, userId: people[0]!.id, feltHeard: false, satisfaction: 3 },
      { orgId: t.org.id, sessionId: s2.id, userId: people[1]!.id, feltHeard: true, satisfaction: 5 },
      { orgId: t.org.id, sessionId: s1.id, userId: people[2]!.id, feltHeard: true, satisfaction: 1, createdAt: old },
      { orgId: t.org.id, sessionId: s3.id, userId: people[2]!.id, feltHeard: false, satisfaction: 2 },
    ]);

    const summary = await t.services.outcomes.summarizeSessionFeedback([group.id], new Date(Date.now() - 7 * 86_400_000));
    expect({ ...summary, bySatisfaction: [...summary.bySatisfaction].sort((x, y) => x.satisfaction - y.satisfaction) }).toEqual({
      responses: 3, people: 2, feltHeard: 2, satisfactionSum: 13, bySatisfaction: [{ satisfaction: 3, n: 1 }, { satisfaction: 5, n: 2 }],
    });
    expect(await t.services.outcomes.summarizeSessionFeedback([(await insertGroup(t)).id], new Date(0))).toEqual({ responses: 0, people: 0, feltHeard: 0, satisfactionSum: 0, bySatisfaction: [] });
    expect((await t.services.outcomes.summarizeSessionFeedback([], new Date(0))).responses).toBe(0);
  });
});
