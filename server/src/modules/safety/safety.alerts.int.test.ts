import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive } from '../../test/factories/chat.ts';
import { putOnCall } from '../../test/factories/safety.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { createTestClock } from '../../test/factories/setup.ts';

// Alerts beyond the dashboard go through the notifications module as main.ts wires it (in-app, Web Push, e-mail).
let t: TestServer;
const clock = createTestClock('2026-03-02T12:00:00Z');
let baseUrl: string;

beforeAll(async () => {
  t = await createTestServer({ now: clock.now });
  baseUrl = await t.listen();
});
afterAll(() => t.close());

const tick = (seconds: number) => clock.advance(seconds * 1000);

type Row = { user_id: string; kind: string; url: string; params: Record<string, string | number> };
async function alertsFor(caseId: string): Promise<Row[]> {
  const res = await t.database.pool.query(`select user_id, kind, url, params from notifications where url = $1 order by created_at, id`, [`/on-call/cases/${caseId}`]);
  return res.rows;
}

describe('alerts beyond the dashboard', () => {
  it('notifies each person on call with the level and a link, never the words, then each next tier, then repeats to everyone', async () => {
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const clinician = await t.createUser('clinician');
    const admin = await t.createUser('admin');
    const member = await t.createUser();
    const live = await connectLive(baseUrl, moderator);
    await live.subscribe(`oncall:${t.org.id}`);

    const { caseId } = await t.services.safety.raiseForPerson({
      orgId: t.org.id, userId: member.id, raisedBy: null, level: 'urgent', source: { kind: 'intake' }, reasons: ['intake: intent'], note: 'private words',
    });
    await live.waitFor((e) => e.type === 'case.opened' && e.caseId === caseId);
    let sent = await alertsFor(caseId);
    expect(sent).toEqual([{ user_id: moderator.id, kind: 'safety.case_alert', url: `/on-call/cases/${caseId}`, params: { level: 'urgent', tier: 1, repeat: 0 } }]);
    expect(JSON.stringify(sent)).not.toMatch(/private words|intake: intent/);

    tick(121);
    await t.jobs.runDueJobs();
    sent = await alertsFor(caseId);
    const tier2 = sent.filter((n) => n.params.tier === 2);
    expect(tier2.map((n) => n.user_id)).toContain(clinician.id);
    expect(tier2.map((n) => n.user_id)).not.toContain(moderator.id);

    tick(121);
    await t.jobs.runDueJobs();
    sent = await alertsFor(caseId);
    expect(sent.filter((n) => n.params.tier === 3).map((n) => n.user_id)).toContain(admin.id);

    // Still nobody: the alert repeats at the last tier, to everyone who can help.
    tick(121);
    await t.jobs.runDueJobs();
    sent = await alertsFor(caseId);
    const repeat = sent.filter((n) => n.params.repeat === 1);
    expect(repeat.map((n) => n.user_id)).toEqual(expect.arrayContaining([moderator.id, clinician.id, admin.id]));
    await live.waitFor((e) => e.type === 'case.escalated' && e.caseId === caseId && e.tier === 3);

    const view = (await t.client(moderator).get(`/api/safety/cases/${caseId}`)).json();
    const alerts = view.timeline.filter((e: { kind: string }) => e.kind === 'alerted');
    expect(alerts).toHaveLength(4);
    expect(alerts.at(-1).data).toMatchObject({ tier: 3, repeat: 1, channels: ['realtime', 'notification'] });
    const audit = await t.database.pool.query(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'safety_case.realerted'`, [caseId]);
    expect(audit.rows[0].n).toBe(1);

    // Acknowledged: the repeats stop.
    expect((await t.client(moderator).post(`/api/safety/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
    const afterAck = (await alertsFor(caseId)).length;
    tick(3600);
    await t.jobs.runDueJobs();
    expect((await alertsFor(caseId)).length).toBe(afterAck);
    await live.close();
  });

  it('alerts nobody beyond the dashboard for a concern: it waits in the queue as a low-priority review', async () => {
    const moderator = await t.createUser('moderator');
    await putOnCall(t, moderator);
    const member = await t.createUser();
    const { caseId } = await t.services.safety.raiseForPerson({ orgId: t.org.id, userId: member.id, raisedBy: null, level: 'concern', source: { kind: 'phq9_item9' }, reasons: ['phq9 item 9'] });
    expect(await alertsFor(caseId)).toEqual([]);
  });
});
