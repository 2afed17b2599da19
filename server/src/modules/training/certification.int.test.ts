import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../../test/server.ts';
import { createTestClock, createTestServerWithAdmin } from '../../test/factories/setup.ts';
import { createSupervision } from '../../test/factories/supervision.ts';
import { grantCertificate } from '../../test/factories/training.ts';

const DAY = 86_400_000;
const clock = createTestClock('2026-03-01T12:00:00Z');
let t: TestServer;
let admin: TestUser;
beforeAll(async () => ({ t, admin } = await createTestServerWithAdmin({ now: clock.now })));
afterAll(async () => t.close());

/** Completes every published course of a kind for a person, through the same endpoints a trainee uses. */
async function completeCourses(user: TestUser, kind: 'core' | 'facilitation') {
  const { courses } = (await t.client(user).get('/api/training/courses')).json();
  for (const c of courses.filter((x: { kind: string }) => x.kind === kind)) {
    const course = (await t.client(user).get(`/api/training/courses/${c.id}`)).json();
    for (const l of course.lessons) await finishLesson(user, l.id);
  }
}

/** Finishes one lesson the way a trainee would: read/watch, answer the quiz correctly, listen in the role-play. */
async function finishLesson(user: TestUser, lessonId: string) {
  const lesson = (await t.client(user).get(`/api/training/lessons/${lessonId}`)).json();
  if (lesson.kind === 'text' || lesson.kind === 'media') await t.client(user).put(`/api/training/lessons/${lessonId}/progress`, { completed: true });
  if (lesson.kind === 'quiz') {
    const { rows } = await t.database.pool.query(`select content from training_lessons where id = $1`, [lessonId]);
    const answers = Object.fromEntries(rows[0].content.quiz.questions.map((q: { id: string; correctOptionId: string }) => [q.id, q.correctOptionId]));
    expect((await t.client(user).post(`/api/training/lessons/${lessonId}/quiz`, { answers })).json().passed).toBe(true);
  }
  if (lesson.kind === 'roleplay') {
    let node = lesson.roleplay.currentNode;
    while (node) {
      const res = (await t.client(user).post(`/api/training/lessons/${lessonId}/roleplay`, { nodeId: node.id, reply: 'It sounds like you have been carrying a lot on your own. What has been the hardest part?' })).json();
      node = res.finished ? null : res.nextNode;
    }
  }
}

async function logAndSignOff(supporter: TestUser, supervisor: TestUser, minutes: number, signOff: boolean) {
  const entry = await t.client(supporter).post('/api/supervision/activities', { category: 'emotional_support', occurredAt: new Date(clock.now().getTime() - DAY).toISOString(), durationMinutes: minutes, notes: 'Evening chat; want to talk about pacing.' });
  expect(entry.statusCode).toBe(201);
  if (signOff) expect((await t.client(supervisor).post(`/api/supervision/activities/${entry.json().id}/review`, { decision: 'sign_off' })).statusCode).toBe(200);
  return entry.json().id as string;
}

describe('earning the peer supporter certificate', () => {
  it('counts supervised hours a supervisor signed off toward certification, and not hours left unsigned', async () => {
    await t.client(admin).put('/api/training/settings', { requireCertificates: true, practiceHoursRequired: 2, validityMonths: 12, renewalCeHours: 1, warningDays: 30 });
    const { supporter, supervisor } = await createSupervision(t, admin);
    await completeCourses(supporter, 'core');

    // Three hours logged, but only one signed off: not enough yet.
    await logAndSignOff(supporter, supervisor, 60, true);
    await logAndSignOff(supporter, supervisor, 120, false);
    const mine = (await t.client(supporter).get('/api/certificates/mine')).json();
    const supporterReq = mine.eligibility.find((e: { kind: string }) => e.kind === 'peer_supporter');
    expect(supporterReq.requirements).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'core_courses', met: true }), expect.objectContaining({ key: 'supervised_hours', met: false, have: 1, need: 2 })]),
    );
    const early = await t.client(supporter).post('/api/certificates/claim', { kind: 'peer_supporter', holderName: 'June P.' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toMatch(/supervised practice hour/);

    // The supervisor signs off one more hour: now it counts.
    await logAndSignOff(supporter, supervisor, 60, true);
    const claimed = await t.client(supporter).post('/api/certificates/claim', { kind: 'peer_supporter', holderName: 'June P.' });
    expect(claimed.statusCode).toBe(201);
    expect(claimed.json()).toMatchObject({ kind: 'peer_supporter', status: 'valid', holderName: 'June P.', basis: 'earned' });
    const { rows } = await t.database.pool.query(`select action from audit_log where entity_id = $1`, [claimed.json().id]);
    expect(rows.map((r) => r.action)).toContain('certificate.issued');
  });

  it('does not let a supporter sign off their own hours', async () => {
    const supporter = await t.createUser('peer_supporter');
    const id = await logAndSignOff(supporter, supporter, 60, false);
    expect((await t.client(supporter).post(`/api/supervision/activities/${id}/review`, { decision: 'sign_off' })).statusCode).toBe(403);
  });
});

describe('one-to-one requests need the certificate', () => {
  it('stops someone without the certificate from accepting a request, and lets someone with it', async () => {
    const member = await t.createUser('member');
    const uncertified = await t.createUser('peer_supporter');
    const request = (await t.client(member).post('/api/direct', { supporterId: uncertified.id, intro: 'Could we talk about this week?' })).json();
    const refused = await t.client(uncertified).post(`/api/direct/${request.id}/accept`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('certificate_required');
    expect((await t.client(member).get(`/api/direct/${request.id}`)).json().status).toBe('pending');

    await grantCertificate(t, uncertified, 'peer_supporter');
    const accepted = await t.client(uncertified).post(`/api/direct/${request.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
  });

  it('lets an organization switch the rule off', async () => {
    const other = await t.createUser('admin', { orgId: (await t.services.orgs.createOrg(null, { name: 'Other', slug: `other-${Date.now()}`, country: 'US', timezone: 'UTC' })).id });
    await t.client(other).put('/api/training/settings', { requireCertificates: false, practiceHoursRequired: 20, validityMonths: 24, renewalCeHours: 6, warningDays: 30 });
    expect(await t.services.training.canTakeOneToOne({ userId: other.id, orgId: other.orgId })).toBe(true);
    expect(await t.services.training.canTakeOneToOne({ userId: admin.id, orgId: admin.orgId })).toBe(false);
  });

  it('only lets certified facilitators start or co-lead a group', async () => {
    const facilitator = await t.createUser('facilitator');
    const body = { name: 'Tuesday circle', description: 'A weekly space.', topics: ['anxiety'], communities: [], language: 'en', format: 'online', timezone: 'Europe/London', visibility: 'open', agreements: [] };
    const refused = await t.client(facilitator).post('/api/groups', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('certificate_required');
    await grantCertificate(t, facilitator, 'group_facilitator');
    expect((await t.client(facilitator).post('/api/groups', body)).statusCode).toBe(201);
  });
});

describe('certificate verification, expiry and the PDF', () => {
  it('shows a certificate valid on its public page, then expired after its date', async () => {
    const holder = await t.createUser('peer_supporter', { displayName: 'Kai' });
    const cert = (await t.client(admin).post('/api/certificates/grant', { userId: holder.id, kind: 'peer_supporter', holderName: 'Kai L.' })).json();
    const page = await t.client().get(`/api/verify/${cert.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({ status: 'valid', kind: 'peer_supporter', holderName: 'Kai L.', organization: 'Test Org', issuedAt: cert.issuedAt, expiresAt: cert.expiresAt, revokedAt: null });
    expect(JSON.stringify(page.json())).not.toContain(holder.id);

    await clock.during(new Date(new Date(cert.expiresAt).getTime() + 1000), async () => {
      expect((await t.client().get(`/api/verify/${cert.code}`)).json().status).toBe('expired');
      expect(await t.services.training.hasActiveCertificate(holder.id, 'peer_supporter')).toBe(false);
    });
    expect((await t.client().get(`/api/verify/${cert.code.toLowerCase()}`)).json().status).toBe('valid');
  });

  it('renders a printable PDF with the holder, the certificate and its code', async () => {
    const holder = await t.createUser('peer_supporter');
    const cert = (await t.client(admin).post('/api/certificates/grant', { userId: holder.id, kind: 'peer_supporter', holderName: 'Noor A.' })).json();
    const res = await t.client(holder).get(`/api/certificates/${cert.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    const text = pdfText(pdf);
    expect(text).toContain('Noor A.');
    expect(text).toContain('Peer supporter certificate');
    expect(text).toContain(cert.code);
    // Someone else may not download it (404 hides it exists).
    expect((await t.client(await t.createUser('member')).get(`/api/certificates/${cert.id}/pdf`)).statusCode).toBe(404);
  });

  it('records a revocation, shows it publicly, and stops the certificate unlocking roles', async () => {
    const holder = await t.createUser('peer_supporter');
    const cert = (await t.client(admin).post('/api/certificates/grant', { userId: holder.id, kind: 'peer_supporter' })).json();
    expect((await t.client(holder).post(`/api/certificates/${cert.id}/revoke`, { reason: 'Not mine to do' })).statusCode).toBe(403);
    expect((await t.client(admin).post(`/api/certificates/${cert.id}/revoke`, { reason: '' })).statusCode).toBe(422);
    const revoked = await t.client(admin).post(`/api/certificates/${cert.id}/revoke`, { reason: 'Left the programme' });
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocationReason: 'Left the programme' });
    expect((await t.client().get(`/api/verify/${cert.code}`)).json().status).toBe('revoked');
    expect(await t.services.training.canTakeOneToOne({ userId: holder.id, orgId: holder.orgId })).toBe(false);
    const { rows } = await t.database.pool.query(`select action, data from audit_log where entity_id = $1 and action = 'certificate.revoked'`, [cert.id]);
    expect(rows[0].data).toMatchObject({ reason: 'Left the programme' });
    expect((await t.client(admin).post(`/api/certificates/${cert.id}/revoke`, { reason: 'Again' })).statusCode).toBe(409);
  });

  it('renews only with enough continuing-education hours, and schedules the expiry warning', async () => {
    const holder = await t.createUser('peer_supporter');
    const cert = (await t.client(admin).post('/api/certificates/grant', { userId: holder.id, kind: 'peer_supporter' })).json();
    const { rows: jobs } = await t.database.pool.query(`select run_at from jobs where payload::text like $1`, [`%certificate-expiring:${cert.id}%`]);
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0].run_at).getTime()).toBe(new Date(cert.expiresAt).getTime() - 30 * DAY);

    const early = await t.client(holder).post(`/api/certificates/${cert.id}/renew`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('renewal_not_ready');
    await clock.during(new Date(clock.now().getTime() + 10 * DAY), async () => {
      await completeCourses(holder, 'facilitation'); // 120 CE minutes after the certificate was issued
      const renewed = await t.client(holder).post(`/api/certificates/${cert.id}/renew`);
      expect(renewed.statusCode).toBe(200);
      expect(new Date(renewed.json().expiresAt).getTime()).toBeGreaterThan(new Date(cert.expiresAt).getTime());
    });
  });
});

describe('expiry warnings', () => {
  it('sends the warning beforehand, when it comes due, and not for a certificate revoked meanwhile', async () => {
    const kept = await t.createUser('peer_supporter');
    const revokedHolder = await t.createUser('peer_supporter');
    const cert = (await t.client(admin).post('/api/certificates/grant', { userId: kept.id, kind: 'peer_supporter' })).json();
    const other = (await t.client(admin).post('/api/certificates/grant', { userId: revokedHolder.id, kind: 'peer_supporter' })).json();
    await t.client(admin).post(`/api/certificates/${other.id}/revoke`, { reason: 'Left the programme' });
    const warnings = async (userId: string) => (await t.database.pool.query(`select params from notifications where user_id = $1 and kind = 'certificate.expiring'`, [userId])).rows;

    await t.jobs.runDueJobs();
    expect(await warnings(kept.id)).toHaveLength(0);
    // The day the warning is due (30 days before expiry), still before the certificate expires.
    await clock.during(new Date(new Date(cert.expiresAt).getTime() - 30 * DAY + 60_000), async () => {
      await t.jobs.runDueJobs();
      const sent = await warnings(kept.id);
      expect(sent).toHaveLength(1);
      expect(sent[0].params).toMatchObject({ expiresAt: cert.expiresAt });
      expect(new Date(sent[0].params.expiresAt).getTime()).toBeGreaterThan(clock.now().getTime());
      expect(await warnings(revokedHolder.id)).toHaveLength(0);
    });
  });
});

describe('certificate routes', () => {
  it('require sign-in (401), except the public verification page', async () => {
    const cases: Array<[string, string, unknown?]> = [
      ['GET', '/api/certificates/mine'],
      ['GET', '/api/certificates'],
      ['POST', '/api/certificates/claim', { kind: 'peer_supporter', holderName: 'Me' }],
      ['POST', '/api/certificates/grant', { userId: admin.id, kind: 'peer_supporter' }],
      ['POST', `/api/certificates/${admin.id}/revoke`, { reason: 'Because' }],
      ['POST', `/api/certificates/${admin.id}/renew`, {}],
      ['GET', `/api/certificates/${admin.id}/pdf`],
      ['GET', '/api/training/settings'],
    ];
    for (const [method, url, body] of cases) expect((await t.client().request(method as 'GET', url, body)).statusCode, url).toBe(401);
  });

  it('answers 404 for unknown codes and certificates, 422 for malformed ones, and 403 for non-admins', async () => {
    expect((await t.client().get('/api/verify/HRT-AAAAA-BBBBB')).statusCode).toBe(404);
    expect((await t.client().get('/api/verify/<script>')).statusCode).toBe(422);
    expect((await t.client(admin).get('/api/certificates/01900000-0000-7000-8000-000000000000/pdf')).statusCode).toBe(404);
    const member = await t.createUser('member');
    expect((await t.client(member).post('/api/certificates/grant', { userId: member.id, kind: 'peer_supporter' })).statusCode).toBe(403);
    expect((await t.client(member).get('/api/certificates')).statusCode).toBe(403);
    expect((await t.client(admin).post('/api/certificates/grant', { userId: 'nope', kind: 'wizard' })).statusCode).toBe(422);
    expect((await t.client(member).post('/api/certificates/claim', { kind: 'peer_supporter', holderName: '' })).statusCode).toBe(422);
    expect((await t.client(admin).get('/api/certificates')).json().certificates.length).toBeGreaterThan(0);
  });
});

/** The text a PDF draws: inflates its content streams and decodes the hex strings pdfkit writes for text. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streamRe = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      out.push(
        [...tj[1]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
      );
    }
  }
  return out.join('\n');
}
