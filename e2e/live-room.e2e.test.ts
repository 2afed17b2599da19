import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInContext, watchErrors, type TestUser } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectHidden, expectVisible, openPage, uniqueText } from './support/ui.ts';
import { createGroupWithMembers, createSessionStartingSoon, messagesWithText, sendFromComposer } from './support/world.ts';

const { app, browser } = useBrowserApp();

/** Two people, each in their own browser context (separate cookies, storage and sockets), on the same page. */
async function openSideBySide(a: TestUser, b: TestUser, path: string) {
  const pages: Page[] = [];
  const errors: string[][] = [];
  for (const user of [a, b]) {
    const context = await signedInContext(browser, app.baseUrl, user, { timezoneId: 'Europe/London' });
    const page = await openPage(context);
    errors.push(watchErrors(page));
    await page.goto(`${app.baseUrl}${path}`);
    pages.push(page);
  }
  return { pageA: pages[0]!, pageB: pages[1]!, errors };
}

/** Both people are subscribed to the room once each sees the other in "Who is here". */
async function waitUntilBothHere(pageA: Page, pageB: Page, nameA: string, nameB: string) {
  await expectVisible(pageA.getByRole('group', { name: 'Who is here' }).getByText(nameB, { exact: true }), `${nameB} in ${nameA}'s presence list`);
  await expectVisible(pageB.getByRole('group', { name: 'Who is here' }).getByText(nameA, { exact: true }), `${nameA} in ${nameB}'s presence list`);
}

describe('a live room with two people', () => {
  it('delivers messages both ways in the group chat while both are in the room, and shows who is typing', async () => {
    const t = app.server;
    const robin = await t.createUser('member', { displayName: 'Robin' });
    const sam = await t.createUser('member', { displayName: 'Sam' });
    const { group } = await createGroupWithMembers(t, [robin, sam]);
    const { pageA, pageB, errors } = await openSideBySide(robin, sam, `/groups/${group.id}/chat`);
    await expectVisible(pageA.getByRole('heading', { level: 1, name: `${group.name}: group chat` }), 'the group chat heading');
    await waitUntilBothHere(pageA, pageB, 'Robin', 'Sam');

    // Robin starts typing: Sam sees it.
    const hello = uniqueText('Hello everyone, it has been a long week');
    const composerA = pageA.getByRole('textbox', { name: 'Message', exact: true });
    await composerA.pressSequentially(hello.slice(0, 5));
    await expectVisible(pageB.getByText('Robin is typing…'), 'the typing indicator for Robin');

    // Robin sends: Sam sees the message live, and the typing indicator goes away.
    await composerA.fill(hello);
    await pageA.getByRole('button', { name: 'Send' }).click();
    await expectVisible(messagesWithText(pageB, hello), 'Robin’s message on Sam’s screen');
    await expectHidden(pageB.getByText('Robin is typing…'), 'the typing indicator');
    await expectVisible(messagesWithText(pageB, hello).getByText('Robin', { exact: true }), 'Robin named as the author');
    await expect.poll(() => composerA.inputValue()).toBe('');

    // Sam replies: Robin sees it live.
    const reply = uniqueText('Welcome Robin, glad you are here');
    await sendFromComposer(pageB, reply);
    await expectVisible(messagesWithText(pageA, reply), 'Sam’s reply on Robin’s screen');
    await expectVisible(messagesWithText(pageA, reply).getByText('Sam', { exact: true }), 'Sam named as the author');

    // Each message appears exactly once on both screens (no echo duplicates of one's own message).
    for (const page of [pageA, pageB]) {
      await expect.poll(() => messagesWithText(page, hello).count()).toBe(1);
      await expect.poll(() => messagesWithText(page, reply).count()).toBe(1);
    }
    expect(errors.flat()).toEqual([]);
  });

  it('lets two members talk in a session live room that is open now', async () => {
    const t = app.server;
    const kai = await t.createUser('member', { displayName: 'Kai' });
    const lee = await t.createUser('member', { displayName: 'Lee' });
    const { group, facilitator } = await createGroupWithMembers(t, [kai, lee]);
    const session = await createSessionStartingSoon(t, group.id, facilitator);

    const { pageA, pageB, errors } = await openSideBySide(kai, lee, `/sessions/${session.id}/room`);
    await expectVisible(pageA.getByRole('heading', { level: 1, name: /live room$/ }), 'the live room heading');
    await waitUntilBothHere(pageA, pageB, 'Kai', 'Lee');

    const first = uniqueText('Checking in: feeling a bit better today');
    await sendFromComposer(pageA, first);
    await expectVisible(messagesWithText(pageB, first), 'Kai’s message on Lee’s screen');

    const second = uniqueText('That is good to hear, Kai');
    await sendFromComposer(pageB, second);
    await expectVisible(messagesWithText(pageA, second), 'Lee’s reply on Kai’s screen');
    await expect.poll(() => messagesWithText(pageA, first).count()).toBe(1);
    await expect.poll(() => messagesWithText(pageB, second).count()).toBe(1);
    expect(errors.flat()).toEqual([]);
  });
});
