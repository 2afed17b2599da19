import { describe, expect, it } from 'vitest';
import { sendMessage } from '../server/src/test/factories/chat.ts';
import { signedInContext, watchErrors } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectHidden, expectVisible, openPage, uniqueText } from './support/ui.ts';
import { createGroupWithMembers, messagesWithText, sendFromComposer } from './support/world.ts';

const { app, browser } = useBrowserApp();

/** Keeps a handle on every websocket the page opens, so the test can drop the live connection like a flaky network. */
const TRACK_SOCKETS = `(() => {
  const Native = window.WebSocket;
  const sockets = [];
  class Tracked extends Native {
    constructor(...args) { super(...args); sockets.push(this); }
  }
  window.WebSocket = Tracked;
  window.__e2eDropSockets = () => { for (const s of sockets) if (s.readyState <= 1) s.close(4000, 'e2e: network dropped'); };
})();`;

/**
 * Like TRACK_SOCKETS, and while held every new websocket goes to a closed port: the page's live connection is down (its
 * node died) while HTTP still works, until released.
 */
const HOLD_SOCKETS = `(() => {
  const Native = window.WebSocket;
  const sockets = [];
  let held = false;
  class Held extends Native {
    constructor(url, protocols) { super(held ? 'ws://127.0.0.1:9/held' : url, protocols); sockets.push(this); }
  }
  window.WebSocket = Held;
  window.__e2eHoldSockets = () => { held = true; for (const s of sockets) if (s.readyState <= 1) s.close(4000, 'e2e: node gone'); };
  window.__e2eReleaseSockets = () => { held = false; };
})();`;

async function openRoom(user: Parameters<typeof signedInContext>[2], path: string) {
  const context = await signedInContext(browser, app.baseUrl, user, { timezoneId: 'Europe/London' });
  await context.addInitScript({ content: TRACK_SOCKETS });
  const page = await openPage(context);
  const errors = watchErrors(page);
  await page.goto(`${app.baseUrl}${path}`);
  return { context, page, errors };
}

/** The number of stored messages in the room with exactly this body (read through the API as `user`). */
async function storedCount(user: Parameters<typeof signedInContext>[2], roomId: string, body: string) {
  const res = await app.server.client(user).get(`/api/rooms/${roomId}/messages?limit=100`);
  expect(res.statusCode).toBe(200);
  return (res.json().messages as Array<{ body: string }>).filter((m) => m.body === body).length;
}

describe('reconnecting to a live room', () => {
  it('shows the messages missed while offline exactly once, keeps the draft, and sends what was written offline once', async () => {
    const t = app.server;
    const robin = await t.createUser('member', { displayName: 'Robin' });
    const sam = await t.createUser('member', { displayName: 'Sam' });
    const { group } = await createGroupWithMembers(t, [robin, sam]);
    const roomId = (await t.client(robin).get(`/api/groups/${group.id}/room`)).json().roomId as string;

    // Earlier conversation: two messages from history, one that Sam receives live.
    const earlier = [uniqueText('Earlier: thanks for last week'), uniqueText('Earlier: see you Tuesday')];
    for (const body of earlier) await sendMessage(t, robin, roomId, body);

    const a = await openRoom(robin, `/groups/${group.id}/chat`);
    const b = await openRoom(sam, `/groups/${group.id}/chat`);
    for (const body of earlier) await expectVisible(messagesWithText(b.page, body), `the earlier message "${body}"`);
    await expectVisible(b.page.getByRole('group', { name: 'Who is here' }).getByText('Robin', { exact: true }), 'Robin in the room');
    await expectVisible(a.page.getByRole('group', { name: 'Who is here' }).getByText('Sam', { exact: true }), 'Sam in the room');
    const liveBefore = uniqueText('Live before the drop');
    await sendFromComposer(a.page, liveBefore);
    await expectVisible(messagesWithText(b.page, liveBefore), 'the live message before the drop');

    // Sam's network drops: the page says it is reconnecting.
    await b.context.setOffline(true);
    await b.page.evaluate(() => (window as unknown as { __e2eDropSockets: () => void }).__e2eDropSockets());
    await expectVisible(b.page.getByText('Reconnecting…', { exact: false }), 'the reconnecting notice');

    // While offline Sam sends one message (it cannot reach the server) and starts another draft.
    const writtenOffline = uniqueText('Written while offline: I am still here');
    await sendFromComposer(b.page, writtenOffline);
    const pendingItem = messagesWithText(b.page, writtenOffline);
    await expectVisible(pendingItem.getByText('not sent yet'), 'the offline message marked as not sent yet');
    await expectVisible(pendingItem.getByRole('button', { name: 'Send again' }), 'a way to send the offline message again');
    const draft = uniqueText('A draft I have not sent');
    const composerB = b.page.getByRole('textbox', { name: 'Message', exact: true });
    await composerB.fill(draft);

    // Robin sends three messages while Sam is away.
    const missed = [uniqueText('Missed one'), uniqueText('Missed two'), uniqueText('Missed three')];
    for (const body of missed) {
      await sendFromComposer(a.page, body);
      await expectVisible(messagesWithText(a.page, body), `Robin's own message "${body}"`);
    }
    expect(await messagesWithText(b.page, missed[0]!).count()).toBe(0);

    // Sam comes back.
    await b.context.setOffline(false);
    await expectHidden(b.page.getByText('Reconnecting…', { exact: false }), 'the reconnecting notice', 15_000);
    for (const body of missed) await expectVisible(messagesWithText(b.page, body), `the missed message "${body}"`);

    // The offline message is sent once and reaches Robin; Sam's pending copy becomes the real message.
    await expectVisible(messagesWithText(a.page, writtenOffline), 'Sam’s offline message on Robin’s screen', 15_000);
    await expectHidden(b.page.getByText('not sent yet'), 'the not-sent marker', 15_000);
    await expect.poll(() => storedCount(sam, roomId, writtenOffline)).toBe(1);

    // Exactly once each, on Sam's screen: missed, earlier, live and the offline message.
    for (const body of [...missed, ...earlier, liveBefore, writtenOffline]) {
      await expect.poll(() => messagesWithText(b.page, body).count(), { message: `"${body}" should be shown once to Sam` }).toBe(1);
    }
    await expect.poll(() => messagesWithText(a.page, writtenOffline).count()).toBe(1);
    // And in order: the missed messages follow the live one, in the order they were sent.
    const bodies = await b.page.getByRole('list', { name: 'Conversation' }).locator('.message-body').allInnerTexts();
    const order = [...earlier, liveBefore, ...missed].map((body) => bodies.indexOf(body));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(order.every((i) => i >= 0)).toBe(true);

    // The unsent draft is still in the composer, and survives a reload; the reloaded history has no duplicates.
    expect(await composerB.inputValue()).toBe(draft);
    await b.page.reload();
    await expectVisible(messagesWithText(b.page, missed[2]!), 'the history after a reload');
    expect(await b.page.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toBe(draft);
    for (const body of [...missed, ...earlier, liveBefore, writtenOffline]) expect(await messagesWithText(b.page, body).count()).toBe(1);
    expect(await b.page.getByText('not sent yet').count()).toBe(0);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('shows the last message sent while its socket was down once, even when my own newer message was acknowledged first', async () => {
    const t = app.server;
    const robin = await t.createUser('member', { displayName: 'Robin' });
    const sam = await t.createUser('member', { displayName: 'Sam' });
    const { group } = await createGroupWithMembers(t, [robin, sam]);
    const roomId = (await t.client(robin).get(`/api/groups/${group.id}/room`)).json().roomId as string;
    const opening = uniqueText('Opening line');
    await sendMessage(t, robin, roomId, opening);

    // Sam's page whose live connection can be held down (its node died and no other has taken the socket yet).
    const context = await signedInContext(browser, app.baseUrl, sam, { timezoneId: 'Europe/London' });
    await context.addInitScript({ content: HOLD_SOCKETS });
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/groups/${group.id}/chat`);
    await expectVisible(messagesWithText(page, opening), 'the opening message');
    await expect.poll(() => t.hub.presenceOf(`room:${roomId}`).some((p) => p.userId === sam.id), { message: 'Sam connected to the room' }).toBe(true);

    await page.evaluate(() => (window as unknown as { __e2eHoldSockets: () => void }).__e2eHoldSockets());
    await expectVisible(page.getByText('Reconnecting…', { exact: false }), 'the reconnecting notice');
    // Robin's message is the last one before the drop that Sam's socket never carried; nothing after it reveals the gap…
    const inFlight = uniqueText('Robin, just before the drop');
    await sendMessage(t, robin, roomId, inFlight);
    // … except Sam's own message, acknowledged over HTTP with a newer seq while the socket is still down.
    const mine = uniqueText('Sam, answered over HTTP');
    await sendFromComposer(page, mine);
    await expectHidden(messagesWithText(page, mine).getByText('not sent yet'), 'the not-sent marker on Sam’s message');
    expect(await messagesWithText(page, inFlight).count()).toBe(0);

    // The socket comes back (on another node, in production): Robin's message arrives, once, before Sam's.
    await page.evaluate(() => {
      (window as unknown as { __e2eReleaseSockets: () => void }).__e2eReleaseSockets();
      window.dispatchEvent(new Event('online'));
    });
    await expectHidden(page.getByText('Reconnecting…', { exact: false }), 'the reconnecting notice', 15_000);
    await expectVisible(messagesWithText(page, inFlight), 'Robin’s message from just before the drop', 15_000);
    for (const body of [opening, inFlight, mine]) {
      await expect.poll(() => messagesWithText(page, body).count(), { message: `"${body}" should be shown once to Sam` }).toBe(1);
    }
    const bodies = await page.getByRole('list', { name: 'Conversation' }).locator('.message-body').allInnerTexts();
    const order = [opening, inFlight, mine].map((body) => bodies.indexOf(body));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(errors).toEqual([]);
  });
});
