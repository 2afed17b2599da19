import { describe, expect, it } from 'vitest';
import { insertGroup, insertMembership, insertSession } from '../server/src/test/factories/chat.ts';
import { scanAccessibility } from './support/browser.ts';
import { signedInContext, watchErrors } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, openPage } from './support/ui.ts';

const { app, browser } = useBrowserApp();

describe('analytics and reminder settings', () => {
  it('lets an admin change the privacy floor and reminder intervals, with a kind message for a value out of range', async () => {
    const t = app.server;
    const admin = await t.createUser('admin', { displayName: 'Ada' });
    const page = await openPage(await signedInContext(browser, app.baseUrl, admin, { viewport: { width: 1280, height: 900 } }));
    const errors = watchErrors(page);

    await page.goto(`${app.baseUrl}/analytics`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Program analytics' }), 'the analytics page', 20_000);
    await page.getByRole('link', { name: 'Analytics and reminder settings' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Analytics and reminder settings' }), 'the settings page', 15_000);

    const privacy = page.getByRole('region', { name: 'Privacy floor and costs' });
    const floor = privacy.getByRole('textbox', { name: 'Smallest group shown' });
    await floor.fill('3');
    await privacy.getByRole('button', { name: 'Save' }).click();
    await expectVisible(privacy.getByText('Please keep the minimum at 5 people or more, so nobody can be picked out.'), 'the out-of-range message');
    await floor.fill('12');
    await privacy.getByRole('textbox', { name: 'Currency' }).fill('GBP');
    await privacy.getByRole('button', { name: 'Save' }).click();
    await expectVisible(privacy.getByRole('status').getByText('Saved.'), 'the saved note');
    const settings = (await t.client(admin).get('/api/analytics/settings')).json();
    expect(settings).toMatchObject({ minGroupSize: 12, unitCosts: { currency: 'GBP' }, examples: false });

    const reminders = page.getByRole('region', { name: 'Questionnaires and check-ins' });
    await reminders.getByRole('textbox', { name: 'Offer questionnaires every (days)' }).fill('21');
    await reminders.getByRole('button', { name: 'Save' }).click();
    await expectVisible(reminders.getByRole('status').getByText('Saved.'), 'the saved note for reminders');
    expect((await t.client(admin).get('/api/outcomes/settings')).json()).toMatchObject({ screeningIntervalDays: 21 });

    expect(await scanAccessibility(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('session feedback from the sessions list', () => {
  it('offers a member "How was the session?" on a session under way, and their answer is saved', async () => {
    const t = app.server;
    const member = await t.createUser('member', { displayName: 'Robin', timezone: 'Europe/London' });
    const group = await insertGroup(t, { name: 'Evening circle' });
    await insertMembership(t, group.id, member);
    const running = await insertSession(t, group.id, { startsInMinutes: -20, title: 'Tuesday circle' });
    await insertSession(t, group.id, { startsInMinutes: 24 * 60, title: 'Next week' });

    const page = await openPage(await signedInContext(browser, app.baseUrl, member, { timezoneId: 'Europe/London' }));
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/groups/${group.id}`);
    const card = page.getByRole('article', { name: 'Tuesday circle' });
    await expectVisible(card, 'the running session', 20_000);
    expect(await page.getByRole('article', { name: 'Next week' }).getByRole('link', { name: 'How was the session?' }).count()).toBe(0);
    await card.getByRole('link', { name: 'How was the session?' }).click();

    await expectVisible(page.getByRole('heading', { level: 1, name: 'How was the session?' }), 'the feedback page', 15_000);
    await page.getByRole('radio', { name: 'Yes' }).check();
    // The rating's radios are visually hidden under its stars: tap the fourth star (the radio's label).
    const fourth = await page.getByRole('radio', { name: '4' }).getAttribute('id');
    await page.locator(`label[for="${fourth}"]`).click();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(async () => (await t.database.pool.query('select satisfaction, felt_heard from session_feedback where session_id = $1', [running.id])).rows).toEqual([{ satisfaction: 4, felt_heard: true }]);
    expect(errors).toEqual([]);
  });
});
