import { DateTime } from 'luxon';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** How long a live update may take to show before a test fails (an upper bound for waiting, not a threshold). */
export const LIVE_TIMEOUT_MS = 5_000;

/** Waits until the locator is visible; fails with a message naming what was expected. */
export async function expectVisible(locator: Locator, what: string, timeout = LIVE_TIMEOUT_MS): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`Expected to see ${what} within ${timeout} ms, but it did not appear.`);
  }
}

/** Waits until the locator has gone (detached or hidden). */
export async function expectHidden(locator: Locator, what: string, timeout = LIVE_TIMEOUT_MS): Promise<void> {
  try {
    await locator.waitFor({ state: 'hidden', timeout });
  } catch {
    throw new Error(`Expected ${what} to go away within ${timeout} ms, but it is still shown.`);
  }
}

/** A new page in the context with sensible action and navigation timeouts for a loopback server. */
export async function openPage(context: BrowserContext): Promise<Page> {
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context.newPage();
}

/** Collapses the special spaces Intl puts in dates and times ("9:00\u202fAM") so text compares plainly. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The parts of an instant as an en-US reader in `zone` sees them: weekday and date, clock time, zone abbreviation. */
export function localParts(iso: string, zone: string) {
  const dt = DateTime.fromISO(iso, { zone }).setLocale('en-US');
  return {
    dateTime: dt,
    day: normalizeSpaces(dt.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' })),
    time: normalizeSpaces(dt.toLocaleString(DateTime.TIME_SIMPLE)),
    zoneName: dt.toFormat('ZZZZ'),
  };
}

/** A unique, readable piece of text for this test run. */
export function uniqueText(prefix: string): string {
  return `${prefix} ${Math.random().toString(36).slice(2, 8)}`;
}
