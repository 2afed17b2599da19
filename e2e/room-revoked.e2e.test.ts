import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, uniqueText } from './support/ui.ts';
import { createGroupWithMembers, messagesWithText, sendFromComposer } from './support/world.ts';

const { app, openAs } = useBrowserApp();

describe('a member whose access ends while the room is open', () => {
  it('sees a calm notice at once, keeps the unsent draft on screen, cannot send it, and still has “Get help now”', async () => {
    const t = app.server;
    const robin = await t.createUser('member', { displayName: 'Robin' });
    const sam = await t.createUser('member', { displayName: 'Sam' });
    const { group } = await createGroupWithMembers(t, [robin, sam]);

    const samView = await openAs(sam, `/groups/${group.id}/chat`);
    const robinView = await openAs(robin, `/groups/${group.id}/chat`);
    await expectVisible(samView.page.getByRole('group', { name: 'Who is here' }).getByText('Robin', { exact: true }), 'Robin in Sam’s room');

    // Sam hears the room live, then starts a message and does not send it.
    const before = uniqueText('Before Sam left');
    await sendFromComposer(robinView.page, before);
    await expectVisible(messagesWithText(samView.page, before), 'the first message on Sam’s screen');
    const draft = uniqueText('A thought I had not sent yet');
    const box = samView.page.getByRole('textbox', { name: 'Message', exact: true });
    await box.fill(draft);

    // Sam's membership ends (here: leaving from another device) while the room is open on this one.
    const left = await t.client(sam).post(`/api/groups/${group.id}/leave`);
    expect(left.statusCode).toBe(200);

    const notice = samView.page.getByTestId('room-revoked');
    await expectVisible(notice, 'the revoked notice');
    await expect.poll(() => notice.textContent()).toContain('This room has ended for you');
    expect(await box.inputValue()).toBe(draft);
    expect(await box.isDisabled()).toBe(true);
    expect(await samView.page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await expectVisible(samView.page.getByRole('button', { name: 'Get help now' }).first(), 'the Get help now button');

    // A message sent after the change never reaches Sam's screen; Robin still has it.
    const after = uniqueText('After Sam left');
    await sendFromComposer(robinView.page, after);
    await expectVisible(messagesWithText(robinView.page, after), 'Robin’s own message');
    await expect.poll(() => messagesWithText(samView.page, after).count()).toBe(0);

    await expectAccessible(samView.page, 'a room whose live access ended');
    expect(samView.errors).toEqual([]);
  });
});
