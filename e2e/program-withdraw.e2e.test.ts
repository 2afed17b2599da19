import { describe, expect, it } from 'vitest';
import { createGroup } from '../server/src/test/factories/groups.ts';
import { expectAccessible } from './support/browser.ts';
import { expectVisible } from './support/ui.ts';
import { useBrowserApp } from './support/use-browser-app.ts';

const { app, openAs } = useBrowserApp();

describe('withdrawing from a program', () => {
  it('a member withdraws their application after confirming, is told what happens next, and can apply again', async () => {
    const t = app.server;
    const { group, facilitator } = await createGroup(t, { body: { name: 'Grief course', description: 'Eight weeks for people grieving a parent.', topics: ['grief'], language: 'en', capacity: 12 } });
    const created = await t.client(facilitator).post('/api/matching/programs', { name: 'Spring courses', groups: [{ groupId: group.id, capacity: 4 }] });
    if (created.statusCode !== 201) throw new Error(created.body);
    const programId = created.json().id as string;
    const member = await t.createUser();
    const profile = await t.client(member).put('/api/intake/profile', { whatBrings: 'my mother passed away in the spring and I miss her', languages: ['en'] });
    if (profile.statusCode !== 200) throw new Error(profile.body);

    const { page, errors } = await openAs(member, `/programs/${programId}`);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectVisible(page.getByText('You applied. We will tell you which group you are in.'), 'the applied note');
    // The list of programs says so too, not only the program's own page.
    const programUrl = page.url();
    await page.goto(new URL('/programs', programUrl).href);
    await expectVisible(page.getByRole('listitem').filter({ hasText: 'Spring courses' }).getByText('You applied', { exact: true }), 'the applied mark in the list');
    await page.goto(programUrl);
    await page.getByRole('button', { name: 'Withdraw my application' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Withdraw your application to Spring courses?' }), 'the confirmation');
    await expectAccessible(page, 'program page while confirming a withdrawal');
    // Changing one's mind keeps the application.
    await page.getByRole('button', { name: 'Keep my application' }).click();
    expect((await t.client(facilitator).get(`/api/matching/programs/${programId}/applicants`)).json().applicants).toHaveLength(1);

    await page.getByRole('button', { name: 'Withdraw my application' }).click();
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await expectVisible(page.getByText(/^Your application is withdrawn\. You will not be placed in a group for this program/), 'the kind note on what happens next');
    await expectVisible(page.getByRole('button', { name: 'Apply' }), 'the apply button again');
    expect((await t.client(facilitator).get(`/api/matching/programs/${programId}/applicants`)).json().applicants).toEqual([]);
    await expectAccessible(page, 'program page after withdrawing');
    expect(errors).toEqual([]);
  });
});
