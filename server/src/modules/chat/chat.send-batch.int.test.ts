import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { eq, sql } from 'drizzle-orm';
import { messages, rooms } from '../../db/schema/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { actorOf } from '../../test/factories/setup.ts';
import { createGroupRoom, insertGroup, insertMembership, insertSession } from '../../test/factories/chat.ts';
import { PLAIN_TEXT, URGENT_TEXT, putOnCall } from '../../test/factories/safety.ts';
import { recordStatements } from '../../test/statements.ts';
import { createSendBatcher } from './chat.send-batch.ts';

let t: TestServer;

beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());


async function people(n: number) {
  return Promise.all(Array.from({ length: n }, () => t.createUser('member')));
}

async function storedSeqs(roomId: string) {
  const rows = await t.database.db.select({ seq: messages.seq, createdAt: messages.createdAt }).from(messages).where(eq(messages.roomId, roomId)).orderBy(messages.seq);
  return rows;
}

async function lastSeqOf(roomId: string) {
  const [row] = await t.database.db.select({ lastSeq: rooms.lastSeq }).from(rooms).where(eq(rooms.id, roomId));
  return row!.lastSeq;
}

/** Posts through the one use case both transports share; records the order in which acknowledgements come back. */
function postAll(roomId: string, sends: Array<{ user: TestUser; clientId: string; body: string }>) {
  const acks: number[] = [];
  const results = Promise.allSettled(sends.map(async (s) => {
    const answer = await t.services.chat.postMessage(actorOf(s.user), roomId, { clientId: s.clientId, body: s.body });
    if (answer.created) acks.push(answer.message.seq);
    return answer;
  }));
  return { acks, results };
}

describe('group commit of chat sends', () => {
  it('stores many concurrent sends to one room in few statements, with gapless seqs in acknowledgement order', async () => {
    const members = await people(24);
    const { roomId } = await createGroupRoom(t, members);
    const { acks, results } = postAll(roomId, members.map((user, i) => ({ user, clientId: `many-${i}`, body: `${PLAIN_TEXT} (${i})` })));
    const settled = await results;
    expect(settled.every((r) => r.status === 'fulfilled')).toBe(true);
    // Acknowledged in seq order, and every seq from 1 to 24 used exactly once.
    expect(acks).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const stored = await storedSeqs(roomId);
    expect(stored.map((r) => r.seq)).toEqual(acks);
    expect(await lastSeqOf(roomId)).toBe(24);
    // Batched: messages committed by one statement share its transaction time, so there are fewer times than messages.
    expect(new Set(stored.map((r) => r.createdAt.getTime())).size).toBeLessThan(24);
  });

  it('answers duplicates within a batch and across batches with the original message, using no seq', async () => {
    const [a, b, c] = await people(3);
    const { roomId } = await createGroupRoom(t, [a!, b!, c!]);
    const first = await t.services.chat.postMessage(actorOf(a!), roomId, { clientId: 'dup-early', body: 'Stored before the batch' });
    expect(first.message.seq).toBe(1);
    const { results } = postAll(roomId, [
      { user: a!, clientId: 'dup-early', body: 'Stored before the batch' },
      { user: b!, clientId: 'dup-same', body: 'Twice in one batch' },
      { user: b!, clientId: 'dup-same', body: 'Twice in one batch' },
      { user: c!, clientId: 'fresh', body: 'A new message' },
      { user: c!, clientId: 'fresh', body: 'A new message' },
    ]);
    const answers = (await results).map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(answers.every(Boolean)).toBe(true);
    expect(answers[0]).toMatchObject({ created: false, message: { id: first.message.id, seq: 1 } });
    // Each pair is one stored message: one copy created, the other answered with it.
    for (const [x, y] of [[1, 2], [3, 4]] as const) {
      expect(answers[x]!.message.id).toBe(answers[y]!.message.id);
      expect([answers[x]!.created, answers[y]!.created].sort()).toEqual([false, true]);
    }
    expect((await storedSeqs(roomId)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await lastSeqOf(roomId)).toBe(3);
  });

  it('fails only the bad message of a batch; the others are stored with gapless seqs', async () => {
    const members = await people(4);
    const outsider = await t.createUser('member');
    const { roomId } = await createGroupRoom(t, members);
    const { results } = postAll(roomId, [
      ...members.map((user, i) => ({ user, clientId: `ok-${i}`, body: `Hello (${i})` })),
      { user: outsider, clientId: 'bad', body: 'Let me in' },
    ]);
    const settled = await results;
    expect(settled.slice(0, 4).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(settled[4]).toMatchObject({ status: 'rejected', reason: { status: 404 } });
    expect((await storedSeqs(roomId)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);

    // A row the database refuses inside one batch statement (an author that does not exist): the batch is stored
    // again one message at a time, and only that message fails.
    const batcher = createSendBatcher(t.database.db);
    const row = (authorId: string, clientId: string) => ({ roomId, authorId, clientId, bodyCiphertext: 'x', hiddenAt: null });
    const outcomes = await Promise.allSettled([
      batcher.store(row(members[0]!.id, 'split-1')),
      batcher.store(row('00000000-0000-7000-8000-000000000000', 'split-bad')),
      batcher.store(row(members[1]!.id, 'split-2')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const seqs = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.row.seq] : []));
    for (const o of outcomes) if (o.status === 'fulfilled') o.value.turn.release();
    expect(seqs).toEqual([5, 6]);
    expect(await lastSeqOf(roomId)).toBe(6);
  });

  it('still opens a case and gives the author the card for a crisis message inside a batch', async () => {
    const members = await people(5);
    const oncall = await t.createUser('clinician');
    await putOnCall(t, oncall);
    const { roomId } = await createGroupRoom(t, members);
    const { results } = postAll(roomId, members.map((user, i) => ({ user, clientId: `crisis-${i}`, body: i === 2 ? URGENT_TEXT : `${PLAIN_TEXT} (${i})` })));
    const answers = (await results).map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(answers.every((a) => a?.created)).toBe(true);
    expect(answers[2]!.safety).toMatchObject({ card: 'urgent' });
    expect(answers.filter((a) => a!.safety).length).toBe(1);
    const cases = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from safety_cases where subject_user_id = ${members[2]!.id}`);
    expect(cases.rows[0]!.n).toBe(1);
    // Every message, worried about or not, has its assessment row.
    const assessed = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from risk_assessments where source_id in (select id from messages where room_id = ${roomId})`);
    expect(assessed.rows[0]!.n).toBe(5);
    expect((await storedSeqs(roomId)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('answers 503 to every send of a batch the database fails, and acknowledges none of them', async () => {
    const members = await people(3);
    const { roomId } = await createGroupRoom(t, members);
    // Hold the room's row so the batch statement waits, then end its connection the way a database restart does.
    const locker = new pg.Client({ connectionString: t.database.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select 1 from rooms where id = $1 for update', [roomId]);
      const sends = Promise.all(members.map((u, i) => t.client(u).post(`/api/rooms/${roomId}/messages`, { clientId: `down-${i}`, body: `Hello (${i})` })));
      let settled = false;
      void sends.finally(() => (settled = true));
      while (!settled) {
        await locker.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const answers = await sends;
      expect(answers.map((a) => a.statusCode)).toEqual([503, 503, 503]);
      expect(answers[0]!.json().error.message).toMatch(/Nothing you sent is lost/);
    } finally {
      await locker.query('rollback').catch(() => {});
      await locker.end();
    }
    expect(await storedSeqs(roomId)).toEqual([]);
    expect(await lastSeqOf(roomId)).toBe(0);
    // The node recovers at once: the next send is stored with seq 1.
    const after = await t.client(members[0]!).post(`/api/rooms/${roomId}/messages`, { clientId: 'down-after', body: 'Back again' });
    expect(after.statusCode).toBe(201);
    expect(after.json().seq).toBe(1);
  });
});

describe('moderation read per batch', () => {
  it('stops only the muted person of a batch in a live session room, and an unmute applies to the very next batch', async () => {
    const [facilitator, muted, other] = [await t.createUser('facilitator'), await t.createUser(), await t.createUser()];
    const group = await insertGroup(t);
    await insertMembership(t, group.id, facilitator, { role: 'facilitator' });
    await insertMembership(t, group.id, muted);
    await insertMembership(t, group.id, other);
    const session = await insertSession(t, group.id, { startsInMinutes: -5 });
    const roomId = (await t.client(muted).get(`/api/sessions/${session.id}/room`)).json().roomId as string;
    expect((await t.client(facilitator).post(`/api/moderation/live/sessions/${session.id}/mutes`, { userId: muted.id })).statusCode).toBe(200);

    // Sent at the same moment: one batch reads both people's mutes in one statement.
    const first = postAll(roomId, [
      { user: muted, clientId: 'mute-1', body: PLAIN_TEXT },
      { user: other, clientId: 'mute-2', body: PLAIN_TEXT },
      { user: facilitator, clientId: 'mute-3', body: PLAIN_TEXT },
    ]);
    const [mutedSend, otherSend, facilitatorSend] = await first.results;
    expect(mutedSend!.status).toBe('rejected');
    expect((mutedSend as PromiseRejectedResult).reason.code).toBe('session_muted');
    expect(otherSend!.status).toBe('fulfilled');
    expect(facilitatorSend!.status).toBe('fulfilled');
    expect((await storedSeqs(roomId)).map((r) => r.seq)).toEqual([1, 2]);

    expect((await t.client(facilitator).post(`/api/moderation/live/sessions/${session.id}/unmute`, { userId: muted.id })).statusCode).toBe(200);
    const again = await t.services.chat.postMessage(actorOf(muted), roomId, { clientId: 'mute-4', body: PLAIN_TEXT });
    expect(again.message.seq).toBe(3);
  });
});

describe('a room backlog read once for everyone', () => {
  it('gives the same events as a member’s own backlog, and a person outside the room gets nothing from listBacklog', async () => {
    const [member, other, outsider] = await people(3);
    const { roomId } = await createGroupRoom(t, [member!, other!]);
    const { results } = postAll(roomId, [member!, other!, member!].map((user, i) => ({ user, clientId: `backlog-${i}`, body: `${PLAIN_TEXT} (${i})` })));
    await results;
    const shared = await t.services.chat.listRoomBacklog(roomId, 1);
    expect(shared.map((e) => (e.type === 'message.created' ? e.seq : null))).toEqual([2, 3]);
    expect(await t.services.chat.listBacklog(actorOf(member!), roomId, 1)).toEqual(shared);
    expect(await t.services.chat.listBacklog(actorOf(outsider!), roomId, 0)).toEqual([]);
    expect(await t.services.chat.canJoinRoom(actorOf(outsider!), roomId)).toBe(false);
  });
});

describe('session and on-demand rooms read per batch', () => {
  it('reads a batch’s session rooms and on-demand rooms in one statement each, and a session ending or a small group closing stops the next post', async () => {
    const [facilitator, member, outsider] = [await t.createUser('facilitator'), await t.createUser(), await t.createUser()];
    const group = await insertGroup(t);
    await insertMembership(t, group.id, facilitator, { role: 'facilitator' });
    await insertMembership(t, group.id, member);
    const session = await insertSession(t, group.id, { startsInMinutes: -5 });
    const sessionRoom = (await t.client(member).get(`/api/sessions/${session.id}/room`)).json().roomId as string;
    const placedMember = await t.createUser();
    const placed = (await t.client(placedMember).post('/api/matching/small-groups', { text: 'I feel so anxious before every exam', language: 'fi' })).json().room;
    const smallGroupRoom = placed.roomId as string;
    // Each room's row is read once (it never changes), before the batch.
    await t.services.chat.postMessage(actorOf(member), sessionRoom, { clientId: 'sb-warm-1', body: PLAIN_TEXT });
    await t.services.chat.postMessage(actorOf(placedMember), smallGroupRoom, { clientId: 'sb-warm-2', body: PLAIN_TEXT });

    const sends = [
      { roomId: sessionRoom, user: facilitator, clientId: 'sb-1' },
      { roomId: smallGroupRoom, user: placedMember, clientId: 'sb-2' },
      { roomId: sessionRoom, user: member, clientId: 'sb-3' },
      { roomId: sessionRoom, user: outsider, clientId: 'sb-4' },
      { roomId: smallGroupRoom, user: outsider, clientId: 'sb-5' },
      { roomId: smallGroupRoom, user: placedMember, clientId: 'sb-6' },
    ];
    const { result: settled, statements } = await recordStatements(() =>
      Promise.allSettled(sends.map((s) => t.services.chat.postMessage(actorOf(s.user), s.roomId, { clientId: s.clientId, body: PLAIN_TEXT }))));
    const reading = (pattern: RegExp) => statements.filter((text) => pattern.test(text)).length;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    // Nobody outside a room learns it exists.
    expect((settled[3] as PromiseRejectedResult).reason.status).toBe(404);
    expect((settled[4] as PromiseRejectedResult).reason.status).toBe(404);
    // One statement per kind for the whole batch, and no per-message reads of the sessions or matching tables.
    expect(reading(/join sessions s/)).toBe(1);
    expect(reading(/join on_demand_rooms r/)).toBe(1);
    expect(reading(/"sessions"|"on_demand_rooms"|"on_demand_members"/)).toBe(0);
    expect((await storedSeqs(sessionRoom)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await storedSeqs(smallGroupRoom)).map((r) => r.seq)).toEqual([1, 2, 3]);

    // Nothing is kept between batches: the session ending and the small group closing stop the very next post.
    await t.database.pool.query(`update sessions set ends_at = now() - interval '1 minute' where id = $1`, [session.id]);
    await t.database.pool.query(`update on_demand_rooms set status = 'closed' where id = $1`, [placed.id]);
    const after = await Promise.allSettled([
      t.services.chat.postMessage(actorOf(member), sessionRoom, { clientId: 'sb-7', body: PLAIN_TEXT }),
      t.services.chat.postMessage(actorOf(placedMember), smallGroupRoom, { clientId: 'sb-8', body: PLAIN_TEXT }),
    ]);
    expect(after.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect((after[0] as PromiseRejectedResult).reason.code).toBe('room_closed');
    expect((after[1] as PromiseRejectedResult).reason.status).toBe(403);
    expect((await storedSeqs(sessionRoom)).length).toBe(3);
    expect((await storedSeqs(smallGroupRoom)).length).toBe(3);
  });
});
