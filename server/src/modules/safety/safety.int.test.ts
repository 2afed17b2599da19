import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupRoom, sendMessage } from '../../test/factories/chat.ts';
import { openTalkNowCase, putOnCall, setSafetySettings, URGENT_TEXT } from '../../test/factories/safety.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

const MISSING = '0190f0f0-0000-7000-8000-000000000000';
const PLAN = {
  warningSigns: ['Not sleeping', 'Pulling away from friends'],
  copingStrategies: ['A long walk with music'],
  distractionsPeopleAndPlaces: ['The library'],
  peopleToAskForHelp: ['My sister Ana'],
  professionalsAndServices: ['My GP'],
  makingEnvironmentSafer: ['Ask Ana to keep some things for me'],
  reasonsForLiving: ['My cat, Miso'],
  shareWithOnCall: true,
};

describe('case queue and case view', () => {
  it('sorts the queue by severity, then by who has waited longest, and hides it from members (403) and the anonymous (401)', async () => {
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const [a, b] = [await t.createUser(), await t.createUser()];
    const { roomId } = await createGroupRoom(t, [b]);
    const first = await openTalkNowCase(t, a);
    await sendMessage(t, b, roomId, URGENT_TEXT);
    const res = await t.client(moderator).get('/api/safety/cases');
    expect(res.statusCode).toBe(200);
    const ids = res.json().cases.map((c: { id: string }) => c.id);
    const urgentMessageCase = res.json().cases.find((c: { subject: { id: string } }) => c.subject.id === b.id);
    expect(urgentMessageCase).toMatchObject({ kind: 'risk_message', level: 'urgent', status: 'open', severity: 3 });
    expect(ids.indexOf(urgentMessageCase.id)).toBeLessThan(ids.indexOf(first));
    expect((await t.client(a).get('/api/safety/cases')).statusCode).toBe(403);
    expect((await t.client().get('/api/safety/cases')).statusCode).toBe(401);
    expect((await t.client(moderator).get('/api/safety/cases?status=nope')).statusCode).toBe(422);
  });

  it('shows the message in context, the risk history and the plan only when shared, and records who viewed it', async () => {
    const clinician = await t.createUser('clinician');
    const [author, peer] = [await t.createUser(), await t.createUser()];
    const { roomId } = await createGroupRoom(t, [author, peer]);
    await sendMessage(t, peer, roomId, 'How is everyone doing today?');
    await sendMessage(t, author, roomId, URGENT_TEXT);
    await sendMessage(t, peer, roomId, 'I am here for you.');
    const caseId = (await t.client(clinician).get('/api/safety/cases')).json().cases.find((c: { subject: { id: string } }) => c.subject.id === author.id).id;

    let view = (await t.client(clinician).get(`/api/safety/cases/${caseId}`)).json();
    expect(view.context.messages.map((m: { body: string }) => m.body)).toEqual(['How is everyone doing today?', URGENT_TEXT, 'I am here for you.']);
    expect(view.context.messages.find((m: { flagged: boolean }) => m.flagged).body).toBe(URGENT_TEXT);
    expect(view.riskHistory[0]).toMatchObject({ level: 'urgent', sourceKind: 'chat_message' });
    expect(view.riskHistory[0].reasons.length).toBeGreaterThan(0);
    expect(view.safetyPlan).toBeNull();
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['opened', 'alerted', 'viewed']));

    await t.client(author).put('/api/safety/plan', { ...PLAN, shareWithOnCall: false });
    expect((await t.client(clinician).get(`/api/safety/cases/${caseId}`)).json().safetyPlan).toBeNull();
    await t.client(author).put('/api/safety/plan', PLAN);
    view = (await t.client(clinician).get(`/api/safety/cases/${caseId}`)).json();
    expect(view.safetyPlan.reasonsForLiving).toEqual(['My cat, Miso']);
    expect(view.timeline.filter((e: { kind: string; actor: { id: string } | null }) => e.kind === 'viewed' && e.actor?.id === clinician.id)).toHaveLength(3);
  });

  it('hides a case from members, peer supporters, other organizations and the person it is about (404)', async () => {
    const member = await t.createUser();
    const moderator = await t.createUser('moderator');
    const caseId = await openTalkNowCase(t, moderator);
    expect((await t.client(moderator).get(`/api/safety/cases/${caseId}`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/safety/cases/${caseId}`)).statusCode).toBe(404);
    expect((await t.client(await t.createUser('peer_supporter')).get(`/api/safety/cases/${caseId}`)).statusCode).toBe(404);
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: `elsewhere-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsider = await t.createUser('moderator', { orgId: otherOrg.id });
    expect((await t.client(outsider).get(`/api/safety/cases/${caseId}`)).statusCode).toBe(404);
    expect((await t.client(await t.createUser('clinician')).get(`/api/safety/cases/${MISSING}`)).statusCode).toBe(404);
    expect((await t.client(await t.createUser('clinician')).get('/api/safety/cases/not-a-uuid')).statusCode).toBe(422);
    expect((await t.client().get(`/api/safety/cases/${caseId}`)).statusCode).toBe(401);
  });
});

describe('working a case', () => {
  it('acknowledges once (409 after), adds encrypted notes, contacts the person and records the outcome, all audited', async () => {
    const moderator = await t.createUser('moderator');
    const member = await t.createUser();
    const caseId = await openTalkNowCase(t, member);
    const ack = await t.client(moderator).post(`/api/safety/cases/${caseId}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: moderator.id } });
    expect((await t.client(await t.createUser('clinician')).post(`/api/safety/cases/${caseId}/acknowledge`)).statusCode).toBe(409);

    const note = await t.client(moderator).post(`/api/safety/cases/${caseId}/notes`, { text: 'Spoke briefly; they have a friend with them.' });
    expect(note.statusCode).toBe(200);
    expect(note.json().timeline.find((e: { kind: string; actor: unknown }) => e.kind === 'note' && e.actor).data.text).toBe('Spoke briefly; they have a friend with them.');
    const stored = await t.database.pool.query(`select data::text as d from case_events where case_id = $1 and kind = 'note'`, [caseId]);
    expect(stored.rows.map((r) => r.d).join()).not.toContain('friend with them');
    expect((await t.client(moderator).post(`/api/safety/cases/${caseId}/notes`, { text: '   ' })).statusCode).toBe(422);

    const contact = await t.client(moderator).post(`/api/safety/cases/${caseId}/contact`);
    expect(contact.statusCode).toBe(200);
    const { roomId, conversationId } = contact.json();
    expect((await t.client(member).get(`/api/direct/${conversationId}`)).json()).toMatchObject({ status: 'accepted', roomId });
    expect((await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'x', body: 'Hi, thank you for reaching out.' })).statusCode).toBe(201);
    expect((await t.client(moderator).post(`/api/safety/cases/${caseId}/contact`)).json().roomId).toBe(roomId);

    expect((await t.client(moderator).post(`/api/safety/cases/${caseId}/outcome`, { outcome: 'maybe' })).statusCode).toBe(422);
    const done = await t.client(moderator).post(`/api/safety/cases/${caseId}/outcome`, { outcome: 'referred', notes: 'Linked with their counsellor.' });
    expect(done.json()).toMatchObject({ status: 'resolved', outcome: 'referred', outcomeNotes: 'Linked with their counsellor.' });
    expect((await t.client(moderator).post(`/api/safety/cases/${caseId}/outcome`, { outcome: 'resolved' })).statusCode).toBe(409);
    expect((await t.client(moderator).get('/api/safety/cases?status=resolved')).json().cases.map((c: { id: string }) => c.id)).toContain(caseId);

    const audit = await t.database.pool.query(`select action from audit_log where entity_id = $1 order by created_at`, [caseId]);
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['safety_case.opened', 'safety_case.acknowledged', 'safety_case.note', 'safety_case.contacted', 'safety_case.outcome']),
    );
  });

  it('lists closed cases newest first, filtered by outcome, level, kind and age', async () => {
    const clinician = await t.createUser('clinician');
    const [a, b] = [await t.createUser(), await t.createUser()];
    const first = await openTalkNowCase(t, a);
    const second = (await t.services.safety.raiseForPerson({ orgId: t.org.id, userId: b.id, raisedBy: null, level: 'concern', source: { kind: 'worry_report' }, reasons: ['worried'] })).caseId;
    await t.client(clinician).post(`/api/safety/cases/${first}/outcome`, { outcome: 'referred' });
    await t.client(clinician).post(`/api/safety/cases/${second}/outcome`, { outcome: 'false_alarm' });
    const ids = async (query: string) => (await t.client(clinician).get(`/api/safety/cases?status=resolved${query}`)).json().cases.map((c: { id: string }) => c.id);
    const all = await ids('');
    expect(all.indexOf(second)).toBeLessThan(all.indexOf(first));
    expect(await ids('&outcome=false_alarm')).toContain(second);
    expect(await ids('&outcome=false_alarm')).not.toContain(first);
    expect(await ids('&level=urgent')).toContain(first);
    expect(await ids('&level=urgent')).not.toContain(second);
    expect(await ids('&kind=raised&days=7')).toEqual(expect.arrayContaining([second]));
    expect(await ids('&kind=raised')).not.toContain(first);
    const closed = (await t.client(clinician).get(`/api/safety/cases?status=resolved&outcome=referred`)).json().cases.find((c: { id: string }) => c.id === first);
    expect(closed).toMatchObject({ status: 'resolved', outcome: 'referred', resolvedAt: expect.any(String) });
    expect((await t.client(clinician).get('/api/safety/cases?status=resolved&outcome=maybe')).statusCode).toBe(422);
    expect((await t.client(clinician).get('/api/safety/cases?status=resolved&days=0')).statusCode).toBe(422);
    expect((await t.client(a).get('/api/safety/cases?status=resolved')).statusCode).toBe(403);
  });

  it('answers 401, 404 and 422 on every case action', async () => {
    const member = await t.createUser();
    const moderator = await t.createUser('moderator');
    const caseId = await openTalkNowCase(t, await t.createUser());
    for (const action of ['acknowledge', 'notes', 'outcome', 'contact']) {
      const body = action === 'notes' ? { text: 'hello' } : action === 'outcome' ? { outcome: 'resolved' } : {};
      expect((await t.client().post(`/api/safety/cases/${caseId}/${action}`, body)).statusCode).toBe(401);
      expect((await t.client(member).post(`/api/safety/cases/${caseId}/${action}`, body)).statusCode).toBe(404);
      expect((await t.client(moderator).post(`/api/safety/cases/${MISSING}/${action}`, body)).statusCode).toBe(404);
      expect((await t.client(moderator).post(`/api/safety/cases/nope/${action}`, body)).statusCode).toBe(422);
    }
  });
});

describe('talk now', () => {
  it('opens one case per person, alerts on-call, and requires sign-in', async () => {
    const member = await t.createUser();
    const res = await t.client(member).post('/api/safety/talk-now');
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toMatch(/person from our team/);
    expect((await t.client(member).post('/api/safety/talk-now')).json().caseId).toBe(res.json().caseId);
    expect((await t.client().post('/api/safety/talk-now')).statusCode).toBe(401);
    expect((await t.client(member).post('/api/safety/talk-now', { surprise: 1 })).statusCode).toBe(200);
  });
});

describe('on-call shifts, who is on call, and settings', () => {
  it('saves my own weekly shifts in my time zone and reports whether I am on call now', async () => {
    const clinician = await t.createUser('clinician');
    const res = await t.client(clinician).put('/api/safety/oncall/shifts', { timezone: 'Europe/Madrid', shifts: [{ weekday: 1, start: '22:00', end: '06:00' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ timezone: 'Europe/Madrid', shifts: [{ weekday: 1, start: '22:00', end: '06:00' }] });
    expect((await t.client(clinician).get('/api/safety/oncall/shifts')).json().shifts).toHaveLength(1);
    expect((await t.client(clinician).put('/api/safety/oncall/shifts', { timezone: 'Mars/Base', shifts: [{ weekday: 8, start: '25:00', end: '06:00' }] })).statusCode).toBe(422);
    expect((await t.client(await t.createUser()).get('/api/safety/oncall/shifts')).statusCode).toBe(403);
    expect((await t.client().get('/api/safety/oncall/shifts')).statusCode).toBe(401);
  });

  it('shows admins and safety staff the rota: each moderator and clinician with shifts in their own time zone', async () => {
    const admin = await t.createUser('admin');
    const night = await t.createUser('clinician', { displayName: 'Night Clinician' });
    await t.client(night).put('/api/safety/oncall/shifts', { timezone: 'Asia/Tokyo', shifts: [{ weekday: 3, start: '21:00', end: '07:00' }] });
    const idle = await t.createUser('moderator', { displayName: 'No Shifts Yet' });
    const res = await t.client(admin).get('/api/safety/oncall/rota');
    expect(res.statusCode).toBe(200);
    const people = res.json().people;
    expect(people.find((p: { id: string }) => p.id === night.id)).toMatchObject({
      role: 'clinician', timezone: 'Asia/Tokyo', shifts: [{ weekday: 3, start: '21:00', end: '07:00' }], onCallNow: expect.any(Boolean),
    });
    expect(people.find((p: { id: string }) => p.id === idle.id)).toMatchObject({ timezone: null, shifts: [], onCallNow: false });
    expect(people.some((p: { id: string }) => p.id === admin.id)).toBe(false);
    expect((await t.client(idle).get('/api/safety/oncall/rota')).statusCode).toBe(200);
    expect((await t.client(await t.createUser('peer_supporter')).get('/api/safety/oncall/rota')).statusCode).toBe(403);
    expect((await t.client().get('/api/safety/oncall/rota')).statusCode).toBe(401);
  });

  it('lists who is on call now for safety staff only', async () => {
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const res = await t.client(moderator).get('/api/safety/oncall/now');
    expect(res.statusCode).toBe(200);
    expect(res.json().tier).toBe(1);
    expect(res.json().people.map((p: { id: string }) => p.id)).toContain(moderator.id);
    expect((await t.client(await t.createUser('facilitator')).get('/api/safety/oncall/now')).statusCode).toBe(403);
    expect((await t.client().get('/api/safety/oncall/now')).statusCode).toBe(401);
  });

  it('lets admins read and change the SLA and hold setting, nobody else', async () => {
    const admin = await t.createUser('admin');
    expect((await t.client(admin).get('/api/safety/settings')).json()).toEqual({ ackSlaSeconds: 120, holdUrgentForumPosts: false });
    const saved = await t.client(admin).put('/api/safety/settings', { ackSlaSeconds: 90, holdUrgentForumPosts: false });
    expect(saved.json()).toEqual({ ackSlaSeconds: 90, holdUrgentForumPosts: false });
    expect((await t.client(admin).put('/api/safety/settings', { ackSlaSeconds: 5, holdUrgentForumPosts: 'yes' })).statusCode).toBe(422);
    expect((await t.client(await t.createUser('moderator')).get('/api/safety/settings')).statusCode).toBe(403);
    expect((await t.client().put('/api/safety/settings', { ackSlaSeconds: 90, holdUrgentForumPosts: false })).statusCode).toBe(401);
    await setSafetySettings(t, {});
  });
});

describe('safety plan', () => {
  it('saves, reads and deletes my plan, encrypted at rest', async () => {
    const member = await t.createUser();
    expect((await t.client(member).get('/api/safety/plan')).json()).toEqual({ plan: null });
    const saved = await t.client(member).put('/api/safety/plan', PLAN);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject(PLAN);
    expect((await t.client(member).get('/api/safety/plan')).json().plan).toMatchObject(PLAN);
    const raw = await t.database.pool.query('select * from safety_plans where user_id = $1', [member.id]);
    const rowText = JSON.stringify(raw.rows[0]);
    for (const phrase of ['Miso', 'Not sleeping', 'library', 'Ana']) expect(rowText).not.toContain(phrase);
    expect((await t.client(member).delete('/api/safety/plan')).json()).toEqual({ ok: true, deleted: true });
    expect((await t.client(member).get('/api/safety/plan')).json()).toEqual({ plan: null });
  });

  it('asks for short lines (422) and sign-in (401); nobody reads another person\'s plan through it', async () => {
    const member = await t.createUser();
    expect((await t.client(member).put('/api/safety/plan', { warningSigns: ['x'.repeat(301)] })).statusCode).toBe(422);
    expect((await t.client(member).put('/api/safety/plan', { reasonsForLiving: [''] })).statusCode).toBe(422);
    expect((await t.client().get('/api/safety/plan')).statusCode).toBe(401);
    expect((await t.client().put('/api/safety/plan', PLAN)).statusCode).toBe(401);
    await t.client(member).put('/api/safety/plan', PLAN);
    expect((await t.client(await t.createUser()).get('/api/safety/plan')).json()).toEqual({ plan: null });
  });
});

describe('risk screener', () => {
  const none = { wishToBeDead: false, suicidalThoughts: false, recentBehaviour: false };
  it('shows the questions and credits the C-SSRS structure', async () => {
    const res = await t.client(await t.createUser()).get('/api/safety/screener');
    expect(res.json().credit).toMatch(/Posner et al\..*Columbia Lighthouse Project/);
    expect(res.json().questions.map((q: { key: string }) => q.key)).toEqual(['wishToBeDead', 'suicidalThoughts', 'method', 'intent', 'plan', 'recentBehaviour']);
  });

  it('sets the level: none, concern for thoughts, urgent for intent, plan or recent behaviour', async () => {
    const submit = async (answers: object) => (await t.client(await t.createUser()).post('/api/safety/screener', { answers })).json();
    expect((await submit(none)).level).toBe('none');
    expect((await submit({ ...none, wishToBeDead: true })).level).toBe('concern');
    expect((await submit({ ...none, suicidalThoughts: true, method: true, intent: false, plan: false })).level).toBe('concern');
    expect((await submit({ ...none, suicidalThoughts: true, method: false, intent: true, plan: false })).level).toBe('urgent');
    expect((await submit({ ...none, suicidalThoughts: true, method: false, intent: false, plan: true })).level).toBe('urgent');
    const urgent = await submit({ ...none, recentBehaviour: true });
    expect(urgent).toMatchObject({ level: 'urgent', safety: { card: 'urgent' } });
    expect(urgent.caseId).toEqual(expect.any(String));
  });

  it('stores a result on a case when on-call staff screen, encrypted, and sets the case level', async () => {
    const moderator = await t.createUser('moderator');
    const member = await t.createUser();
    const caseId = await openTalkNowCase(t, member);
    const res = await t.client(moderator).post('/api/safety/screener', { caseId, answers: { ...none, wishToBeDead: true } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ level: 'concern', caseId, safety: null });
    const view = (await t.client(moderator).get(`/api/safety/cases/${caseId}`)).json();
    expect(view.level).toBe('concern');
    expect(view.timeline.some((e: { kind: string }) => e.kind === 'screener')).toBe(true);
    const raw = await t.database.pool.query('select answers_ciphertext from screener_results where case_id = $1', [caseId]);
    expect(raw.rows[0].answers_ciphertext).not.toContain('wishToBeDead');
  });

  it('asks for the follow-up answers after thoughts (422), hides unknown cases (404) and needs sign-in (401)', async () => {
    const member = await t.createUser();
    expect((await t.client(member).post('/api/safety/screener', { answers: { ...none, suicidalThoughts: true } })).statusCode).toBe(422);
    expect((await t.client(member).post('/api/safety/screener', { answers: { wishToBeDead: 'no' } })).statusCode).toBe(422);
    const othersCase = await openTalkNowCase(t, await t.createUser());
    expect((await t.client(member).post('/api/safety/screener', { caseId: othersCase, answers: none })).statusCode).toBe(404);
    expect((await t.client().post('/api/safety/screener', { answers: none })).statusCode).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents every safety route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/safety/cases', '/api/safety/cases/{id}', '/api/safety/talk-now', '/api/safety/plan', '/api/safety/screener', '/api/safety/oncall/shifts', '/api/safety/oncall/rota', '/api/safety/settings']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
