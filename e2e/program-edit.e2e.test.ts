import { describe, expect, it } from 'vitest';
import { createGroup } from '../server/src/test/factories/groups.ts';
import { expectAccessible } from './support/browser.ts';
import { expectVisible } from './support/ui.ts';
import { useBrowserApp } from './support/use-browser-app.ts';

const { app, openAs } = useBrowserApp();

const DAY = 24 * 3600_000;
/** A datetime-local value `days` from now at 18:30 (the form reads it in the viewer's zone). */
const localInput = (days: number) => `${new Date(Date.now() + days * DAY).toISOString().slice(0, 10)}T18:30`;

describe('editing a program', () => {
  it('a facilitator edits a program by keyboard with the same form, applicants are told about the new date, and after assignment only the wording can change', async () => {
    const t = app.server;
    const { group, facilitator } = await createGroup(t, { body: { name: 'Grief course', description: 'Eight weeks for people grieving a parent.', topics: ['grief'], language: 'en', capacity: 12 } });
    const created = await t.client(facilitator).post('/api/matching/programs', { name: 'Spring courses', groups: [{ groupId: group.id, capacity: 4 }], startsAt: new Date(Date.now() + 20 * DAY).toISOString() });
    if (created.statusCode !== 201) throw new Error(created.body);
    const programId = created.json().id as string;
    const before = created.json().startsAt as string;
    const member = await t.createUser();
    await t.client(member).put('/api/intake/profile', { whatBrings: 'my mother passed away in the spring and I miss her', languages: ['en'] });
    expect((await t.client(member).post(`/api/matching/programs/${programId}/applications`)).statusCode).toBe(200);

    const { page, errors } = await openAs(facilitator, `/programs/${programId}`);
    await expectVisible(page.getByText('First meeting:'), 'the start date on the program page');
    const editButton = page.getByRole('button', { name: 'Edit program' });
    await editButton.focus();
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Edit program' }), 'the edit form');
    await expectVisible(page.getByText(/everyone who applied gets a short note/), 'what editing will tell applicants');
    await expectAccessible(page, 'program edit form');

    // A closing time after the start is refused next to the field, and what was typed stays.
    const name = page.getByRole('textbox', { name: 'Program name' });
    await name.fill('Spring courses (evenings)');
    await page.getByLabel('Applications close (optional)').fill(localInput(25));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByText('Applications need to close before the program starts.'), 'the closing-time problem');
    expect(await name.inputValue()).toBe('Spring courses (evenings)');

    // A new name alone (keyboard: Enter in the field submits) saves without telling anyone, and focus returns to the button.
    await page.getByLabel('Applications close (optional)').fill('');
    await name.focus();
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('status').getByText('Changes saved.'), 'the saved note');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Spring courses (evenings)' }), 'the new name');
    expect(await editButton.evaluate((el) => el === document.activeElement)).toBe(true);
    const told = async () => (await t.database.pool.query(`select user_id from notifications where kind = 'matching.cohort_program_changed' and url = $1`, [`/programs/${programId}`])).rows;
    expect(await told()).toEqual([]);
    expect((await t.client(facilitator).get(`/api/matching/programs/${programId}`)).json().startsAt).toBe(before);

    // Moving the first meeting tells the person who applied.
    await page.keyboard.press('Enter');
    await page.getByLabel('First meeting (optional)').fill(localInput(27));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByRole('status').getByText('Changes saved.'), 'the saved note again');
    expect((await t.client(facilitator).get(`/api/matching/programs/${programId}`)).json().startsAt).not.toBe(before);
    expect(await told()).toEqual([{ user_id: member.id }]);

    // After assignment the form explains that only the wording can change, and has no date or group fields.
    expect((await t.client(facilitator).post(`/api/matching/programs/${programId}/assignment`)).statusCode).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Edit program' }).click();
    await expectVisible(page.getByText('Only the wording can change now'), 'why only the wording can change');
    expect(await page.getByLabel('First meeting (optional)').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Description (optional)' }).fill('Thank you for joining. See you on Tuesday.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByText('Thank you for joining. See you on Tuesday.'), 'the new description');
    await expectAccessible(page, 'program page after a wording edit');
    expect(errors).toEqual([]);
  });
});
