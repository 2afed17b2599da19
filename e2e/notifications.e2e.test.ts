import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublicBoard } from '../server/src/test/factories/forums.ts';
import { expectAccessible } from './support/browser.ts';
import { signedInContext, watchErrors, type TestUser } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, openPage } from './support/ui.ts';

const { app, browser } = useBrowserApp();
let context: BrowserContext;
let author: TestUser;
let replier: TestUser;
let threadId: string;

beforeAll(async () => {
  const t = app.server;
  author = await t.createUser('member', { displayName: 'Robin', timezone: 'Europe/London' });
  replier = await t.createUser('member', { displayName: 'Sam' });
  const { board } = await createPublicBoard(t, 'Sleep and rest');
  const thread = await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Winding down at night', body: 'What helps you switch off in the evening?' });
  if (thread.statusCode !== 201) throw new Error(`thread setup failed: ${thread.body}`);
  threadId = thread.json().thread.id as string;
  context = await signedInContext(browser, app.baseUrl, author, { timezoneId: 'Europe/London' });
});

describe('notifications in the browser', () => {
  it('shows the unread count on the bell as soon as someone replies, then lists it on the notifications page', async () => {
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/forums`);
    const bell = page.getByRole('link', { name: /^Notifications/ });
    await expectVisible(bell, 'the notification bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');

    const reply = await app.server.client(replier).post(`/api/forums/threads/${threadId}/posts`, { body: 'A warm drink and a book, no screens.' });
    expect(reply.statusCode).toBe(201);
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 5_000 }).toBe('Notifications, 1 unread');
    expect(await page.getByTestId('notification-bell').innerText()).toBe('1');

    await bell.click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Notifications' }), 'the notifications page');
    const item = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await expectVisible(item.filter({ hasText: 'Someone replied to your post.' }), 'the reply notification');
    expect(await item.innerText()).not.toContain('A warm drink');
    await expectAccessible(page, 'the notifications page');

    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');

    await item.getByRole('link', { name: 'New reply' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Winding down at night' }), 'the thread the notification links to');
    expect(errors).toEqual([]);
  });

  it('has an accessible settings page', async () => {
    const page = await openPage(context);
    await page.goto(`${app.baseUrl}/notifications/settings`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Notification settings' }), 'the settings page');
    await expectVisible(page.getByRole('checkbox', { name: 'E-mail: Session reminders' }), 'the e-mail switch for reminders');
    expect(await page.getByRole('checkbox', { name: 'In the app: Safety alerts (on-call)' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'the notification settings page');
  });
});

describe('installable app', () => {
  it('serves a manifest and a service worker, and "Get help now" still opens offline', async () => {
    const manifest = await (await fetch(`${app.baseUrl}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: 'Hearth peer support', display: 'standalone', start_url: '/' });
    for (const icon of manifest.icons as Array<{ src: string }>) expect((await fetch(`${app.baseUrl}${icon.src}`)).headers.get('content-type')).toBe('image/png');

    const offline = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    try {
      const page = await openPage(offline);
      await page.goto(`${app.baseUrl}/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      });
      await offline.setOffline(true);
      await page.goto(`${app.baseUrl}/help`);
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Get help now' }), 'the help page while offline');
      await expectVisible(page.getByRole('heading', { name: 'Helplines in other countries' }), 'the crisis directories while offline');
      // Really offline: the API cannot be reached, yet the page above came from the service worker's cache.
      expect(await page.evaluate(() => fetch('/api/auth/session').then(() => 'online', () => 'offline'))).toBe('offline');
    } finally {
      await offline.close();
    }
  });

  it('explains a broken unsubscribe link kindly, signed out', async () => {
    const signedOut = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    try {
      const page = await openPage(signedOut);
      await page.goto(`${app.baseUrl}/unsubscribe?token=not-a-real-link-at-all`);
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Stop e-mails' }), 'the unsubscribe page');
      await expectVisible(page.getByText('This unsubscribe link is not valid any more', { exact: false }), 'the kind explanation');
      await expectAccessible(page, 'the unsubscribe page');
    } finally {
      await signedOut.close();
    }
  });
});
