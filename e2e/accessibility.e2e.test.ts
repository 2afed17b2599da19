import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDirectRoom, sendMessage } from '../server/src/test/factories/chat.ts';
import { createPublicBoard } from '../server/src/test/factories/forums.ts';
import { scanAccessibility, type AxeViolation } from './support/browser.ts';
import { signedInContext, type TestUser } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectHidden, expectVisible, openPage } from './support/ui.ts';
import { createGroupWithMembers, createSessionStartingSoon } from './support/world.ts';

const MOBILE = { width: 390, height: 844 };

const { app, browser } = useBrowserApp();
let signedOut: BrowserContext;
let signedIn: BrowserContext;
let member: TestUser;
const errors: string[] = [];
/** Paths of pages that need data, filled in by `beforeAll`. */
const paths: Record<string, string> = {};

beforeAll(async () => {
  const t = app.server;
  member = await t.createUser('member', { displayName: 'Robin', timezone: 'Europe/London' });
  const other = await t.createUser('member', { displayName: 'Sam' });
  const supporter = await t.createUser('peer_supporter', { displayName: 'Alex' });

  const { group, facilitator } = await createGroupWithMembers(t, [member, other], {
    name: 'Evening circle',
    agreements: ['What is shared here stays here.', 'Listen without fixing.'],
  });
  const schedule = await t.client(facilitator).post(`/api/groups/${group.id}/schedules`, { rrule: 'FREQ=WEEKLY;BYDAY=TU', startLocal: '2026-03-10T19:00', durationMinutes: 90 });
  if (schedule.statusCode !== 201) throw new Error(`schedule setup failed: ${schedule.body}`);
  const session = await createSessionStartingSoon(t, group.id, facilitator);
  const { group: notJoined } = await createGroupWithMembers(t, [], { name: 'Morning walk and talk', agreements: ['Arrive as you are.'] });

  const roomId = (await t.client(member).get(`/api/groups/${group.id}/room`)).json().roomId as string;
  await sendMessage(t, other, roomId, 'Hello everyone, how was your week?');
  await sendMessage(t, member, roomId, 'A bit up and down, thanks for asking.');

  const { conversationId, roomId: directRoomId } = await createDirectRoom(t, member, supporter);
  await sendMessage(t, supporter, directRoomId, 'Hi Robin, I am here to listen.');

  const { board } = await createPublicBoard(t, 'Coping with anxiety');
  const thread = await t.client(member).post(`/api/forums/boards/${board.id}/threads`, { title: 'Small wins this week', body: 'I went for a walk every day. What helped you?' });
  if (thread.statusCode !== 201) throw new Error(`thread setup failed: ${thread.body}`);
  const threadId = thread.json().thread.id as string;
  await t.client(other).post(`/api/forums/threads/${threadId}/posts`, { body: 'Well done! Breathing exercises helped me.' });

  Object.assign(paths, {
    group: `/groups/${group.id}`,
    notJoined: `/groups/${notJoined.id}`,
    groupChat: `/groups/${group.id}/chat`,
    sessionRoom: `/sessions/${session.id}/room`,
    direct: `/support/${conversationId}`,
    board: `/forums/boards/${board.id}`,
    thread: `/forums/threads/${threadId}`,
  });

  signedOut = await browser.newContext({ viewport: MOBILE, locale: 'en-US', timezoneId: 'Europe/London' });
  signedIn = await signedInContext(browser, app.baseUrl, member, { timezoneId: 'Europe/London', viewport: MOBILE });
});

function describeViolations(page: string, violations: AxeViolation[]) {
  return `${page} has serious or critical accessibility violations:\n${JSON.stringify(violations, null, 2)}`;
}

/** Opens a page and waits until it has its heading and has finished loading. */
async function visit(context: BrowserContext, path: string, heading: string | RegExp): Promise<Page> {
  const page = await openPage(context);
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${app.baseUrl}${path}`);
  await expectVisible(page.getByRole('heading', { level: 1, name: heading }), `the heading "${heading}" on ${path}`, 10_000);
  const spinners = page.getByRole('status').filter({ has: page.getByLabel('Loading…') });
  await expect.poll(() => spinners.count(), { message: `the loading spinners on ${path} should go away`, timeout: 10_000 }).toBe(0);
  return page;
}

type PageCase = { name: string; signedIn: boolean; path: () => string; heading: string | RegExp; ready?: (page: Page) => Promise<void> };

const pages: PageCase[] = [
  { name: 'landing', signedIn: false, path: () => '/', heading: 'A warm place to be heard' },
  { name: 'sign up', signedIn: false, path: () => '/sign-up', heading: 'Create your account' },
  {
    name: 'sign up, after a submit with errors',
    signedIn: false,
    path: () => '/sign-up',
    heading: 'Create your account',
    ready: async (p) => {
      await p.getByRole('button', { name: 'Sign up' }).click();
      await expect.poll(() => p.getByLabel(/^Pseudonym/).getAttribute('aria-invalid')).toBe('true');
    },
  },
  { name: 'sign in', signedIn: false, path: () => '/sign-in', heading: 'Sign in' },
  { name: 'help (signed out)', signedIn: false, path: () => '/help', heading: 'Get help now' },
  { name: 'onboarding', signedIn: true, path: () => '/welcome', heading: /^Welcome/ },
  { name: 'discover groups', signedIn: true, path: () => '/groups', heading: 'Discover groups', ready: (p) => expectVisible(p.getByRole('article', { name: 'Evening circle' }).first(), 'a group card') },
  { name: 'group page', signedIn: true, path: () => paths.group!, heading: 'Evening circle', ready: (p) => expectVisible(p.getByText('You are a member of this group.'), 'the membership panel') },
  {
    name: 'discover groups, with the mobile menu open',
    signedIn: true,
    path: () => '/groups',
    heading: 'Discover groups',
    ready: async (p) => {
      await p.getByRole('button', { name: 'Open menu' }).click();
      await expectVisible(p.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Forums' }), 'the mobile menu');
    },
  },
  {
    name: 'group page (not yet a member)',
    signedIn: true,
    path: () => paths.notJoined!,
    heading: 'Morning walk and talk',
    ready: (p) => expectVisible(p.getByRole('checkbox', { name: 'I have read the group agreements and will follow them' }), 'the agreements checkbox'),
  },
  { name: 'calendar', signedIn: true, path: () => '/calendar', heading: 'My calendar', ready: (p) => expectVisible(p.getByRole('heading', { name: 'Evening check-in' }).first(), 'a session on the calendar') },
  { name: 'group chat', signedIn: true, path: () => paths.groupChat!, heading: 'Evening circle: group chat', ready: (p) => expectVisible(p.getByText('Hello everyone, how was your week?'), 'the chat history') },
  { name: 'session live room', signedIn: true, path: () => paths.sessionRoom!, heading: /live room$/, ready: (p) => expectVisible(p.getByRole('textbox', { name: 'Message', exact: true }), 'the composer') },
  { name: 'one-to-one support', signedIn: true, path: () => '/support', heading: 'One-to-one support', ready: (p) => expectVisible(p.getByRole('heading', { name: 'Alex' }).first(), 'the conversation with Alex') },
  { name: 'one-to-one conversation', signedIn: true, path: () => paths.direct!, heading: 'Conversation with Alex', ready: (p) => expectVisible(p.getByText('Hi Robin, I am here to listen.'), 'the supporter’s message') },
  { name: 'forums', signedIn: true, path: () => '/forums', heading: 'Forums', ready: (p) => expectVisible(p.getByRole('link', { name: 'Coping with anxiety' }), 'the board link') },
  { name: 'forum board', signedIn: true, path: () => paths.board!, heading: 'Coping with anxiety', ready: (p) => expectVisible(p.getByRole('link', { name: 'Small wins this week' }), 'the thread link') },
  { name: 'forum thread', signedIn: true, path: () => paths.thread!, heading: 'Small wins this week', ready: (p) => expectVisible(p.getByText('Breathing exercises helped me.', { exact: false }), 'the reply') },
  { name: 'profile and settings', signedIn: true, path: () => '/profile', heading: 'Profile and settings' },
  { name: 'help (signed in)', signedIn: true, path: () => '/help', heading: 'Get help now' },
  { name: 'page not found', signedIn: true, path: () => '/no-such-page', heading: 'We could not find that page' },
];

describe('accessibility at mobile width (390×844)', () => {
  it.each(pages)('the $name page has no serious or critical axe violations, offers "Get help now" and has a title', async ({ name, signedIn: needsSignIn, path, heading, ready }) => {
    const page = await visit(needsSignIn ? signedIn : signedOut, path(), heading);
    try {
      if (ready) await ready(page);
      await expectVisible(page.getByRole('button', { name: 'Get help now' }), `"Get help now" on the ${name} page`);
      const violations = await scanAccessibility(page);
      expect(violations, describeViolations(name, violations)).toEqual([]);
      // WCAG 2.4.2: each page is titled "<page> · Hearth" (the landing page is just "Hearth"), with no raw placeholders.
      await expect.poll(() => page.title(), { message: `the document title of the ${name} page` }).toMatch(path() === '/' ? /^Hearth$/ : /^[^{}]+ · Hearth$/);
    } finally {
      await page.close();
    }
  });

  it('the scan itself catches a problem (a button with no name), so a clean result means something', async () => {
    const page = await visit(signedOut, '/', 'A warm place to be heard');
    try {
      await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<button type="button" id="e2e-nameless"></button>'));
      const violations = await scanAccessibility(page);
      expect(violations.map((v) => v.id)).toContain('button-name');
    } finally {
      await page.close();
    }
  });

  it('opens the "Get help now" dialog with crisis lines that can be called, and the open dialog passes axe', async () => {
    const page = await visit(signedIn, '/groups', 'Discover groups');
    try {
      await page.getByRole('button', { name: 'Get help now' }).click();
      const dialog = page.getByRole('dialog', { name: 'Get help now' });
      await expectVisible(dialog, 'the crisis lines dialog');
      await expectVisible(dialog.getByRole('heading', { name: /^Crisis lines in / }), 'the crisis lines for my country');
      const telLinks = dialog.locator('a[href^="tel:"]');
      expect(await telLinks.count()).toBeGreaterThan(0);
      await expectVisible(telLinks.first(), 'a tel: link');
      const violations = await scanAccessibility(page);
      expect(violations, describeViolations('"Get help now" dialog', violations)).toEqual([]);
      await page.keyboard.press('Escape');
      await expectHidden(dialog, 'the dialog after Escape');
    } finally {
      await page.close();
    }
  });

  it.each([
    { name: 'landing (signed out)', signedIn: false, path: '/', heading: 'A warm place to be heard' },
    { name: 'discover groups (signed in)', signedIn: true, path: '/groups', heading: 'Discover groups' },
  ])('from the top of the $name page, Tab reaches the skip link first and then "Get help now"', async ({ signedIn: needsSignIn, path, heading }) => {
    const page = await visit(needsSignIn ? signedIn : signedOut, path, heading);
    try {
      const focused = () => page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? { tag: el.tagName.toLowerCase(), text: (el.getAttribute('aria-label') ?? el.innerText ?? '').trim(), href: el.getAttribute('href') } : null;
      });
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ tag: 'a', text: 'Skip to main content', href: '#main' });
      await expectVisible(page.getByRole('link', { name: 'Skip to main content' }), 'the skip link once focused');

      const seen: string[] = [];
      for (let i = 0; i < 15; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        seen.push(now?.text ?? '(nothing)');
        if (now?.tag === 'button' && now.text === 'Get help now') break;
      }
      expect(seen.at(-1), `Tab order from the top: ${seen.join(' → ')}`).toBe('Get help now');

      // Enter opens the dialog with focus inside it; Escape closes it and gives focus back to the button.
      await page.keyboard.press('Enter');
      await expectVisible(page.getByRole('dialog', { name: 'Get help now' }), 'the dialog opened from the keyboard');
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await expectHidden(page.getByRole('dialog', { name: 'Get help now' }), 'the dialog after Escape');
      await expect.poll(focused).toMatchObject({ tag: 'button', text: 'Get help now' });

      // The skip link moves focus into the main content.
      await page.getByRole('link', { name: 'Skip to main content' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#main') !== null)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('ran every page without uncaught errors', () => {
    expect(errors).toEqual([]);
  });
});
