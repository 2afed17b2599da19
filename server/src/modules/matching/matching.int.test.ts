import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createTestClock } from '../../test/factories/setup.ts';
import { createGroup } from '../../test/factories/groups.ts';
import { grantCertificate } from '../../test/factories/training.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const GRIEF_TEXT = "my dad died last month and I can't stop crying at work";

/** The next local wall-clock occurrence of an ISO weekday at HH:mm in a zone, as the schedule API wants it. */
function nextLocal(weekday: number, time: string, zone: string): string {
  const [h, m] = time.split(':').map(Number);
  let d = DateTime.now().setZone(zone).plus({ days: 1 }).set({ hour: h, minute: m, second: 0, millisecond: 0 });
  while (d.weekday !== weekday) d = d.plus({ days: 1 });
  return d.toFormat("yyyy-MM-dd'T'HH:mm");
}

async function groupWithSchedule(body: Record<string, unknown>, weekday: number, time: string) {
  const { group, facilitator } = await createGroup(t, { body });
  const zone = (body.timezone as string) ?? 'Europe/London';
  const res = await t.client(facilitator).post(`/api/groups/${group.id}/schedules`, { rrule: 'FREQ=WEEKLY', startLocal: nextLocal(weekday, time, zone), timezone: zone, durationMinutes: 90 });
  if (res.statusCode !== 201) throw new Error(`schedule failed: ${res.body}`);
  return group;
}

describe('GET /api/matching/groups', () => {
  it('puts grief groups in my language and my free time first, each with plain reasons', async () => {
    const ny = 'America/New_York';
    const grief = (name: string, extra: Record<string, unknown> = {}) => ({
      name, description: 'A gentle space for people grieving the death of a parent, partner or friend.', topics: ['grief'], language: 'en', timezone: ny, capacity: 10, ...extra,
    });
    const fits = [
      await groupWithSchedule(grief('Tuesday grief circle'), 2, '19:00'),
      await groupWithSchedule(grief('After loss, Tuesdays', { description: 'Losing a parent changes everything. Share and listen with others who understand bereavement.' }), 2, '19:30'),
      await groupWithSchedule(grief('Evening bereavement group', { capacity: 12 }), 2, '18:30'),
    ];
    const others = [
      await groupWithSchedule(grief('Círculo de duelo', { language: 'es', description: 'Un espacio para el duelo tras la muerte de un ser querido.' }), 2, '19:00'),
      await groupWithSchedule(grief('Saturday morning grief walk'), 6, '09:00'),
      await groupWithSchedule({ name: 'Calm on Tuesdays', description: 'Practical tools for worry and panic.', topics: ['anxiety'], language: 'en', timezone: ny }, 2, '19:00'),
      await groupWithSchedule({ name: 'Low mood support', description: 'For people living with depression.', topics: ['depression'], language: 'en', timezone: ny }, 2, '19:00'),
    ];
    const member = await t.createUser('member', { timezone: ny });
    const saved = await t.client(member).put('/api/intake/profile', {
      whatBrings: GRIEF_TEXT, languages: ['en'], timezone: ny, availability: [{ weekday: 2, start: '18:00', end: '21:30' }], format: 'online',
    });
    expect(saved.statusCode).toBe(200);

    const res = await t.client(member).get('/api/matching/groups?limit=6');
    expect(res.statusCode).toBe(200);
    const recs = res.json().recommendations as { group: { id: string; name: string }; reasons: { kind: string; text: string }[]; summary: string }[];
    const top3 = recs.slice(0, 3).map((r) => r.group.id);
    expect(new Set(top3)).toEqual(new Set(fits.map((g) => g.id)));
    for (const r of recs.slice(0, 3)) {
      const kinds = r.reasons.map((x) => x.kind);
      expect(kinds).toEqual(expect.arrayContaining(['topic', 'language', 'schedule', 'places']));
      expect(r.summary).toMatch(/^grief · English · Tuesdays (18|19):\d\d your time · \d+ places left/);
    }
    expect(top3).not.toContain(others[0]!.id);
    expect(res.json().topics[0].topic).toBe('grief');
  });

  it('uses the words I pass when I have no profile yet', async () => {
    const member = await t.createUser();
    const res = await t.client(member).get(`/api/matching/groups?text=${encodeURIComponent('I feel so alone since I moved')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().topics[0].topic).toBe('loneliness');
  });

  it('asks for sign-in (401) and explains a bad limit (422)', async () => {
    expect((await t.client().get('/api/matching/groups')).statusCode).toBe(401);
    const member = await t.createUser();
    expect((await t.client(member).get('/api/matching/groups?limit=0')).statusCode).toBe(422);
  });
});

describe('one-to-one requests (the on-demand queue)', () => {
  async function certifiedSupporter(experience: string[] = ['grief']) {
    const s = await t.createUser('peer_supporter');
    await grantCertificate(t, s, 'peer_supporter');
    await t.client(s).put('/api/matching/supporter-profile', { livedExperience: experience, acceptingRequests: true, maxCaseload: 4 });
    return s;
  }

  it('suggests certified supporters with shared lived experience first, with reasons', async () => {
    const grief = await certifiedSupporter(['grief']);
    const anxiety = await certifiedSupporter(['anxiety']);
    const uncertified = await t.createUser('peer_supporter');
    const member = await t.createUser();
    const res = await t.client(member).get(`/api/matching/supporters?text=${encodeURIComponent(GRIEF_TEXT)}&limit=20`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().supporters.map((s: { userId: string }) => s.userId);
    expect(ids.indexOf(grief.id)).toBeLessThan(ids.indexOf(anxiety.id));
    expect(ids).not.toContain(uncertified.id);
    expect(res.json().supporters[0].reasons.map((r: { kind: string }) => r.kind)).toContain('lived_experience');
  });

  it('waits with a visible status, then the first certified supporter to accept opens a conversation', async () => {
    const member = await t.createUser();
    const supporter = await certifiedSupporter();
    const other = await certifiedSupporter();
    const created = await t.client(member).post('/api/matching/requests', { intro: GRIEF_TEXT });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'waiting', intro: GRIEF_TEXT, topics: expect.arrayContaining(['grief']), abilities: { withdraw: true } });
    const { rows } = await t.database.pool.query('select details_ciphertext from support_requests where id = $1', [created.json().id]);
    expect(rows[0].details_ciphertext).not.toContain('crying');

    const queue = await t.client(supporter).get('/api/matching/queue');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().requests.find((r: { id: string }) => r.id === created.json().id);
    expect(item).toMatchObject({ topics: expect.arrayContaining(['grief']) });
    expect(JSON.stringify(item)).not.toContain('crying');

    const accepted = await t.client(supporter).post(`/api/matching/requests/${created.json().id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', supporter: { id: supporter.id } });
    expect((await t.client(other).post(`/api/matching/requests/${created.json().id}/accept`)).statusCode).toBe(409);

    const mine = await t.client(member).get(`/api/matching/requests/${created.json().id}`);
    expect(mine.json()).toMatchObject({ status: 'accepted', abilities: { chat: true, rate: true } });
    const conversation = await t.client(member).get(`/api/direct/${mine.json().conversationId}`);
    expect(conversation.json()).toMatchObject({ status: 'accepted', intro: GRIEF_TEXT, supporter: { id: supporter.id } });
    expect((await t.client(member).post(`/api/matching/requests/${created.json().id}/rating`, { rating: 5 })).json().rating).toBe(5);
  });

  it('keeps the queue closed to uncertified supporters (403) and members (403)', async () => {
    const uncertified = await t.createUser('peer_supporter');
    const member = await t.createUser();
    expect((await t.client(uncertified).get('/api/matching/queue')).json().error.code).toBe('certification_required');
    expect((await t.client(member).get('/api/matching/queue')).statusCode).toBe(403);
    const created = await t.client(member).post('/api/matching/requests', { intro: 'a rough week at work' });
    expect((await t.client(uncertified).post(`/api/matching/requests/${created.json().id}/accept`)).statusCode).toBe(403);
  });

  it('hides other people\'s requests (404), needs sign-in (401) and words (422), and refuses a second waiting request (409)', async () => {
    const member = await t.createUser();
    const stranger = await t.createUser();
    const created = await t.client(member).post('/api/matching/requests', { intro: 'I would like to talk about my week' });
    expect((await t.client(stranger).get(`/api/matching/requests/${created.json().id}`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/matching/requests/${NO_SUCH_ID}`)).statusCode).toBe(404);
    expect((await t.client().post('/api/matching/requests', { intro: 'hi' })).statusCode).toBe(401);
    expect((await t.client(member).post('/api/matching/requests', { intro: '   ' })).statusCode).toBe(422);
    expect((await t.client(member).post('/api/matching/requests', { intro: 'again' })).statusCode).toBe(409);
    expect((await t.client(member).post(`/api/matching/requests/${created.json().id}/withdraw`)).json().status).toBe('withdrawn');
  });

  it('sends urgent words straight to on-call, never to the queue', async () => {
    const member = await t.createUser();
    const res = await t.client(member).post('/api/matching/requests', { intro: 'I want to kill myself tonight. I cannot go on.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'routed_to_oncall', safety: { card: 'urgent' } });
    const cases = await t.database.pool.query(`select level from safety_cases where subject_user_id = $1`, [member.id]);
    expect(cases.rows[0]?.level).toBe('urgent');
  });
});

describe('request deadline (durable job)', () => {
  const clock = createTestClock('2026-05-05T15:00:00Z');
  let t2: TestServer;
  beforeAll(async () => {
    t2 = await createTestServer({ now: clock.now, env: { MATCHING_REQUEST_WAIT_SECONDS: '60' } });
  });
  afterAll(async () => t2.close());

  it('routes a request nobody accepted in time to the on-call team', async () => {
    const member: TestUser = await t2.createUser();
    const created = await t2.client(member).post('/api/matching/requests', { intro: 'I feel very low and would like to talk' });
    expect(created.json().status).toBe('waiting');
    clock.advance(30_000);
    await t2.jobs.runDueJobs();
    expect((await t2.client(member).get(`/api/matching/requests/${created.json().id}`)).json().status).toBe('waiting');
    clock.advance(31_000);
    await t2.jobs.runDueJobs();
    const after = await t2.client(member).get(`/api/matching/requests/${created.json().id}`);
    expect(after.json()).toMatchObject({ status: 'routed_to_oncall', abilities: { withdraw: false } });
    const cases = await t2.database.pool.query(`select status from safety_cases where subject_user_id = $1`, [member.id]);
    expect(cases.rows).toHaveLength(1);
  });
});

describe('on-demand small groups', () => {
  const URGENT = 'I want to kill myself tonight. I cannot go on.';

  it('places people with related struggles together, hosted, and opens a new room when none fits', async () => {
    const host = await t.createUser('peer_supporter');
    await grantCertificate(t, host, 'peer_supporter');
    const [a, b, c, d] = [await t.createUser(), await t.createUser(), await t.createUser(), await t.createUser()];
    const first = await t.client(a).post('/api/matching/small-groups', { text: GRIEF_TEXT });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'placed', room: { topic: 'grief', opened: true, hosted: true } });
    const second = await t.client(b).post('/api/matching/small-groups', { text: 'my mother passed away in the spring and I miss her' });
    const third = await t.client(c).post('/api/matching/small-groups', { text: 'grieving my brother, the funeral was last week' });
    expect(second.json().room.id).toBe(first.json().room.id);
    expect(third.json().room).toMatchObject({ id: first.json().room.id, size: 3 });
    const unrelated = await t.client(d).post('/api/matching/small-groups', { text: 'I cannot focus and keep losing things, maybe ADHD' });
    expect(unrelated.json().room.id).not.toBe(first.json().room.id);

    // The chat room is theirs: members and the host read and post; others get a 404.
    const roomId = first.json().room.roomId;
    expect((await t.client(b).get(`/api/rooms/${roomId}`)).json()).toMatchObject({ kind: 'on_demand', abilities: { post: true } });
    expect((await t.client(host).get(`/api/rooms/${roomId}`)).statusCode).toBe(200);
    expect((await t.client(host).get(`/api/matching/small-groups/${first.json().room.id}`)).json()).toMatchObject({ roomId, size: 3, hosted: true });
    expect((await t.client(d).get(`/api/matching/small-groups/${first.json().room.id}`)).statusCode).toBe(404);
    expect((await t.client(d).get(`/api/rooms/${roomId}`)).statusCode).toBe(404);
    expect((await t.client(b).post(`/api/rooms/${roomId}/messages`, { clientId: 'x1', body: 'Hello, I am glad you are both here.' })).statusCode).toBe(201);
  });

  it('never puts two people whose latest assessment is urgent in one room; the second goes to on-call', async () => {
    const [u1, u2, u3] = [await t.createUser(), await t.createUser(), await t.createUser()];
    const first = await t.client(u1).post('/api/matching/small-groups', { text: URGENT });
    expect(first.json()).toMatchObject({ safety: { card: 'urgent' } });
    const second = await t.client(u2).post('/api/matching/small-groups', { text: URGENT });
    if (first.json().room) expect(second.json().room?.id).not.toBe(first.json().room.id);
    // Racing joins: still never two urgent people in one room.
    await Promise.all([t.client(u3).post('/api/matching/small-groups', { text: URGENT }), t.client(await t.createUser()).post('/api/matching/small-groups', { text: URGENT })]);
    const { rows } = await t.database.pool.query(`
      select m.on_demand_room_id, count(*)::int as n from on_demand_members m
      where m.left_at is null and m.role = 'member' and m.level = 'urgent' group by m.on_demand_room_id having count(*) > 1`);
    expect(rows).toEqual([]);
    const oncall = await t.database.pool.query(`select count(*)::int as n from safety_cases where subject_user_id = $1`, [u2.id]);
    expect(oncall.rows[0].n).toBe(1);
  });

  it('routes someone whose latest assessment is urgent to on-call when the only fitting room already holds an urgent person', async () => {
    // French-language rooms keep this world separate from the other tests.
    const calm = await t.client(await t.createUser()).post('/api/matching/small-groups', { text: GRIEF_TEXT, language: 'fr' });
    expect(calm.json()).toMatchObject({ status: 'placed', room: { opened: true, topic: 'grief' } });
    const u1 = await t.createUser();
    const u2 = await t.createUser();
    const placed = await t.client(u1).post('/api/matching/small-groups', { text: `${GRIEF_TEXT}. ${URGENT}`, language: 'fr' });
    const routed = await t.client(u2).post('/api/matching/small-groups', { text: `${GRIEF_TEXT}. ${URGENT}`, language: 'fr' });
    expect(placed.json().room?.id).toBe(calm.json().room.id);
    expect(placed.json()).toMatchObject({ status: 'placed', room: { topic: 'grief' } });
    expect(routed.json()).toMatchObject({ status: 'routed_to_oncall', room: null, safety: { card: 'urgent' } });
  });

  it('lets people leave, answers 404 for rooms they are not in, 401 without sign-in and 422 without words', async () => {
    const member = await t.createUser();
    const placed = await t.client(member).post('/api/matching/small-groups', { text: 'work stress is eating me alive and I cannot switch off' });
    expect((await t.client(member).get('/api/matching/small-groups/current')).json().room.id).toBe(placed.json().room.id);
    expect((await t.client(await t.createUser()).post(`/api/matching/small-groups/${placed.json().room.id}/leave`)).statusCode).toBe(404);
    expect((await t.client(member).post(`/api/matching/small-groups/${placed.json().room.id}/leave`)).json()).toEqual({ left: true });
    expect((await t.client(member).get('/api/matching/small-groups/current')).json().room).toBeNull();
    expect((await t.client().post('/api/matching/small-groups', { text: 'hi' })).statusCode).toBe(401);
    expect((await t.client(member).post('/api/matching/small-groups', { text: '' })).statusCode).toBe(422);
  });
});

describe('supporter profile', () => {
  it('is for peer supporters (403 otherwise), validates (422), saves and reads back', async () => {
    const member = await t.createUser();
    expect((await t.client(member).get('/api/matching/supporter-profile')).statusCode).toBe(403);
    const s = await t.createUser('peer_supporter');
    expect((await t.client(s).put('/api/matching/supporter-profile', { livedExperience: ['not-a-topic'] })).statusCode).toBe(422);
    const saved = await t.client(s).put('/api/matching/supporter-profile', { livedExperience: ['grief'], availability: [{ weekday: 1, start: '18:00', end: '20:00' }] });
    expect(saved.statusCode).toBe(200);
    expect((await t.client(s).get('/api/matching/supporter-profile')).json()).toMatchObject({ livedExperience: ['grief'], maxCaseload: 4 });
    expect((await t.client().get('/api/matching/supporter-profile')).statusCode).toBe(401);
  });
});

describe('personal data', () => {
  it('exports and erases requests, small-group places and the supporter profile', async () => {
    const member = await t.createUser();
    await t.client(member).post('/api/matching/requests', { intro: 'I would like to talk about my sister' });
    await t.client(member).post('/api/matching/small-groups', { text: 'caring for my mum with dementia is exhausting' });
    const { createMatchingPersonalData } = await import('./matching.personal-data.ts');
    const { createFieldCipher } = await import('../../platform/crypto/index.ts');
    const pd = createMatchingPersonalData({ db: t.database.db, cipher: createFieldCipher('0'.repeat(64)) });
    const exported = (await pd.export(member.id)) as { supportRequests: { intro: string }[]; smallGroups: unknown[] };
    expect(exported.supportRequests[0]!.intro).toBe('I would like to talk about my sister');
    expect(exported.smallGroups).toHaveLength(1);
    await t.database.db.transaction((tx) => pd.erase(tx, member.id));
    const left = await t.database.pool.query(
      `select (select count(*)::int from support_requests where member_id = $1) + (select count(*)::int from on_demand_members where user_id = $1) as n`,
      [member.id],
    );
    expect(left.rows[0].n).toBe(0);
  });
});
