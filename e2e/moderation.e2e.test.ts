import { describe, expect, it } from 'vitest';
import { sendMessage } from '../server/src/test/factories/chat.ts';
import { flag, setModerationSettings, setTrust } from '../server/src/test/factories/moderation.ts';
import { scanAccessibility } from './support/browser.ts';
import { signedInContext, watchErrors } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectHidden, expectVisible, openPage, uniqueText } from './support/ui.ts';
import { createGroupWithMembers, createSessionStartingSoon, messagesWithText, sendFromComposer } from './support/world.ts';

const { app, browser } = useBrowserApp();

describe('moderation in the browser', () => {
  it('lets a moderator hide a flagged message from the live queue with a keyboard shortcut, and the page passes axe', async () => {
    const t = app.server;
    const author = await t.createUser('member', { displayName: 'Quinn' });
    const [reporterA, reporterB] = [await t.createUser('member', { displayName: 'Ari' }), await t.createUser('member', { displayName: 'Bo' })];
    await setTrust(t, reporterA, 'member');
    await setTrust(t, reporterB, 'member');
    const moderator = await t.createUser('moderator', { displayName: 'Mo' });
    const { group } = await createGroupWithMembers(t, [author, reporterA, reporterB]);
    const roomId = (await t.client(author).get(`/api/groups/${group.id}/room`)).json().roomId as string;
    const words = uniqueText('Nobody in this group wants you around');
    const message = await sendMessage(t, author, roomId, words);

    const context = await signedInContext(browser, app.baseUrl, moderator, { viewport: { width: 1280, height: 900 } });
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/moderation`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Moderation' }), 'the moderation heading');
    await expectVisible(page.getByText('Nothing is waiting.', { exact: false }), 'the empty queue');

    // Two members flag it: it is hidden at once and appears in the open queue without a reload.
    await flag(t, reporterA, 'chat_message', message.id);
    await flag(t, reporterB, 'chat_message', message.id);
    const review = page.getByRole('region', { name: /Review: Chat message/ });
    await expectVisible(review, 'the review panel for the flagged message');
    await expectVisible(review.getByText(words), 'the flagged words in context');
    await expectVisible(page.getByText('H: hide'), 'the documented shortcut');
    expect(await scanAccessibility(page)).toEqual([]);

    await page.keyboard.press('h');
    await expectVisible(page.getByText('Nothing is waiting.', { exact: false }), 'the queue emptied after the decision');
    const log = (await t.client(moderator).get('/api/moderation/log')).json().entries;
    expect(log[0]).toMatchObject({ action: 'hide', moderator: { id: moderator.id }, reason: 'Breaks the community guidelines' });
    const outcome = (await t.client(reporterA).get('/api/moderation/notices')).json().notices[0];
    expect(outcome).toMatchObject({ kind: 'flag_outcome', params: { outcome: 'upheld' } });
    expect(errors).toEqual([]);
  });

  it('warns the author in the composer before they send a phone number', async () => {
    const t = app.server;
    const member = await t.createUser('member', { displayName: 'Rowan' });
    const { group } = await createGroupWithMembers(t, [member]);
    const context = await signedInContext(browser, app.baseUrl, member);
    const page = await openPage(context);
    await page.goto(`${app.baseUrl}/groups/${group.id}/chat`);
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('You can call me on 555 867 5309 any time');
    const warning = page.getByTestId('precheck-warning');
    await expectVisible(warning, 'the personal-information warning');
    await expectVisible(warning.getByText(/looks like a phone number/), 'the phone number explanation');
    expect(await scanAccessibility(page)).toEqual([]);
  });

  it('counts today\u2019s visit once the signed-in app opens, once a day', async () => {
    const t = app.server;
    const member = await t.createUser('member');
    const context = await signedInContext(browser, app.baseUrl, member);
    const page = await openPage(context);
    await page.goto(`${app.baseUrl}/groups`);
    await expect.poll(async () => (await t.client(member).get('/api/moderation/me')).json().progress.daysVisited, { timeout: 5000 }).toBe(1);
    await page.reload();
    await expectVisible(page.getByRole('heading', { level: 1 }), 'the page after a reload');
    expect((await t.client(member).get('/api/moderation/me')).json().progress.daysVisited).toBe(1);
  });

  it('lets a member block someone with a kind confirmation: their messages fold away, and the profile lists them with undo', async () => {
    const t = app.server;
    const [me, them] = [await t.createUser('member', { displayName: 'Sam' }), await t.createUser('member', { displayName: 'Bo' })];
    const { group } = await createGroupWithMembers(t, [me, them]);
    const roomId = (await t.client(them).get(`/api/groups/${group.id}/room`)).json().roomId as string;
    const words = uniqueText('You always say the wrong thing');
    await sendMessage(t, them, roomId, words);

    const context = await signedInContext(browser, app.baseUrl, me);
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/groups/${group.id}/chat`);
    const message = messagesWithText(page, words);
    await expectVisible(message, 'their message');
    await message.getByRole('button', { name: 'More actions for Bo' }).click();
    await page.getByRole('menuitem', { name: 'Block Bo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Block Bo?' });
    await expectVisible(dialog.getByText('They will not be told.', { exact: false }), 'the kind confirmation');
    expect(await scanAccessibility(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();

    const folded = page.getByText('A message from someone you blocked is folded away.');
    await expectVisible(folded, 'the folded message');
    await expectHidden(page.getByText(words), 'their words while folded');
    await page.getByRole('button', { name: 'Show it' }).click();
    await expectVisible(page.getByText(words), 'their words once shown');
    expect(await scanAccessibility(page)).toEqual([]);

    await page.goto(`${app.baseUrl}/profile`);
    const section = page.getByRole('region', { name: 'Blocked and muted people' });
    await expectVisible(section.getByText('Bo'), 'Bo in my blocked list');
    expect(await scanAccessibility(page)).toEqual([]);
    await section.getByRole('button', { name: 'Unblock Bo' }).click();
    await expectVisible(section.getByText('You have not blocked or muted anyone.'), 'the emptied list');
    expect((await t.client(me).get('/api/moderation/blocks')).json().blocks).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('tells the sender in the composer that a message is held, and links the author\u2019s notice back to the chat', async () => {
    const t = app.server;
    const author = await t.createUser('member', { displayName: 'Ira' });
    const moderator = await setModerationSettings(t, {});
    const pattern = `wonderpill${Date.now() % 100000}`;
    expect((await t.client(moderator).post('/api/moderation/watched-words', { pattern, action: 'require_approval' })).statusCode).toBe(201);
    const { group } = await createGroupWithMembers(t, [author]);
    const context = await signedInContext(browser, app.baseUrl, author);
    const page = await openPage(context);
    await page.goto(`${app.baseUrl}/groups/${group.id}/chat`);
    await sendFromComposer(page, `Has anyone tried ${pattern} for sleep?`);
    const notice = page.getByTestId('send-notice');
    await expectVisible(notice.getByText('A moderator will have a quick look before others see it.', { exact: false }), 'the held notice');
    expect(await scanAccessibility(page)).toEqual([]);

    const held = (await t.client(moderator).get('/api/moderation/queue')).json().items.find((i: { author: { id: string } | null }) => i.author?.id === author.id);
    await t.client(moderator).post(`/api/moderation/items/${held.id}/actions`, { action: 'hide', reason: 'Please do not recommend products' });
    await page.goto(`${app.baseUrl}/moderation/notices`);
    // Hidden words can be edited where they were posted: the notice links back to that chat.
    const link = page.getByRole('link', { name: 'Edit it' });
    await expectVisible(link, 'the link back to the chat');
    expect(await link.getAttribute('href')).toBe(`/groups/${group.id}/chat`);
    expect(await scanAccessibility(page)).toEqual([]);

    // My decisions: appeal once.
    await page.goto(`${app.baseUrl}/moderation/decisions`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Moderation decisions about me' }), 'my decisions');
    expect(await scanAccessibility(page)).toEqual([]);
    await page.getByRole('button', { name: 'Appeal this decision' }).click();
    await page.getByRole('textbox', { name: /Why should a different moderator/ }).fill('I was asking a question, not recommending it.');
    await page.getByRole('button', { name: 'Send appeal' }).click();
    await expectVisible(page.getByText('Appeal sent: a different moderator will decide.'), 'the appeal status');
    await expectHidden(page.getByRole('button', { name: 'Appeal this decision' }), 'the appeal button after appealing');
  });

  it('gives moderators settings, watched words and an appeals queue decided by a different moderator; members see the group\u2019s public modlog', async () => {
    const t = app.server;
    const [first, second] = [await t.createUser('moderator', { displayName: 'Mod One' }), await t.createUser('moderator', { displayName: 'Mod Two' })];
    const [author, reporter] = [await t.createUser('member', { displayName: 'Kit' }), await t.createUser('member')];
    const { group } = await createGroupWithMembers(t, [author, reporter]);
    const roomId = (await t.client(author).get(`/api/groups/${group.id}/room`)).json().roomId as string;
    const message = await sendMessage(t, author, roomId, uniqueText('Just stop taking your meds, they do nothing'));
    await flag(t, reporter, 'chat_message', message.id, 'unsafe_advice');
    const itemId = (await t.client(first).get('/api/moderation/queue')).json().items.find((i: { targetId: string }) => i.targetId === message.id).id;
    const action = (await t.client(first).post(`/api/moderation/items/${itemId}/actions`, { action: 'hide', reason: 'Advice about medication' })).json();
    await t.client(author).post(`/api/moderation/actions/${action.actionId}/appeal`, { statement: 'I meant that they did nothing for me.' });

    const context = await signedInContext(browser, app.baseUrl, first, { viewport: { width: 1280, height: 900 } });
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/moderation/settings`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Moderation settings' }), 'the settings page');
    await page.getByRole('radio', { name: 'Hold the message for a moderator' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectVisible(page.getByText('Settings saved.'), 'the saved confirmation');
    expect((await t.client(first).get('/api/moderation/settings')).json().piiAction).toBe('hold');
    const word = `casino${Date.now() % 100000}`;
    await page.getByRole('textbox', { name: 'Word or phrase' }).fill(word);
    await page.getByRole('button', { name: 'Watch this word' }).click();
    await expectVisible(page.getByRole('button', { name: `Remove \u201c${word}\u201d` }), 'the new watched word');
    expect(await scanAccessibility(page)).toEqual([]);
    await page.getByRole('button', { name: `Remove \u201c${word}\u201d` }).click();
    await expectHidden(page.getByText(word, { exact: true }), 'the removed word');
    await setModerationSettings(t, { piiAction: 'redact' });

    await page.goto(`${app.baseUrl}/moderation/appeals`);
    const mine = page.getByRole('article').filter({ hasText: 'Advice about medication' });
    await expectVisible(mine.getByText('You made the original decision, so another moderator will decide this one.'), 'the same-moderator rule');
    expect(await scanAccessibility(page)).toEqual([]);
    const other = await signedInContext(browser, app.baseUrl, second);
    const otherPage = await openPage(other);
    await otherPage.goto(`${app.baseUrl}/moderation/appeals`);
    const theirs = otherPage.getByRole('article').filter({ hasText: 'Advice about medication' });
    await theirs.getByRole('textbox', { name: /Your note to them/ }).fill('Sharing your own experience is fine.');
    await theirs.getByRole('button', { name: 'Grant: reverse the decision' }).click();
    await expectHidden(theirs, 'the decided appeal leaving the queue');

    const memberContext = await signedInContext(browser, app.baseUrl, reporter);
    const memberPage = await openPage(memberContext);
    await memberPage.goto(`${app.baseUrl}/groups/${group.id}`);
    await memberPage.getByRole('link', { name: 'How this group is moderated' }).click();
    await expectVisible(memberPage.getByRole('heading', { level: 1, name: 'How this group is moderated' }), 'the public modlog');
    await expectVisible(memberPage.getByText('An appeal was granted and a decision reversed').first(), 'the anonymised appeal entry');
    expect(await memberPage.getByText('Kit').count()).toBe(0);
    expect(await scanAccessibility(memberPage)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('gives the facilitator of a live session controls to remove a message, pause someone and end the session', async () => {
    const t = app.server;
    const member = await t.createUser('member', { displayName: 'Lee' });
    const { group, facilitator } = await createGroupWithMembers(t, [member]);
    const session = await createSessionStartingSoon(t, group.id, facilitator);
    const roomId = (await t.client(member).get(`/api/sessions/${session.id}/room`)).json().roomId as string;
    const words = uniqueText('This is all pointless, I am off topic again');
    await sendMessage(t, member, roomId, words);

    const context = await signedInContext(browser, app.baseUrl, facilitator, { viewport: { width: 1280, height: 900 } });
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/sessions/${session.id}/room`);
    const controls = page.getByRole('region', { name: 'Facilitator controls' });
    await expectVisible(controls.getByText('Nobody is paused.'), 'the facilitator controls');
    expect(await scanAccessibility(page)).toEqual([]);

    const message = messagesWithText(page, words);
    await message.getByRole('button', { name: 'More actions for Lee' }).click();
    await page.getByRole('menuitem', { name: 'Pause Lee for this session' }).click();
    await page.getByRole('dialog', { name: 'Pause Lee?' }).getByRole('button', { name: 'Pause for this session' }).click();
    await expectVisible(controls.getByRole('button', { name: 'Let Lee post again' }), 'Lee in the paused list');
    expect((await t.client(member).post(`/api/rooms/${roomId}/messages`, { clientId: 'paused-1', body: 'hello?' })).json().error.code).toBe('session_muted');

    await message.getByRole('button', { name: 'More actions for Lee' }).click();
    await page.getByRole('menuitem', { name: 'Remove this message' }).click();
    await page.getByRole('dialog', { name: 'Remove this message?' }).getByRole('button', { name: 'Remove message' }).click();
    await expect.poll(async () => (await t.client(facilitator).get(`/api/rooms/${roomId}/messages`)).json().messages.at(-1).hidden, { timeout: 5000 }).toBe(true);

    await controls.getByRole('button', { name: 'End the session now' }).click();
    await page.getByRole('dialog', { name: 'End the session for everyone?' }).getByRole('button', { name: 'End session' }).click();
    await expect.poll(async () => (await t.client(member).get(`/api/sessions/${session.id}/room`)).json().open, { timeout: 5000 }).toBe(false);
    expect(errors).toEqual([]);
  });
});
