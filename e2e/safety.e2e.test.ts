import { describe, expect, it } from 'vitest';
import { URGENT_TEXT } from '../server/src/test/factories/safety.ts';
import { scanAccessibility } from './support/browser.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, uniqueText } from './support/ui.ts';
import { createGroupWithOnCallModerator, messagesWithText, sendFromComposer } from './support/world.ts';

const { app, openAs } = useBrowserApp();

describe('an urgent message in a live room', () => {
  it('is delivered, shows the author the support card, and reaches the on-call dashboard live, where a moderator acknowledges it', async () => {
    const t = app.server;
    const { robin, sam, moderator, group } = await createGroupWithOnCallModerator(t);

    // The on-call moderator is already watching an empty queue in their own browser.
    const oncall = await openAs(moderator, '/on-call');
    await expectVisible(oncall.page.getByRole('heading', { level: 1, name: 'On-call' }), 'the on-call dashboard');
    await expectVisible(oncall.page.getByText('No open cases right now.'), 'the empty queue');
    await expectVisible(oncall.page.getByText(/On call now: .*Mo Moderator/), 'the moderator listed as on call');

    const author = await openAs(robin, `/groups/${group.id}/chat`);
    const peer = await openAs(sam, `/groups/${group.id}/chat`);
    await expectVisible(author.page.getByRole('group', { name: 'Who is here' }).getByText('Sam', { exact: true }), 'Sam in Robin’s room');
    await expectVisible(peer.page.getByRole('group', { name: 'Who is here' }).getByText('Robin', { exact: true }), 'Robin in Sam’s room');

    await sendFromComposer(author.page, URGENT_TEXT);

    // Nobody is silenced: Sam sees Robin's message as usual.
    await expectVisible(messagesWithText(peer.page, URGENT_TEXT), 'Robin’s message on Sam’s screen');
    // Robin privately sees the gentle card, with crisis lines, talking to someone now and the safety plan.
    const card = author.page.getByRole('region', { name: 'Support is here for you' });
    await expectVisible(card, 'the support card on Robin’s screen');
    await expectVisible(card.getByRole('button', { name: 'Talk to someone now' }), 'the talk-now button');
    await expectVisible(card.getByRole('link', { name: 'My safety plan' }), 'the safety plan link');
    // The card is Robin's alone.
    expect(await peer.page.getByRole('region', { name: 'Support is here for you' }).count()).toBe(0);

    // The case appears on the dashboard without a reload.
    const row = oncall.page.getByRole('article', { name: 'Case for Robin' });
    await expectVisible(row, 'Robin’s case on the on-call dashboard');
    await expectVisible(row.getByText('Urgent', { exact: true }), 'the urgent level');
    await expectVisible(row.getByText('Waiting for someone'), 'the open status');

    await row.getByRole('link', { name: 'Open case for Robin' }).click();
    await expectVisible(oncall.page.getByRole('heading', { level: 1, name: 'Case: Robin' }), 'the case view');
    await expectVisible(oncall.page.getByRole('region', { name: 'What was said' }).getByText(URGENT_TEXT), 'the message in context');
    await oncall.page.getByRole('button', { name: 'I’m on it' }).click();
    await expectVisible(oncall.page.getByText('With Mo Moderator'), 'the case acknowledged by the moderator');

    const acknowledged = await t.database.pool.query(`select status, acknowledged_by from safety_cases where subject_user_id = $1`, [robin.id]);
    expect(acknowledged.rows).toEqual([{ status: 'acknowledged', acknowledged_by: moderator.id }]);
    expect([...oncall.errors, ...author.errors, ...peer.errors]).toEqual([]);
  });
});

describe('on-call pages', () => {
  it('lets a clinician set their shifts in their own time zone and see themselves on the rota, with no accessibility violations', async () => {
    const t = app.server;
    const clinician = await t.createUser('clinician', { displayName: 'Dr Lane', timezone: 'Asia/Tokyo' });
    const { page, errors } = await openAs(clinician, '/on-call/shifts');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'On-call shifts' }), 'the shifts page');
    await expectVisible(page.getByText('You have no shifts yet. Add the hours you can be on call.'), 'no shifts yet');
    expect(await page.getByRole('combobox', { name: 'My time zone' }).inputValue()).toBe('Asia/Tokyo');

    await page.getByRole('button', { name: 'Add a shift' }).click();
    const shift = page.getByRole('group', { name: 'Shift 1' });
    await shift.getByRole('combobox', { name: 'Day' }).selectOption({ label: 'Wednesday' });
    await shift.getByLabel('Starts').fill('22:00');
    await shift.getByLabel('Ends').fill('06:00');
    await expectVisible(shift.getByText('Runs past midnight into the next day.'), 'the overnight hint');
    await page.getByRole('button', { name: 'Save my shifts' }).click();
    await expectVisible(page.getByText('Your shifts are saved.'), 'the saved note');

    const rota = page.getByRole('table', { name: 'On-call rota' });
    const mine = rota.getByRole('row').filter({ hasText: 'Dr Lane' });
    await expectVisible(mine.getByText('Asia/Tokyo'), 'the clinician’s time zone on the rota');
    await expectVisible(mine.getByText('Wed 22:00–06:00'), 'the shift on the rota');
    const saved = (await t.client(clinician).get('/api/safety/oncall/shifts')).json();
    expect(saved).toMatchObject({ timezone: 'Asia/Tokyo', shifts: [{ weekday: 3, start: '22:00', end: '06:00' }] });
    expect(await scanAccessibility(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lets an admin change the time to acknowledge and hold urgent forum posts, and filter closed cases', async () => {
    const t = app.server;
    const admin = await t.createUser('admin', { displayName: 'Ada Admin' });
    const { page, errors } = await openAs(admin, '/on-call/settings');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Safety settings' }), 'the settings page');
    const sla = page.getByRole('textbox', { name: 'Time to acknowledge' });
    await expectVisible(sla, 'the time limit field');
    await sla.fill('3');
    await page.getByRole('switch', { name: 'Hold urgent forum posts for review' }).check({ force: true });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectVisible(page.getByText('Settings saved.'), 'the saved note');
    expect((await t.client(admin).get('/api/safety/settings')).json()).toEqual({ ackSlaSeconds: 180, holdUrgentForumPosts: true });
    expect(await scanAccessibility(page)).toEqual([]);

    // A closed case, then the closed-cases list with a filter.
    const member = await t.createUser('member', { displayName: uniqueText('Jordan') });
    const { caseId } = await t.services.safety.raiseForPerson({ orgId: t.org.id, userId: member.id, raisedBy: null, level: 'concern', source: { kind: 'phq9_item9' }, reasons: ['phq9 item 9'] });
    await t.client(admin).post(`/api/safety/cases/${caseId}/outcome`, { outcome: 'false_alarm' });
    await page.goto(`${app.baseUrl}/on-call/closed`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Closed cases' }), 'the closed cases page');
    const closedRow = page.getByRole('article', { name: 'Case for Jordan', exact: false });
    await expectVisible(closedRow.filter({ hasText: 'False alarm' }), 'the false-alarm case');
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Referred to another service' });
    await expectVisible(page.getByText('No closed cases match these filters.'), 'the empty filtered list');
    expect(page.url()).toContain('outcome=referred');
    expect(await scanAccessibility(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
