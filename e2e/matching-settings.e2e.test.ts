import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { expectVisible } from './support/ui.ts';
import { useBrowserApp } from './support/use-browser-app.ts';

const { app, openAs } = useBrowserApp();

describe('matching settings', () => {
  it('an admin changes the small-group idle time and host limit, with a kind note when a value is out of bounds', async () => {
    const admin = await app.server.createUser('admin');
    const { page, errors } = await openAs(admin, '/programs');
    await page.getByRole('link', { name: 'Small-group settings' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Small-group settings' }), 'the settings page');
    await expectVisible(page.getByText('Your organization is using the default settings.'), 'the defaults note');
    const idle = page.getByRole('textbox', { name: 'Close a quiet small group after' });
    const cap = page.getByRole('textbox', { name: 'Small groups one host looks after at once' });
    expect(await idle.inputValue()).toBe('20 minutes');
    expect(await cap.inputValue()).toBe('2');
    await expectAccessible(page, 'matching settings');

    await cap.fill('9');
    await expectVisible(page.getByText('Please choose a whole number between 1 and 5.'), 'the range note');
    expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
    await cap.fill('3');
    await idle.fill('45');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Settings saved.' }), 'the saved note');
    expect((await app.server.client(admin).get('/api/matching/settings')).json()).toEqual({ roomIdleMinutes: 45, maxRoomsPerHost: 3, isDefault: false });
    expect(errors).toEqual([]);

    const facilitator = await app.server.createUser('facilitator');
    const other = await openAs(facilitator, '/support/settings');
    await expectVisible(other.page.getByText('Only admins can change these settings.'), 'the admins-only note');
    expect(await other.page.getByRole('link', { name: 'Small-group settings' }).count()).toBe(0);
  });
});
