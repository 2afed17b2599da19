import { beforeAll, describe, expect, it } from 'vitest';
import { insertGroup, insertMembership } from '../server/src/test/factories/chat.ts';
import { daysAgo, insertScreeningAt } from '../server/src/test/factories/outcomes.ts';
import { scanAccessibility } from './support/browser.ts';
import { signedInContext, watchErrors, type TestUser } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, openPage } from './support/ui.ts';

const { app, browser } = useBrowserApp();
let member: TestUser;
let facilitator: TestUser;

beforeAll(async () => {
  const t = app.server;
  member = await t.createUser('member', { displayName: 'Robin', timezone: 'Europe/London' });
  facilitator = await t.createUser('facilitator', { displayName: 'Tomás' });
  const group = await insertGroup(t, { name: 'Evening circle' });
  await insertMembership(t, group.id, facilitator, { role: 'facilitator' });
  await insertMembership(t, group.id, member);
  await insertScreeningAt(t, member, 'phq9', 14, daysAgo(30));
  // Eleven more members with a first and a latest PHQ-9, so the group clears the minimum of ten.
  for (const [baseline, latest] of [[16, 8], [20, 12], [12, 7], [9, 3], [14, 15], [6, 12], [18, 9], [11, 11], [15, 4], [10, 8], [13, 10]]) {
    const person = await t.createUser('member');
    await insertMembership(t, group.id, person);
    await insertScreeningAt(t, person, 'phq9', baseline!, daysAgo(40));
    await insertScreeningAt(t, person, 'phq9', latest!, daysAgo(3));
  }
}, 120_000);

describe('outcomes in the browser', () => {
  it('lets a member check in, answer the PHQ-9 and see their progress chart in plain words', async () => {
    const context = await signedInContext(browser, app.baseUrl, member, { timezoneId: 'Europe/London' });
    const page = await openPage(context);
    const errors = watchErrors(page);

    await page.goto(`${app.baseUrl}/progress/check-in`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Mood check-in' }), 'the check-in page', 20_000);
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuenow')).toBe('7');
    await page.getByText('hopeful', { exact: true }).click();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectVisible(page.getByText('Thank you for checking in.'), 'the check-in confirmation');

    await page.goto(`${app.baseUrl}/progress/questionnaires/phq9`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'PHQ-9' }), 'the PHQ-9 page', 15_000);
    await expectVisible(page.getByText(/educational grant from Pfizer/), 'the Pfizer attribution');
    const groups = page.getByRole('radiogroup');
    expect(await groups.count()).toBe(9);
    for (let i = 0; i < 9; i++) await groups.nth(i).getByRole('radio', { name: i < 8 ? 'Several days' : 'Not at all' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expectVisible(page.getByText('Your PHQ-9 score is 8 out of 27: mild.'), 'the PHQ-9 result');
    expect(await page.getByTestId('safety-card').count()).toBe(0);

    await page.goto(`${app.baseUrl}/progress`);
    await expectVisible(page.getByRole('heading', { name: 'Questionnaire scores' }), 'the scores chart', 15_000);
    await expectVisible(page.getByText('PHQ-9: Your score went from 14 (moderate) to 8 (mild). Lower is better.'), 'the plain-words summary');
    await expectVisible(page.getByText('Your recent mood averages 7 out of 10.'), 'the mood summary');
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    await page.getByText('Show as a table').first().click();
    await expectVisible(page.getByRole('table').first(), 'the table alternative');

    expect(await scanAccessibility(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows the support card and the risk screener at once after PHQ-9 item 9', async () => {
    const person = await app.server.createUser('member');
    const context = await signedInContext(browser, app.baseUrl, person);
    const page = await openPage(context);
    await page.goto(`${app.baseUrl}/progress/questionnaires/phq9`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'PHQ-9' }), 'the PHQ-9 page', 15_000);
    const groups = page.getByRole('radiogroup');
    for (let i = 0; i < 9; i++) await groups.nth(i).getByRole('radio', { name: i < 8 ? 'Not at all' : 'Several days' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expectVisible(page.getByTestId('safety-card'), 'the support card');
    await expectVisible(page.getByRole('heading', { name: 'A few more questions, to make sure you have support' }), 'the risk screener');
    expect(await scanAccessibility(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows the facilitator program analytics with a confidence interval, and passes an accessibility scan', async () => {
    const context = await signedInContext(browser, app.baseUrl, facilitator, { viewport: { width: 1280, height: 900 } });
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/analytics`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Program analytics' }), 'the analytics page', 20_000);
    await expectVisible(page.getByText(/PHQ-9: across \d+ people the mean change is -?[0-9.]+ points \(95% CI -?[0-9.]+ to -?[0-9.]+\)/), 'the PHQ-9 outcome sentence');
    await expectVisible(page.getByRole('row', { name: /GAD-7 Fewer than 10 people: not shown/ }), 'GAD-7 suppressed under the minimum');
    await expectVisible(page.getByRole('link', { name: /^Download CSV\s*:\s*Outcomes$/ }), 'the outcomes CSV link');
    expect(await scanAccessibility(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
