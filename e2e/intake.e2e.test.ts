import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOT_COPY } from '../server/src/modules/intake/bot-copy.ts';
import { createGroup } from '../server/src/test/factories/groups.ts';
import { URGENT_TEXT } from '../server/src/test/factories/safety.ts';
import { scanAccessibility, type AxeViolation } from './support/browser.ts';
import { signedInContext, watchErrors } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, openPage } from './support/ui.ts';

const { app, browser } = useBrowserApp();

beforeAll(async () => {
  await createGroup(app.server, { body: { name: 'Grief circle', description: 'A gentle space for people grieving the death of someone close.', topics: ['grief'], language: 'en', capacity: 12 } });
  await createGroup(app.server, { body: { name: 'Calm minds', description: 'Tools for worry and panic.', topics: ['anxiety'], language: 'en' } });
});

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Your message' }).fill(text);
  await page.getByRole('textbox', { name: 'Your message' }).press('Enter');
}

describe('the intake assistant', () => {
  it('says it is a bot, recommends a group with reasons, and hands off with the crisis card on crisis language', async () => {
    const t = app.server;
    const member = await t.createUser('member', { displayName: 'Robin', timezone: 'America/New_York' });
    const context = await signedInContext(browser, app.baseUrl, member, { timezoneId: 'America/New_York', viewport: { width: 390, height: 844 } });
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/intake`);

    await expectVisible(page.getByRole('heading', { level: 1, name: 'Find support' }), 'the intake page');
    const log = page.getByRole('log', { name: 'Conversation with the automated guide' });
    await expectVisible(log.getByText(BOT_COPY.welcome[0]), 'the guide saying it is automated');
    await expectVisible(page.getByText('You are talking with an automated guide, not a person.'), 'the automated notice');
    await expectVisible(page.getByRole('button', { name: 'Talk to a person' }).first(), 'a way to reach a person');
    expect(serious(await scanAccessibility(page)), 'intake page accessibility').toEqual([]);

    await send(page, "my dad died last month and I can't stop crying at work");
    await expectVisible(log.getByText(BOT_COPY.askPreference), 'the guide asking what would help');
    await page.getByRole('button', { name: 'A group', exact: true }).click();
    const card = log.getByRole('article', { name: 'Grief circle' });
    await expectVisible(card, 'the grief group recommended');
    await expectVisible(card.getByText(/Why this group/), 'the reasons');
    await expectVisible(card.getByText(/grief · English/), 'grief and language among the reasons');
    await expectVisible(card.getByRole('button', { name: 'Join' }), 'one tap to join');
    expect(serious(await scanAccessibility(page)), 'intake page with matches accessibility').toEqual([]);

    await send(page, URGENT_TEXT);
    await expectVisible(log.getByText(BOT_COPY.crisis.urgent), 'the guide stopping its script');
    const crisisCard = page.getByRole('region', { name: 'Support is here for you' });
    await expectVisible(crisisCard, 'the crisis card');
    await expectVisible(crisisCard.getByRole('button', { name: 'Talk to someone now' }), 'talk to someone now');
    await page.getByRole('button', { name: 'Answer a few short questions' }).click();
    await expectVisible(page.getByText('In the past month, have you wished you were not alive, or hoped you might not wake up?'), 'the risk screener');
    const cases = await t.database.pool.query(`select level, source_kind from safety_cases where subject_user_id = $1`, [member.id]);
    expect(cases.rows[0]).toMatchObject({ level: 'urgent', source_kind: 'intake' });
    expect(serious(await scanAccessibility(page)), 'intake page after hand-off accessibility').toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows recommendations with reasons and the request status page without accessibility violations', async () => {
    const t = app.server;
    const member = await t.createUser('member', { displayName: 'Sam', timezone: 'America/New_York' });
    await t.client(member).put('/api/intake/profile', { whatBrings: 'my mother passed away and I feel lost', languages: ['en'] });
    const request = await t.client(member).post('/api/matching/requests', { intro: 'I would like to talk about my mum' });
    const context = await signedInContext(browser, app.baseUrl, member, { timezoneId: 'America/New_York' });
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/matches`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Matches for you' }), 'the matches page');
    await expectVisible(page.getByRole('article', { name: 'Grief circle' }).getByText(/grief · English/), 'the grief group with reasons');
    expect(serious(await scanAccessibility(page)), 'matches page accessibility').toEqual([]);
    await page.goto(`${app.baseUrl}/support/requests/${request.json().id}`);
    await expectVisible(page.getByRole('status').getByText('Waiting for a peer supporter'), 'the visible waiting status');
    expect(serious(await scanAccessibility(page)), 'request page accessibility').toEqual([]);
    expect(errors).toEqual([]);
  });
});
