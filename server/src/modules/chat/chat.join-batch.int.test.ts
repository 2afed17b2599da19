import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { actorOf } from '../../test/factories/setup.ts';
import { recordStatements } from '../../test/statements.ts';
import { connectLive, createDirectRoom, createGroupRoom, insertGroup, insertMembership, insertSession, type LiveClient } from '../../test/factories/chat.ts';

let t: TestServer;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestServer();
  baseUrl = await t.listen();
});
afterAll(async () => t.close());

const NO_SUCH_ROOM = '01900000-0000-7000-8000-000000000000';

async function sessionRoom(user: TestUser, sessionId: string) {
  const res = await t.client(user).get(`/api/sessions/${sessionId}/room`);
  if (res.statusCode !== 200) throw new Error(`session room failed: ${res.body}`);
  return res.json().roomId as string;
}

/** Rooms of every kind and state, and people with every kind of relation to them. */
async function buildWorld() {
  const [member, leaver, facilitator, seeker, supporter, outsider, archivedMember] = await Promise.all([
    t.createUser(), t.createUser(), t.createUser(), t.createUser(), t.createUser('peer_supporter'), t.createUser(), t.createUser(),
  ]);
  const { group, roomId: groupRoom } = await createGroupRoom(t, [member, leaver]);
  await insertMembership(t, group.id, facilitator, { role: 'facilitator' });
  const { group: archived, roomId: archivedRoom } = await createGroupRoom(t, [archivedMember]);
  await t.database.pool.query(`update groups set archived_at = now() where id = $1`, [archived.id]);

  const live = await insertSession(t, group.id, { startsInMinutes: -5 });
  const later = await insertSession(t, group.id, { startsInMinutes: 180 });
  const cancelled = await insertSession(t, group.id, { startsInMinutes: -5 });
  const liveRoom = await sessionRoom(member, live.id);
  const laterRoom = await sessionRoom(facilitator, later.id);
  const cancelledRoom = await sessionRoom(member, cancelled.id);
  await t.database.pool.query(`update sessions set status = 'cancelled' where id = $1`, [cancelled.id]);

  const { roomId: directRoom } = await createDirectRoom(t, seeker, supporter);
  const { conversationId: declined, roomId: declinedRoom } = await createDirectRoom(t, member, supporter);
  await t.database.pool.query(`update direct_conversations set status = 'declined' where id = $1`, [declined]);

  const placed = (await t.client(seeker).post('/api/matching/small-groups', { text: 'I feel so anxious before every exam', language: 'sv' })).json().room;

  // Left after the rooms were made, so no revoke was sent: only a re-check can notice.
  await t.database.pool.query(`update group_members set status = 'left' where group_id = $1 and user_id = $2`, [group.id, leaver.id]);

  const people = { member, leaver, facilitator, seeker, supporter, outsider, archivedMember };
  const rooms = { groupRoom, archivedRoom, liveRoom, laterRoom, cancelledRoom, directRoom, declinedRoom, onDemandRoom: placed.roomId as string, missing: NO_SUCH_ROOM };
  return { people, rooms };
}

describe('joining checks in a batch', () => {
  it('gives exactly the answers canJoinRoom gives one by one, for every kind and state of room', async () => {
    const { people, rooms } = await buildWorld();
    const checks = Object.values(people).flatMap((u) => Object.values(rooms).map((roomId) => ({ actor: actorOf(u), roomId })));
    const batched = await t.services.chat.canJoinRooms(checks);
    const oneByOne = await Promise.all(checks.map((c) => t.services.chat.canJoinRoom(c.actor, c.roomId)));
    expect(batched).toEqual(oneByOne);

    // And the answers are the right ones, not merely the same ones.
    const answer = (u: TestUser, roomId: string) => batched[checks.findIndex((c) => c.actor.userId === u.id && c.roomId === roomId)];
    expect(answer(people.member, rooms.groupRoom)).toBe(true);
    expect(answer(people.leaver, rooms.groupRoom)).toBe(false);
    expect(answer(people.outsider, rooms.groupRoom)).toBe(false);
    expect(answer(people.archivedMember, rooms.archivedRoom)).toBe(true);
    expect(answer(people.member, rooms.liveRoom)).toBe(true);
    expect(answer(people.leaver, rooms.liveRoom)).toBe(false);
    expect(answer(people.member, rooms.laterRoom)).toBe(false);
    expect(answer(people.facilitator, rooms.laterRoom)).toBe(true);
    expect(answer(people.facilitator, rooms.cancelledRoom)).toBe(false);
    expect(answer(people.seeker, rooms.directRoom)).toBe(true);
    expect(answer(people.supporter, rooms.directRoom)).toBe(true);
    expect(answer(people.member, rooms.directRoom)).toBe(false);
    expect(answer(people.seeker, rooms.onDemandRoom)).toBe(true);
    expect(answer(people.outsider, rooms.onDemandRoom)).toBe(false);
    expect(answer(people.member, rooms.declinedRoom)).toBe(false);
    expect(answer(people.member, NO_SUCH_ROOM)).toBe(false);
    expect(await t.services.chat.canJoinRooms([])).toEqual([]);
  });
});

describe('joining checks in a batch: statements', () => {
  it('reads sessions and on-demand rooms in one statement each, however many rooms and people', async () => {
    const { people, rooms } = await buildWorld();
    // A second on-demand room, so the on-demand kind has more than one room as well.
    const another = (await t.client(people.outsider).post('/api/matching/small-groups', { text: 'grieving my grandmother, it has been hard', language: 'nb' })).json().room;
    // Every room exists (a subscription is only ever to a room that existed), so room rows all come from the node's copy.
    const all = [...Object.values(rooms).filter((id) => id !== NO_SUCH_ROOM), another.roomId as string];
    const checks = Object.values(people).flatMap((u) => all.map((roomId) => ({ actor: actorOf(u), roomId })));
    // Room rows are kept per node once known; the first batch may read them.
    await t.services.chat.canJoinRooms(checks);

    const { result, statements } = await recordStatements(() => t.services.chat.canJoinRooms(checks));
    const reading = (pattern: RegExp) => statements.filter((s) => pattern.test(s)).length;
    expect(reading(/from "sessions"/)).toBe(1);
    expect(reading(/join groups g/)).toBe(1);
    expect(reading(/on_demand_rooms/)).toBe(1);
    expect(reading(/direct_conversations/)).toBe(1);
    expect(reading(/from "rooms"/)).toBe(0);

    // The answers are still those of canJoinRoom one by one.
    const oneByOne = await Promise.all(checks.map((c) => t.services.chat.canJoinRoom(c.actor, c.roomId)));
    expect(result).toEqual(oneByOne);
    expect(result[checks.findIndex((c) => c.actor.userId === people.outsider.id && c.roomId === another.roomId)]).toBe(true);
    expect(result[checks.findIndex((c) => c.actor.userId === people.seeker.id && c.roomId === another.roomId)]).toBe(false);
  });
});

describe('the periodic re-check, batched', () => {
  it('ends exactly the subscriptions whose access changed without a revoke, across group, session and direct rooms', async () => {
    const [stays, goes, seeker, supporter] = await Promise.all([t.createUser(), t.createUser(), t.createUser(), t.createUser('peer_supporter')]);
    const { group, roomId } = await createGroupRoom(t, [stays, goes]);
    const session = await insertSession(t, group.id, { startsInMinutes: -5 });
    const liveRoom = await sessionRoom(stays, session.id);
    const { conversationId, roomId: directRoom } = await createDirectRoom(t, seeker, supporter);
    const other = await insertGroup(t);
    await insertMembership(t, other.id, stays);

    const open: LiveClient[] = [];
    try {
      const subscribe = async (u: TestUser, rooms: string[]) => {
        const live = await connectLive(baseUrl, u);
        open.push(live);
        for (const r of rooms) expect((await live.subscribe(`room:${r}`)).type).toBe('subscribed');
        return live;
      };
      const liveStays = await subscribe(stays, [roomId, liveRoom]);
      const liveGoes = await subscribe(goes, [roomId, liveRoom]);
      const liveSeeker = await subscribe(seeker, [directRoom]);
      const liveSupporter = await subscribe(supporter, [directRoom]);

      // Changed straight in the database: no revoke is published, as when one was lost on the way to this node.
      await t.database.pool.query(`update group_members set status = 'left' where group_id = $1 and user_id = $2`, [group.id, goes.id]);
      await t.database.pool.query(`update direct_conversations set status = 'declined' where id = $1`, [conversationId]);
      await t.hub.recheckNow();
      await Promise.all(open.map((c) => c.flush()));

      const revoked = (c: LiveClient) => c.events.flatMap((e) => (e.type === 'revoked' ? [`${e.room} ${e.reason}`] : [])).sort();
      expect(revoked(liveStays)).toEqual([]);
      expect(revoked(liveGoes)).toEqual([`room:${liveRoom} access_changed`, `room:${roomId} access_changed`].sort());
      expect(revoked(liveSeeker)).toEqual([`room:${directRoom} access_changed`]);
      expect(revoked(liveSupporter)).toEqual([`room:${directRoom} access_changed`]);
    } finally {
      await Promise.all(open.map((c) => c.close()));
    }
  });

  it('asks a channel that answers in batches once per re-check for all its subscriptions, and never one by one', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => t.createUser()));
    const calls: Array<Array<{ userId: string; id: string }>> = [];
    let single = 0;
    // A scope of its own, so nothing else on this server is counted. Everyone may join; at the re-check, odd ids lost access.
    t.hub.registerChannel('probe', {
      authorize: async () => {
        single++;
        return true;
      },
      authorizeMany: async (checks) => {
        calls.push(checks.map((c) => ({ userId: c.actor.userId, id: c.id })));
        return checks.map((c) => Number(c.id) % 2 === 0);
      },
    });
    const open: LiveClient[] = [];
    try {
      for (const [i, u] of people.entries()) {
        // Two sockets of one person in the same room are one check.
        for (let copy = 0; copy < (i === 0 ? 2 : 1); copy++) {
          const live = await connectLive(baseUrl, u);
          open.push(live);
          expect((await live.subscribe(`probe:${i}`)).type).toBe('subscribed');
          expect((await live.subscribe(`probe:${i + 10}`)).type).toBe('subscribed');
        }
      }
      const joins = single;
      await t.hub.recheckNow();
      await Promise.all(open.map((c) => c.flush()));

      expect(single).toBe(joins);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toHaveLength(12);
      expect(new Set(calls[0]!.map((c) => `${c.userId} ${c.id}`)).size).toBe(12);
      const revokedRooms = open.flatMap((c) => c.events.flatMap((e) => (e.type === 'revoked' ? [e.room] : []))).sort();
      expect(revokedRooms).toEqual(['probe:1', 'probe:11', 'probe:3', 'probe:13', 'probe:5', 'probe:15'].sort());
    } finally {
      await Promise.all(open.map((c) => c.close()));
    }
  });

  it('keeps every subscription of a batch the database could not answer, and asks again at the next re-check', async () => {
    const person = await t.createUser();
    let failing = true;
    t.hub.registerChannel('flaky', {
      authorize: async () => true,
      authorizeMany: async (checks) => {
        if (failing) throw new Error('the database is restarting');
        return checks.map(() => false);
      },
    });
    const live = await connectLive(baseUrl, person);
    try {
      expect((await live.subscribe('flaky:1')).type).toBe('subscribed');
      await t.hub.recheckNow();
      await live.flush();
      expect(live.events.some((e) => e.type === 'revoked')).toBe(false);
      failing = false;
      await t.hub.recheckNow();
      await live.flush();
      expect(live.events.find((e) => e.type === 'revoked')).toEqual({ type: 'revoked', room: 'flaky:1', reason: 'access_changed' });
    } finally {
      await live.close();
    }
  });
});
