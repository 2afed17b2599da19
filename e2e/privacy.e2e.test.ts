import fs from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanAccessibility } from './support/browser.ts';
import { signedInContext, watchErrors } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, openPage } from './support/ui.ts';

const { app, browser } = useBrowserApp();
let context: BrowserContext | undefined;

describe('your data', () => {
  it('downloads everything, then deletes the account after a gentle pause and the password', async () => {
    const member = await app.server.createUser('member');
    const plan = await app.server.client(member).put('/api/safety/plan', { reasonsForLiving: ['Morning light on the balcony'] });
    expect(plan.statusCode).toBe(200);

    context = await signedInContext(browser, app.baseUrl, member);
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/profile`);
    const section = page.getByRole('region', { name: 'Your data' });
    await expectVisible(section.getByText('Safety plan, screenings and support cases: 1 record'), 'the safety section count');
    expect(await scanAccessibility(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Download as JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hearth-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await fs.readFile((await download.path())!, 'utf8'));
    expect(exported.data.safety.safetyPlan.plan.reasonsForLiving).toEqual(['Morning light on the balcony']);

    await section.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account for good?' });
    await expectVisible(dialog.getByText('you do not have to decide now'), 'the gentle pause');
    const confirmButton = dialog.getByRole('button', { name: 'Delete everything' });
    expect(await confirmButton.isDisabled()).toBe(true);
    await dialog.getByLabel('Your password').fill('not the password');
    await dialog.getByLabel('Type “delete my account” to confirm').fill('delete my account');
    await confirmButton.click();
    await expectVisible(dialog.getByText('This password does not match.'), 'the wrong-password message');
    expect(await scanAccessibility(page)).toEqual([]);

    await dialog.getByLabel('Your password').fill(member.password);
    await confirmButton.click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Your account and your data have been deleted.' }), 'the goodbye note');
    expect(await app.server.database.pool.query('select 1 from users where id = $1', [member.id]).then((r) => r.rowCount)).toBe(0);
    expect(errors).toEqual([]);
  });
});
