import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, createGroupRoom } from '../../test/factories/chat.ts';
import { PLAIN_TEXT, putOnCall, URGENT_TEXT } from '../../test/factories/safety.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { createTestClock } from '../../test/factories/setup.ts';

let t: TestServer;
const clock = createTestClock(new Date());
let baseUrl: string;

beforeAll(async () => {
  t = await createTestServer({ now: clock.now });
  baseUrl = await t.listen();
});
afterAll(() => t.close());

describe('urgent message path', () => {
  it('delivers the message to the room, alerts the on-call dashboard and shows the author their private card', async () => {
    const [author, peer] = [await t.createUser(), await t.createUser()];
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const { roomId } = await createGroupRoom(t, [author, peer]);

    const peerLive = await connectLive(baseUrl, peer);
    const authorLive = await connectLive(baseUrl, author);
    const oncallLive = await connectLive(baseUrl, moderator);
    expect((await peerLive.subscribe(`room:${roomId}`)).type).toBe('subscribed');
    expect((await authorLive.subscribe(`user:${author.id}`)).type).toBe('subscribed');
    expect((await oncallLive.subscribe(`oncall:${t.org.id}`)).type).toBe('subscribed');

    const res = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'u1', body: URGENT_TEXT });
    expect(res.statusCode).toBe(201);
    expect(res.json().safety).toEqual({ card: 'urgent', aboutSomeoneElse: false });

    const delivered = await peerLive.waitFor((e) => e.type === 'message.created');
    expect(delivered.type === 'message.created' && delivered.message.body).toBe(URGENT_TEXT);
    const opened = await oncallLive.waitFor((e) => e.type === 'case.opened');
    const card = await authorLive.waitFor((e) => e.type === 'safety.card');
    expect(card).toMatchObject({ level: 'urgent', aboutSomeoneElse: false, room: `user:${author.id}` });
    expect(opened.type === 'case.opened' && card.type === 'safety.card' && opened.caseId === card.caseId).toBe(true);
    // The card is private: the other person in the room never sees it.
    await peerLive.flush();
    expect(peerLive.events.some((e) => e.type === 'safety.card' || e.type === 'case.opened')).toBe(false);
    await Promise.all([peerLive.close(), authorLive.close(), oncallLive.close()]);
  });

  it('answers a resend with the same client id with the same card over HTTP, without a second case or alert', async () => {
    const author = await t.createUser();
    const { roomId } = await createGroupRoom(t, [author]);
    const first = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'resend-1', body: URGENT_TEXT });
    expect(first.json().safety).toEqual({ card: 'urgent', aboutSomeoneElse: false });
    const again = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'resend-1', body: URGENT_TEXT });
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().safety).toEqual({ card: 'urgent', aboutSomeoneElse: false });
    const assessments = await t.database.pool.query('select count(*)::int as n from risk_assessments where user_id = $1', [author.id]);
    expect(assessments.rows[0].n).toBe(1);
    const plain = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'resend-2', body: PLAIN_TEXT });
    expect((await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'resend-2', body: PLAIN_TEXT })).json().safety).toBe(plain.json().safety);
  });

  it('stores the assessment without the words, and sends no card for an ordinary message', async () => {
    const author = await t.createUser();
    const { roomId } = await createGroupRoom(t, [author]);
    const res = await t.client(author).post(`/api/rooms/${roomId}/messages`, { clientId: 'p1', body: PLAIN_TEXT });
    expect(res.statusCode).toBe(201);
    expect(res.json().safety).toBeUndefined();
    const rows = await t.database.pool.query('select * from risk_assessments where user_id = $1', [author.id]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].level).toBe('none');
    expect(JSON.stringify(rows.rows[0])).not.toContain('walk this morning');
  });

  it('lets only the person join their own user room, and only safety staff of the org join the on-call room', async () => {
    const [member, other, peerSupporter, clinician] = [await t.createUser(), await t.createUser(), await t.createUser('peer_supporter'), await t.createUser('clinician')];
    const live = await connectLive(baseUrl, member);
    expect((await live.subscribe(`user:${other.id}`)).type).toBe('error');
    expect((await live.subscribe(`oncall:${t.org.id}`)).type).toBe('error');
    const ps = await connectLive(baseUrl, peerSupporter);
    expect((await ps.subscribe(`oncall:${t.org.id}`)).type).toBe('error');
    const cl = await connectLive(baseUrl, clinician);
    expect((await cl.subscribe(`oncall:${t.org.id}`)).type).toBe('subscribed');
    await Promise.all([live.close(), ps.close(), cl.close()]);
  });
});

describe('escalation', () => {
  it('escalates an unacknowledged case to clinicians after the SLA, once, and not after acknowledgement', async () => {
    const t2 = await createTestServer({ now: clock.now });
    try {
      const moderator = await t2.createUser('moderator');
      await t2.createUser('clinician');
      await putOnCall(t2, moderator);
      const member = await t2.createUser();
      const caseId = (await t2.client(member).post('/api/safety/talk-now')).json().caseId;

      // Other jobs (the notifications' own delivery) may run too, so the test reads the case, not the job count.
      const escalations = async () => (await t2.database.pool.query(`select count(*)::int as n from case_events where case_id = $1 and kind = 'escalated'`, [caseId])).rows[0].n;
      await t2.jobs.runDueJobs();
      clock.advance(119_000);
      await t2.jobs.runDueJobs();
      expect(await escalations()).toBe(0);
      clock.advance(2_000);
      await t2.jobs.runDueJobs();
      expect(await escalations()).toBe(1);
      await t2.jobs.runDueJobs();
      expect(await escalations()).toBe(1);

      const view = (await t2.client(moderator).get(`/api/safety/cases/${caseId}`)).json();
      expect(view.tier).toBe(2);
      const escalated = view.timeline.filter((e: { kind: string }) => e.kind === 'escalated');
      expect(escalated).toHaveLength(1);
      expect(escalated[0].data).toMatchObject({ fromTier: 1, toTier: 2 });

      // Acknowledged before the next SLA: no tier 3.
      expect((await t2.client(moderator).post(`/api/safety/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
      clock.advance(300_000);
      await t2.jobs.runDueJobs();
      expect((await t2.client(moderator).get(`/api/safety/cases/${caseId}`)).json().tier).toBe(2);
      const audit = await t2.database.pool.query(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'safety_case.escalated'`, [caseId]);
      expect(audit.rows[0].n).toBe(1);
    } finally {
      await t2.close();
    }
  });

  it('publishes case.escalated to the on-call dashboard', async () => {
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const member = await t.createUser();
    const live = await connectLive(baseUrl, moderator);
    await live.subscribe(`oncall:${t.org.id}`);
    const caseId = (await t.client(member).post('/api/safety/talk-now')).json().caseId;
    clock.advance(121_000);
    await t.jobs.runDueJobs();
    const event = await live.waitFor((e) => e.type === 'case.escalated' && e.caseId === caseId);
    expect(event).toMatchObject({ caseId, tier: expect.any(Number) });
    await live.close();
  });
});
