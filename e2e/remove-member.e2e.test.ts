import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectHidden, expectVisible, uniqueText } from './support/ui.ts';
import { createGroupWithMembers, messagesWithText, sendFromComposer } from './support/world.ts';

const { app, openAs } = useBrowserApp();

describe('a facilitator removes someone from the group', () => {
  it('asks first, removes with the keyboard alone, and the removed person’s open room ends at once', async () => {
    const t = app.server;
    const robin = await t.createUser('member', { displayName: 'Robin' });
    const sam = await t.createUser('member', { displayName: 'Sam' });
    const { group, facilitator } = await createGroupWithMembers(t, [robin, sam]);

    const samView = await openAs(sam, `/groups/${group.id}/chat`);
    const robinView = await openAs(robin, `/groups/${group.id}/chat`);
    await expectVisible(samView.page.getByRole('group', { name: 'Who is here' }).getByText('Robin', { exact: true }), 'Robin in Sam’s room');

    const { page, errors } = await openAs(facilitator, `/groups/${group.id}`);
    await page.getByRole('button', { name: 'Show members' }).click();
    // Members see no remove buttons about themselves; the facilitator sees one per member.
    const removeSam = page.getByRole('button', { name: 'Remove from group: Sam' });
    await expectVisible(removeSam, 'the remove button for Sam');
    await expectVisible(page.getByRole('button', { name: 'Remove from group: Robin' }), 'the remove button for Robin');

    // Keyboard only: focus the button, open the dialog with Enter, cancel with Escape, focus comes back.
    await removeSam.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove Sam from the group?' });
    await expectVisible(dialog, 'the confirmation dialog');
    await expect.poll(() => dialog.textContent()).toContain('This group is open, so they could join again later.');
    await expectAccessible(page, 'the remove-member confirmation');
    await page.keyboard.press('Escape');
    await expectHidden(dialog, 'the dialog after Escape');
    await expect.poll(() => removeSam.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await t.client(sam).get(`/api/groups/${group.id}/members`)).statusCode).toBe(200);

    await removeSam.focus();
    await page.keyboard.press('Enter');
    await expectVisible(dialog, 'the confirmation dialog again');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expectHidden(dialog, 'the dialog after removing');
    await expectVisible(page.getByRole('status').getByText('Sam is no longer a member of the group.'), 'the confirmation message');
    await expectHidden(removeSam, 'Sam in the member list');
    // The button that opened the dialog is gone: focus waits on the member list's heading, not at the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('members-title');

    // Sam's open room ends at once, and a message sent now never reaches Sam.
    const notice = samView.page.getByTestId('room-revoked');
    await expectVisible(notice, 'the revoked notice on Sam’s screen');
    const after = uniqueText('After Sam was removed');
    await sendFromComposer(robinView.page, after);
    await expectVisible(messagesWithText(robinView.page, after), 'Robin’s own message');
    await expect.poll(() => messagesWithText(samView.page, after).count()).toBe(0);

    await expectAccessible(page, 'the member list after a removal');
    expect(errors).toEqual([]);
  });
});
