import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from '../server/src/test/factories/groups.ts';
import { grantCertificate } from '../server/src/test/factories/training.ts';
import { launchChromium, scanAccessibility, type AxeViolation } from './support/browser.ts';
import { signedInContext, startApp, watchErrors, type TestServer } from './support/app.ts';
import { expectVisible, openPage } from './support/ui.ts';

let app: { server: TestServer; baseUrl: string };
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchChromium()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.server.close();
});

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

describe('cohort programs and the supporter matching profile', () => {
  it('a facilitator sets up a program, previews the best assignment with reasons, and applies it', async () => {
    const t = app.server;
    const { group: grief, facilitator } = await createGroup(t, { body: { name: 'Grief course', description: 'Eight weeks for people grieving a parent.', topics: ['grief'], language: 'en', capacity: 12 } });
    await createGroup(t, { facilitator, body: { name: 'Calm course', description: 'Eight weeks of practical tools for worry and panic.', topics: ['anxiety'], language: 'en', capacity: 12 } });
    const context = await signedInContext(browser, app.baseUrl, facilitator, { viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await openPage(context);
    const errors = watchErrors(page);

    await page.goto(`${app.baseUrl}/programs`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Programs' }), 'the programs page');
    await page.getByRole('textbox', { name: 'Program name' }).fill('Spring courses');
    await page.getByRole('checkbox', { name: 'Include Grief course' }).check();
    await page.getByRole('checkbox', { name: 'Include Calm course' }).check();
    await page.getByRole('textbox', { name: 'Places in Grief course' }).fill('1');
    expect(serious(await scanAccessibility(page)), 'programs page accessibility').toEqual([]);
    await page.getByRole('button', { name: 'Create program' }).click();
    await expectVisible(page.getByRole('link', { name: 'Spring courses' }), 'the new program in the list');
    const programId = (await page.getByRole('link', { name: 'Spring courses' }).getAttribute('href'))!.split('/').at(-1)!;

    const member = await t.createUser('member', { displayName: 'Robin' });
    await t.client(member).put('/api/intake/profile', { whatBrings: 'my dad died last month and I cannot stop crying at work', languages: ['en'] });
    expect((await t.client(member).post(`/api/matching/programs/${programId}/applications`)).statusCode).toBe(200);

    await page.getByRole('link', { name: 'Spring courses' }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Applicants' }), 'the applicants');
    await page.getByRole('button', { name: 'Preview the best assignment' }).click();
    const row = page.getByRole('row', { name: /Robin/ });
    await expectVisible(row.getByText('Grief course'), 'Robin placed in the grief course');
    await expectVisible(row.getByText(/grief · English/), 'with reasons');
    await expectVisible(page.getByText(/Total mismatch: \d+/), 'the total mismatch');
    expect(serious(await scanAccessibility(page)), 'program page with preview accessibility').toEqual([]);
    await page.getByRole('button', { name: 'Apply this assignment and tell everyone' }).click();
    await expectVisible(page.getByRole('status').getByText(/Everyone has been added/), 'the assignment applied');
    const membership = await t.database.pool.query(`select status from group_members where group_id = $1 and user_id = $2`, [grief.id, member.id]);
    expect(membership.rows[0]?.status).toBe('active');
    expect(errors).toEqual([]);
  });

  it('a peer supporter keeps their own matching profile', async () => {
    const t = app.server;
    const supporter = await t.createUser('peer_supporter', { displayName: 'Ari' });
    await grantCertificate(t, supporter, 'peer_supporter');
    const context = await signedInContext(browser, app.baseUrl, supporter, { viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/support/profile`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'My matching profile' }), 'the supporter profile page');
    await page.getByRole('checkbox', { name: 'grief' }).check();
    await page.getByRole('button', { name: 'Add a time' }).click();
    await page.getByRole('combobox', { name: 'Age range (optional)' }).selectOption('35-49');
    expect(serious(await scanAccessibility(page)), 'supporter profile accessibility').toEqual([]);
    await page.getByRole('button', { name: 'Save my matching profile' }).click();
    await expectVisible(page.getByRole('status').getByText(/Saved/), 'saved');
    const saved = (await t.client(supporter).get('/api/matching/supporter-profile')).json();
    expect(saved).toMatchObject({ livedExperience: ['grief'], ageRange: '35-49', availability: [{ weekday: 1, start: '18:00', end: '21:00' }] });
    expect(errors).toEqual([]);
  });
});
