import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../../test/server.ts';
import { createTestServerWithAdmin } from '../../test/factories/setup.ts';
import { createDirectRoom, sendMessage } from '../../test/factories/chat.ts';
import { createSupervision } from '../../test/factories/supervision.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import { supervisionPersonalData } from './supervision.personal-data.ts';

let t: TestServer;
let admin: TestUser;
beforeAll(async () => ({ t, admin } = await createTestServerWithAdmin()));
afterAll(async () => t.close());

const HOUR = 3_600_000;
const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

describe('assigning supervisors', () => {
  it('lets admins assign clinicians or certified supporters, and refuses everyone else', async () => {
    const supporter = await t.createUser('peer_supporter');
    const member = await t.createUser('member');
    expect((await t.client(member).post('/api/supervision/assignments', { supervisorId: member.id, supporterId: supporter.id })).statusCode).toBe(403);
    expect((await t.client().post('/api/supervision/assignments', { supervisorId: member.id, supporterId: supporter.id })).statusCode).toBe(401);
    const notQualified = await t.client(admin).post('/api/supervision/assignments', { supervisorId: member.id, supporterId: supporter.id });
    expect(notQualified.statusCode).toBe(422);
    expect(notQualified.json().error.fields[0].path).toBe('supervisorId');
    expect((await t.client(admin).post('/api/supervision/assignments', { supervisorId: supporter.id, supporterId: supporter.id })).statusCode).toBe(422);
    expect((await t.client(admin).post('/api/supervision/assignments', { supervisorId: NO_SUCH_ID, supporterId: supporter.id })).statusCode).toBe(404);
    expect((await t.client(admin).post('/api/supervision/assignments', { supervisorId: 'x', supporterId: supporter.id })).statusCode).toBe(422);
    // A senior supporter with a current certificate may supervise.
    const senior = await t.createUser('peer_supporter');
    await t.client(admin).post('/api/certificates/grant', { userId: senior.id, kind: 'peer_supporter' });
    expect((await t.client(admin).post('/api/supervision/assignments', { supervisorId: senior.id, supporterId: supporter.id })).statusCode).toBe(201);
    expect((await t.client(admin).post('/api/supervision/assignments', { supervisorId: senior.id, supporterId: supporter.id })).statusCode).toBe(409);
  });
});

describe('choosing people for an assignment', () => {
  it('offers admins clinicians and certified supporters as supervisors, and supporters to supervise', async () => {
    const clinician = await t.createUser('clinician', { displayName: 'Candidate clinician' });
    const senior = await t.createUser('peer_supporter', { displayName: 'Candidate senior' });
    await t.client(admin).post('/api/certificates/grant', { userId: senior.id, kind: 'peer_supporter' });
    const junior = await t.createUser('peer_supporter', { displayName: 'Candidate junior' });
    const member = await t.createUser('member');
    expect((await t.client().get('/api/supervision/candidates')).statusCode).toBe(401);
    expect((await t.client(clinician).get('/api/supervision/candidates')).statusCode).toBe(403);
    const res = await t.client(admin).get('/api/supervision/candidates');
    expect(res.statusCode).toBe(200);
    const ids = (list: Array<{ id: string }>) => list.map((p) => p.id);
    expect(ids(res.json().supervisors)).toEqual(expect.arrayContaining([clinician.id, senior.id]));
    expect(ids(res.json().supervisors)).not.toContain(junior.id);
    expect(ids(res.json().supporters)).toEqual(expect.arrayContaining([senior.id, junior.id]));
    expect([...ids(res.json().supporters), ...ids(res.json().supervisors)]).not.toContain(member.id);
    expect(ids(res.json().supporters)).not.toContain(clinician.id);
  });
});

describe('following up an ended one-to-one conversation', () => {
  it('lets the member rate it and the supporter log it, each once, and hides it from others', async () => {
    const { supporter } = await createSupervision(t, admin);
    const member = await t.createUser('member');
    const { conversationId } = await createDirectRoom(t, member, supporter);
    const path = `/api/supervision/conversations/${conversationId}`;
    expect((await t.client().get(path)).statusCode).toBe(401);
    expect((await t.client(await t.createUser('member')).get(path)).statusCode).toBe(404);
    expect((await t.client(member).get('/api/supervision/conversations/not-an-id')).statusCode).toBe(422);
    expect((await t.client(member).get(path)).json()).toEqual({ rating: null, abilities: { rate: false, logActivity: false } });
    await t.client(member).post(`/api/direct/${conversationId}/close`);
    expect((await t.client(member).get(path)).json()).toEqual({ rating: null, abilities: { rate: true, logActivity: false } });
    expect((await t.client(supporter).get(path)).json()).toEqual({ rating: null, abilities: { rate: false, logActivity: true } });
    await t.client(member).post('/api/supervision/feedback', { conversationId, rating: 4 });
    expect((await t.client(member).get(path)).json()).toEqual({ rating: 4, abilities: { rate: false, logActivity: false } });
    const prefill = (await t.client(supporter).get(`/api/supervision/prefill/${conversationId}`)).json();
    await t.client(supporter).post('/api/supervision/activities', prefill);
    expect((await t.client(supporter).get(path)).json()).toEqual({ rating: null, abilities: { rate: false, logActivity: false } });
  });
});

describe('the activity log', () => {
  it('logs activities on the standard taxonomy with notes encrypted at rest', async () => {
    const { supporter } = await createSupervision(t, admin);
    const res = await t.client(supporter).post('/api/supervision/activities', { category: 'crisis_referral', occurredAt: ago(2), durationMinutes: 45, notes: 'Stayed until on-call arrived.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ category: 'crisis_referral', durationMinutes: 45, notes: 'Stayed until on-call arrived.', status: 'logged' });
    const { rows } = await t.database.pool.query(`select notes_ciphertext from supervision_activities where id = $1`, [res.json().id]);
    expect(rows[0].notes_ciphertext).not.toContain('on-call');
    expect((await t.client(supporter).post('/api/supervision/activities', { category: 'napping', occurredAt: ago(1), durationMinutes: 2 })).json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['category', 'durationMinutes']);
    expect((await t.client(supporter).post('/api/supervision/activities', { category: 'advocacy', occurredAt: new Date(Date.now() + 48 * HOUR).toISOString(), durationMinutes: 30 })).statusCode).toBe(422);
    expect((await t.client().get('/api/supervision/activities')).statusCode).toBe(401);
    expect((await t.client(supporter).get('/api/supervision/activities')).json().activities).toHaveLength(1);
  });

  it('pre-fills an entry from an ended one-to-one conversation, once', async () => {
    const { supporter } = await createSupervision(t, admin);
    const member = await t.createUser('member');
    const { conversationId, roomId } = await createDirectRoom(t, member, supporter);
    await sendMessage(t, member, roomId, 'Thanks for being here.');
    expect((await t.client(supporter).get(`/api/supervision/prefill/${conversationId}`)).statusCode).toBe(409);
    await t.client(member).post(`/api/direct/${conversationId}/close`);
    const prefill = await t.client(supporter).get(`/api/supervision/prefill/${conversationId}`);
    expect(prefill.statusCode).toBe(200);
    expect(prefill.json()).toMatchObject({ category: 'emotional_support', durationMinutes: 5, conversationId });
    expect((await t.client(member).get(`/api/supervision/prefill/${conversationId}`)).statusCode).toBe(404);
    expect((await t.client(await t.createUser('peer_supporter')).get(`/api/supervision/prefill/${conversationId}`)).statusCode).toBe(404);
    const entry = { ...prefill.json(), notes: 'Talked about sleep.' };
    expect((await t.client(supporter).post('/api/supervision/activities', entry)).statusCode).toBe(201);
    expect((await t.client(supporter).post('/api/supervision/activities', entry)).statusCode).toBe(409);

    // The member rates the ended conversation once; the supporter cannot rate themselves.
    expect((await t.client(supporter).post('/api/supervision/feedback', { conversationId, rating: 5 })).statusCode).toBe(403);
    expect((await t.client(member).post('/api/supervision/feedback', { conversationId, rating: 9 })).statusCode).toBe(422);
    expect((await t.client(member).post('/api/supervision/feedback', { conversationId, rating: 5, comment: 'June really listened.' })).statusCode).toBe(201);
    expect((await t.client(member).post('/api/supervision/feedback', { conversationId, rating: 4 })).statusCode).toBe(409);
    const dashboard = (await t.client(supporter).get('/api/supervision/dashboard')).json();
    expect(dashboard.feedback).toMatchObject({ count: 1, average: 5, recent: [{ rating: 5, comment: 'June really listened.' }] });
  });
});

describe('review and sign-off', () => {
  it('lets only the assigned supervisor see, comment on and sign off entries', async () => {
    const { supporter, supervisor } = await createSupervision(t, admin);
    const entry = (await t.client(supporter).post('/api/supervision/activities', { category: 'emotional_support', occurredAt: ago(3), durationMinutes: 90 })).json();
    const stranger = await t.createUser('clinician');
    expect((await t.client(stranger).get(`/api/supervision/supporters/${supporter.id}/activities`)).statusCode).toBe(404);
    expect((await t.client(stranger).post(`/api/supervision/activities/${entry.id}/comments`, { body: 'Hi' })).statusCode).toBe(404);
    expect((await t.client(stranger).post(`/api/supervision/activities/${entry.id}/review`, { decision: 'sign_off' })).statusCode).toBe(404);
    expect((await t.client(supervisor).get(`/api/supervision/supporters/${supporter.id}/activities`)).json().activities[0]).toMatchObject({ id: entry.id, abilities: { review: true } });

    const commented = await t.client(supervisor).post(`/api/supervision/activities/${entry.id}/comments`, { body: 'Good pacing. Let us talk about endings.' });
    expect(commented.statusCode).toBe(201);
    expect(commented.json().comments[0]).toMatchObject({ body: 'Good pacing. Let us talk about endings.', author: { displayName: 'Dr. Okafor' } });
    expect((await t.client(supervisor).post(`/api/supervision/activities/${entry.id}/comments`, { body: '' })).statusCode).toBe(422);
    expect((await t.client(supervisor).post(`/api/supervision/activities/${entry.id}/review`, { decision: 'maybe' })).statusCode).toBe(422);
    const signed = await t.client(supervisor).post(`/api/supervision/activities/${entry.id}/review`, { decision: 'sign_off' });
    expect(signed.json()).toMatchObject({ status: 'signed_off', reviewedBy: { displayName: 'Dr. Okafor' } });
    expect((await t.client(supervisor).post(`/api/supervision/activities/${entry.id}/review`, { decision: 'return' })).statusCode).toBe(409);
    expect(await t.services.supervision.signedOffPracticeMinutes(supporter.id)).toBe(90);
  });

  it('shows the caseload and the supporter’s own dashboard, and schedules supervision sessions', async () => {
    const { supporter, supervisor } = await createSupervision(t, admin);
    // One open one-to-one conversation is the supporter's current load; a closed one is not. (Taking them needs the
    // supporter certificate, so what is due next is the facilitator course.)
    await createDirectRoom(t, await t.createUser('member'), supporter);
    const ended = await createDirectRoom(t, await t.createUser('member'), supporter);
    await t.client(supporter).post(`/api/direct/${ended.conversationId}/close`);
    await t.client(supporter).post('/api/supervision/activities', { category: 'crisis_referral', occurredAt: ago(5), durationMinutes: 30 });
    const e = (await t.client(supporter).post('/api/supervision/activities', { category: 'group_facilitation', occurredAt: ago(30), durationMinutes: 60 })).json();
    await t.client(supervisor).post(`/api/supervision/activities/${e.id}/review`, { decision: 'sign_off' });
    // A safety case the supporter raised about someone counts as one they worked on.
    const worried = await t.createUser('member');
    await t.services.safety.raiseForPerson({ orgId: t.org.id, userId: worried.id, raisedBy: supporter.id, level: 'concern', source: { kind: 'worry_report' }, reasons: ['worried about them'] });
    const startsAt = new Date(Date.now() + 72 * HOUR).toISOString();
    expect((await t.client(supervisor).post('/api/supervision/meetings', { supporterId: supporter.id, startsAt: ago(1), durationMinutes: 60 })).statusCode).toBe(422);
    expect((await t.client(await t.createUser('clinician')).post('/api/supervision/meetings', { supporterId: supporter.id, startsAt, durationMinutes: 60 })).statusCode).toBe(404);
    const meeting = await t.client(supervisor).post('/api/supervision/meetings', { supporterId: supporter.id, startsAt, durationMinutes: 60, agenda: 'Crisis debrief' });
    expect(meeting.statusCode).toBe(201);

    const caseload = (await t.client(supervisor).get('/api/supervision/caseload')).json();
    expect(caseload.supporters).toEqual([
      expect.objectContaining({
        supporter: { id: supporter.id, displayName: 'June' },
        load: { openConversations: 1, activitiesLast30Days: 2, minutesLast30Days: 90 },
        recentEscalations: { safetyCases: 1, crisisReferrals: 1 },
        hours: { signedOffMinutes: 60, pendingMinutes: 30, last30DaysMinutes: 90 },
        awaitingReview: 1,
      }),
    ]);
    expect(caseload.meetings[0]).toMatchObject({ agenda: 'Crisis debrief', supporter: { displayName: 'June' } });
    expect((await t.client(await t.createUser('member')).get('/api/supervision/caseload')).statusCode).toBe(403);

    const dashboard = (await t.client(supporter).get('/api/supervision/dashboard')).json();
    expect(dashboard.hours).toEqual({ signedOffMinutes: 60, pendingMinutes: 30, last30DaysMinutes: 90 });
    expect(dashboard.supervisors).toEqual([{ id: supervisor.id, displayName: 'Dr. Okafor' }]);
    expect(dashboard.due.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['meeting', 'awaiting_sign_off', 'requirement_facilitation_courses']));
  });

  it('lets an admin end an assignment, after which the supervisor no longer sees the log', async () => {
    const { supporter, supervisor, assignmentId } = await createSupervision(t, admin);
    expect((await t.client(supervisor).delete(`/api/supervision/assignments/${assignmentId}`)).statusCode).toBe(403);
    expect((await t.client(admin).delete(`/api/supervision/assignments/${assignmentId}`)).statusCode).toBe(200);
    expect((await t.client(supervisor).get(`/api/supervision/supporters/${supporter.id}/activities`)).statusCode).toBe(404);
    expect((await t.client(admin).delete(`/api/supervision/assignments/${assignmentId}`)).statusCode).toBe(404);
  });
});

describe('personal data', () => {
  it('exports and erases a supporter’s log, meetings and assignments', async () => {
    const { supporter, supervisor } = await createSupervision(t, admin);
    await t.client(supporter).post('/api/supervision/activities', { category: 'advocacy', occurredAt: ago(2), durationMinutes: 20, notes: 'Helped with a benefits letter.' });
    await t.client(supervisor).post('/api/supervision/meetings', { supporterId: supporter.id, startsAt: new Date(Date.now() + 24 * HOUR).toISOString(), durationMinutes: 30 });
    const contributor = supervisionPersonalData({ db: t.database.db, cipher: createFieldCipher('0'.repeat(64)) });
    const exported = (await contributor.export(supporter.id)) as { activities: Array<{ notes: string }>; meetings: unknown[] };
    expect(exported.activities[0]!.notes).toBe('Helped with a benefits letter.');
    expect(exported.meetings).toHaveLength(1);
    await t.database.db.transaction((tx) => contributor.erase(tx, supporter.id));
    for (const [table, column] of [['supervision_activities', 'supporter_id'], ['supervision_meetings', 'supporter_id'], ['supervision_assignments', 'supporter_id']]) {
      const { rows } = await t.database.pool.query(`select count(*)::int as n from ${table} where ${column} = $1`, [supporter.id]);
      expect(rows[0].n, table).toBe(0);
    }
  });
});
