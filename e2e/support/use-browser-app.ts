import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { signedInContext, startApp, watchErrors, type TestServer, type TestUser } from './app.ts';
import { launchChromium } from './browser.ts';
import { openPage } from './ui.ts';

/** The running server as tests see it; read it inside tests or hooks registered after `useBrowserApp()`. */
export type AppHandle = { readonly server: TestServer; readonly baseUrl: string };

/** What tests need from Chromium: new contexts (each with its own cookies, storage and sockets). */
export type BrowserHandle = Pick<Browser, 'newContext'>;

/**
 * Registers the file's setup and teardown: one Hearth server (own cloned database, built web app) and one
 * headless Chromium start before the file's tests, and both close after them. Closing the browser closes every
 * context the tests opened, so files need no teardown of their own for contexts.
 */
/** Opens `path` in a fresh context signed in as `user`, collecting the page's uncaught errors. */
export type OpenAs = (user: TestUser, path: string, options?: { timezoneId?: string }) => Promise<{ page: Page; errors: string[] }>;

export function useBrowserApp(options: Parameters<typeof startApp>[0] = {}): { app: AppHandle; browser: BrowserHandle; openAs: OpenAs } {
  let started: Awaited<ReturnType<typeof startApp>> | undefined;
  let launched: Browser | undefined;

  beforeAll(async () => {
    // Settle both so whichever did start is still closed by afterAll when the other fails.
    const [app, browser] = await Promise.allSettled([startApp(options), launchChromium()]);
    if (app.status === 'fulfilled') started = app.value;
    if (browser.status === 'fulfilled') launched = browser.value;
    if (app.status === 'rejected') throw app.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  afterAll(async () => {
    await launched?.close();
    await started?.server.close();
  });

  const running = () => {
    if (!started) throw new Error('The test server is not running yet: use it inside a test or a beforeAll registered after useBrowserApp().');
    return started;
  };
  const app: AppHandle = {
    get server() {
      return running().server;
    },
    get baseUrl() {
      return running().baseUrl;
    },
  };
  const browser: BrowserHandle = {
    newContext: (contextOptions) => {
      if (!launched) throw new Error('Chromium is not running yet: use it inside a test or a beforeAll registered after useBrowserApp().');
      return launched.newContext(contextOptions);
    },
  };
  const openAs: OpenAs = async (user, path, { timezoneId = 'Europe/Madrid' } = {}) => {
    const context = await signedInContext(browser, app.baseUrl, user, { timezoneId });
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}${path}`);
    return { page, errors };
  };
  return { app, browser, openAs };
}
