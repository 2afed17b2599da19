import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { URGENT_TEXT } from '../server/src/test/factories/safety.ts';
import type { TestUser } from '../server/src/test/server.ts';
import { expectAccessible } from './support/browser.ts';
import { signedInContext, watchErrors } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectHidden, expectVisible, openPage, uniqueText } from './support/ui.ts';
import { createGroupWithOnCallModerator, messagesWithText, sendFromComposer } from './support/world.ts';

const { app, browser, openAs } = useBrowserApp();

/**
 * Records every chat `send` the page writes on its websockets, and on request closes the socket right after the next
 * one has gone out (the connection dies mid-send: the server may or may not have stored it, and cannot answer).
 */
const WATCH_SOCKET_SENDS = `(() => {
  const Native = window.WebSocket;
  const sends = [];
  let dropAfterNextSend = false;
  let joins = 0;
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => { try { const ev = JSON.parse(String(e.data)); if (ev.type === 'subscribed' && String(ev.room).startsWith('room:')) joins++; } catch {} });
    }
    send(data) {
      let event = null;
      try { event = JSON.parse(String(data)); } catch {}
      super.send(data);
      if (event && event.type === 'send') {
        sends.push({ clientId: event.clientId, body: event.body });
        if (dropAfterNextSend) { dropAfterNextSend = false; this.close(4000, 'e2e: connection dropped mid-send'); }
      }
    }
  }
  window.WebSocket = Watched;
  window.__e2eSocketSends = () => sends;
  window.__e2eDropAfterNextSend = () => { dropAfterNextSend = true; };
  window.__e2eJoins = () => joins;
})();`;

type SocketSend = { clientId: string; body: string };
const joinsOf = (page: Page) => page.evaluate(() => (window as unknown as { __e2eJoins: () => number }).__e2eJoins());
const socketSends = (page: Page) => page.evaluate(() => (window as unknown as { __e2eSocketSends: () => SocketSend[] }).__e2eSocketSends());

async function openWatchedRoom(user: TestUser, path: string) {
  const context = await signedInContext(browser, app.baseUrl, user, { timezoneId: 'Europe/London' });
  await context.addInitScript({ content: WATCH_SOCKET_SENDS });
  const page = await openPage(context);
  const errors = watchErrors(page);
  // Every chat message the page sends over HTTP, with its clientId.
  const posts: SocketSend[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/rooms\/[^/]+\/messages$/.test(request.url())) posts.push(request.postDataJSON() as SocketSend);
  });
  await page.goto(`${app.baseUrl}${path}`);
  return { page, errors, posts };
}

/** The stored messages in the room with exactly this body (read through the API as `user`). */
async function stored(user: TestUser, roomId: string, body: string) {
  const res = await app.server.client(user).get(`/api/rooms/${roomId}/messages?limit=100`);
  expect(res.statusCode).toBe(200);
  return (res.json().messages as Array<{ body: string; clientId: string | null }>).filter((m) => m.body === body);
}

describe('sending chat messages over the live connection', () => {
  it('sends over the socket, falls back to HTTP once with the same clientId when the socket dies mid-send, and shows the support card for a message sent over the socket', async () => {
    const t = app.server;
    const { robin, sam, group } = await createGroupWithOnCallModerator(t);
    const roomId = (await t.client(robin).get(`/api/groups/${group.id}/room`)).json().roomId as string;

    const author = await openWatchedRoom(robin, `/groups/${group.id}/chat`);
    const peer = await openAs(sam, `/groups/${group.id}/chat`);
    await expectVisible(author.page.getByRole('group', { name: 'Who is here' }).getByText('Sam', { exact: true }), 'Sam in Robin’s room');
    await expect.poll(() => joinsOf(author.page)).toBe(1);

    // 1. Over the socket: Sam sees it, and no HTTP request carried it.
    const first = uniqueText('Sent over the live connection');
    await sendFromComposer(author.page, first);
    await expectVisible(messagesWithText(peer.page, first), 'the first message on Sam’s screen');
    await expectHidden(author.page.getByText('not sent yet'), 'a not-sent marker');
    expect((await socketSends(author.page)).map((s) => s.body)).toEqual([first]);
    expect(author.posts).toEqual([]);

    // 2. The connection dies right after the message went out: it goes over HTTP once, with the same clientId,
    // and is stored and shown once.
    await author.page.evaluate(() => (window as unknown as { __e2eDropAfterNextSend: () => void }).__e2eDropAfterNextSend());
    const second = uniqueText('Sent as the connection dropped');
    await sendFromComposer(author.page, second);
    await expectVisible(messagesWithText(peer.page, second), 'the second message on Sam’s screen', 15_000);
    await expect.poll(() => author.posts.length, { message: 'one HTTP send after the drop' }).toBe(1);
    const overSocket = (await socketSends(author.page)).find((s) => s.body === second);
    expect(overSocket, 'the second message was first written on the socket').toBeDefined();
    expect(author.posts[0]).toEqual({ clientId: overSocket!.clientId, body: second });
    await expect.poll(async () => (await stored(robin, roomId, second)).length).toBe(1);
    expect((await stored(robin, roomId, second))[0]!.clientId).toBe(overSocket!.clientId);
    await expectHidden(author.page.getByText('not sent yet'), 'a not-sent marker', 15_000);
    await expect.poll(() => messagesWithText(author.page, second).count()).toBe(1);
    await expect.poll(() => messagesWithText(peer.page, second).count()).toBe(1);

    // 3. Back on a live connection, a message that sounds like a crisis goes over the socket and the support card
    // appears for Robin as it does with HTTP; Sam sees the message and no card.
    await expectHidden(author.page.getByText('Reconnecting…', { exact: false }), 'the reconnecting notice', 15_000);
    // The room was joined again on the new connection (the server said `subscribed` a second time).
    await expect.poll(() => joinsOf(author.page), { timeout: 15_000 }).toBe(2);
    await sendFromComposer(author.page, URGENT_TEXT);
    await expectVisible(messagesWithText(peer.page, URGENT_TEXT), 'Robin’s message on Sam’s screen');
    const card = author.page.getByRole('region', { name: 'Support is here for you' });
    await expectVisible(card, 'the support card on Robin’s screen');
    await expectVisible(card.getByRole('button', { name: 'Talk to someone now' }), 'the talk-now button');
    expect((await socketSends(author.page)).map((s) => s.body)).toContain(URGENT_TEXT);
    expect(author.posts.map((p) => p.body)).not.toContain(URGENT_TEXT);
    expect(await peer.page.getByRole('region', { name: 'Support is here for you' }).count()).toBe(0);
    await expectAccessible(author.page, 'the room with the support card');
    expect([...author.errors, ...peer.errors]).toEqual([]);
  }, 120_000);
});
