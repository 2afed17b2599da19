import { describe, expect, it } from 'vitest';
import { expectVisible } from './support/ui.ts';
import { useBrowserApp } from './support/use-browser-app.ts';

const { app, openAs } = useBrowserApp();
const MOBILE_NAV = 'Main menu';

describe('admin settings in the navigation', () => {
  it('on a phone an admin reaches the small-group settings from the menu; a facilitator does not see the entry', async () => {
    const admin = await app.server.createUser('admin');
    const { page, errors } = await openAs(admin, '/');
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: MOBILE_NAV }).getByRole('link', { name: 'Small-group settings' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Small-group settings' }), 'the settings page');
    expect(errors).toEqual([]);

    const facilitator = await app.server.createUser('facilitator');
    const other = await openAs(facilitator, '/');
    await other.page.getByRole('button', { name: 'Open menu' }).click();
    const nav = other.page.getByRole('navigation', { name: MOBILE_NAV });
    await expectVisible(nav.getByRole('link', { name: 'Analytics' }), 'the team entries');
    expect(await nav.getByRole('link', { name: 'Small-group settings' }).count()).toBe(0);
  });
});
