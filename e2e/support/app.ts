import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestServer, type TestServer, type TestUser } from '../../server/src/test/server.ts';

/** A real Hearth server (built web app + API + websockets) on a loopback port, on its own cloned database. */
export async function startApp(options: Parameters<typeof createTestServer>[0] = {}) {
  const server = await createTestServer(options);
  const baseUrl = await server.listen();
  return { server, baseUrl };
}

/** A browser context already signed in as `user` (the session cookie is set directly). */
export async function signedInContext(browser: Pick<Browser, 'newContext'>, baseUrl: string, user: TestUser, options: { timezoneId?: string; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId: options.timezoneId, viewport: options.viewport ?? { width: 390, height: 844 }, locale: 'en-US' });
  const { hostname } = new URL(baseUrl);
  await context.addCookies([{ name: 'hearth_sid', value: user.cookie, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Collects uncaught page errors so a test can assert the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export type { TestServer, TestUser };
