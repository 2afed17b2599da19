import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive } from '../../test/factories/chat.ts';
import { putOnCall } from '../../test/factories/safety.ts';
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

const MISSING = '0190f0f0-0000-7000-8000-000000000000';
type Event = { kind: string; actor: { id: string } | null; data: Record<string, unknown> };

describe('raiseForPerson', () => {
  it('opens an urgent case from a questionnaire answer, alerts on-call live, records the reasons and audits it', async () => {
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const member = await t.createUser();
    const live = await connectLive(baseUrl, moderator);
    expect((await live.subscribe(`oncall:${t.org.id}`)).type).toBe('subscribed');

    const { caseId } = await t.services.safety.raiseForPerson({
      orgId: t.org.id, userId: member.id, raisedBy: null, level: 'urgent', source: { kind: 'phq9_item9', id: MISSING }, reasons: ['phq9 item 9: nearly every day'],
    });

    const opened = await live.waitFor((e) => e.type === 'case.opened' && e.caseId === caseId);
    expect(opened).toMatchObject({ level: 'urgent' });
    const view = (await t.client(moderator).get(`/api/safety/cases/${caseId}`)).json();
    expect(view).toMatchObject({ kind: 'raised', level: 'urgent', status: 'open', severity: 3, sourceKind: 'phq9_item9', subject: { id: member.id } });
    const openedEvent = view.timeline.find((e: Event) => e.kind === 'opened');
    expect(openedEvent.data).toMatchObject({ raised: { kind: 'phq9_item9', id: MISSING }, reasons: ['phq9 item 9: nearly every day'] });
    expect(view.timeline.find((e: Event) => e.kind === 'alerted').data.recipients).toContain(moderator.id);
    expect(view.riskHistory[0]).toMatchObject({ level: 'urgent', sourceKind: 'phq9_item9', reasons: ['phq9 item 9: nearly every day'] });
    const audit = await t.database.pool.query(`select action, actor_id from audit_log where entity_id = $1 order by created_at`, [caseId]);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['safety_case.opened', 'safety_case.raised_for_person']));
    await live.close();
  });

  it('escalates an unacknowledged raised case after the SLA, like an urgent message', async () => {
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const member = await t.createUser();
    const { caseId } = await t.services.safety.raiseForPerson({ orgId: t.org.id, userId: member.id, raisedBy: null, level: 'urgent', source: { kind: 'intake' }, reasons: ['intake: plan'] });
    clock.advance(121_000);
    await t.jobs.runDueJobs();
    const view = (await t.client(moderator).get(`/api/safety/cases/${caseId}`)).json();
    expect(view.timeline.filter((e: Event) => e.kind === 'escalated')).toHaveLength(1);
    expect(view.tier).toBeGreaterThan(1);
  });

  it('queues a concern as a low-priority review without alerting anyone, with the note encrypted at rest', async () => {
    const moderator = await t.createUser('moderator');
    const member = await t.createUser();
    const { caseId } = await t.services.safety.raiseForPerson({
      orgId: t.org.id, userId: member.id, raisedBy: moderator.id, level: 'concern', source: { kind: 'worry_report', id: 'report-17' },
      reasons: ['worried about this person'], note: 'They mentioned giving their guitar away.',
    });
    const queue = (await t.client(moderator).get('/api/safety/cases')).json().cases;
    expect(queue.find((c: { id: string }) => c.id === caseId)).toMatchObject({ kind: 'raised', level: 'concern', severity: 1, sourceKind: 'worry_report' });
    const view = (await t.client(moderator).get(`/api/safety/cases/${caseId}`)).json();
    expect(view.timeline.some((e: Event) => e.kind === 'alerted')).toBe(false);
    const opened = view.timeline.find((e: Event) => e.kind === 'opened');
    expect(opened).toMatchObject({ actor: { id: moderator.id }, data: { text: 'They mentioned giving their guitar away.', raised: { kind: 'worry_report', id: 'report-17' } } });
    const stored = await t.database.pool.query(`select data::text as d from case_events where case_id = $1`, [caseId]);
    expect(stored.rows.map((r) => r.d).join()).not.toContain('guitar');
    const jobs = await t.database.pool.query(`select count(*)::int as n from jobs where payload->>'caseId' = $1`, [caseId]);
    expect(jobs.rows[0].n).toBe(0);
  });

  it('joins the person\'s open case, raising it to urgent and alerting then; an unknown source kind is kept as other', async () => {
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const member = await t.createUser();
    const first = await t.services.safety.raiseForPerson({ orgId: t.org.id, userId: member.id, raisedBy: null, level: 'concern', source: { kind: 'decline' }, reasons: ['declined screening'] });
    const second = await t.services.safety.raiseForPerson({ orgId: t.org.id, userId: member.id, raisedBy: moderator.id, level: 'urgent', source: { kind: 'peer_escalation' }, reasons: ['peer supporter worried'] });
    expect(second.caseId).toBe(first.caseId);
    const view = (await t.client(moderator).get(`/api/safety/cases/${first.caseId}`)).json();
    expect(view).toMatchObject({ level: 'urgent', severity: 3, status: 'open' });
    expect(view.timeline.some((e: Event) => e.kind === 'alerted')).toBe(true);
    expect(view.timeline.find((e: Event) => e.kind === 'note' && (e.data.raised as { kind?: string })?.kind === 'peer_escalation').data.signal).toBe('other');
    const audit = await t.database.pool.query(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'safety_case.raised_for_person'`, [first.caseId]);
    expect(audit.rows[0].n).toBe(2);
  });

  it('refuses a person from another organization (404) and incomplete details (422)', async () => {
    const otherOrg = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: `elsewhere-raise-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const outsider = await t.createUser('member', { orgId: otherOrg.id });
    const base = { orgId: t.org.id, userId: outsider.id, raisedBy: null, level: 'urgent' as const, source: { kind: 'intake' }, reasons: [] };
    await expect(t.services.safety.raiseForPerson(base)).rejects.toMatchObject({ status: 404 });
    const member = await t.createUser();
    await expect(t.services.safety.raiseForPerson({ ...base, userId: member.id, level: 'none' as 'urgent' })).rejects.toMatchObject({ status: 422 });
    await expect(t.services.safety.raiseForPerson({ ...base, userId: 'nope' })).rejects.toMatchObject({ status: 422, fields: [expect.objectContaining({ path: 'userId' })] });
    await expect(t.services.safety.raiseForPerson({ ...base, userId: member.id, raisedBy: outsider.id })).rejects.toMatchObject({ status: 404 });
  });
});
