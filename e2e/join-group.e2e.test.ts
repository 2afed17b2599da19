import { DateTime } from 'luxon';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createGroup } from '../server/src/test/factories/groups.ts';
import { watchErrors } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, localParts, normalizeSpaces, openPage } from './support/ui.ts';

const GROUP_ZONE = 'America/New_York';
const MY_ZONE = 'Asia/Tokyo';

const { app, browser } = useBrowserApp();
let context: BrowserContext | undefined;

/** A facilitator's open group in New York with agreements and a weekly 19:00 (New York) schedule starting tomorrow. */
async function createNewYorkGroup() {
  const t = app.server;
  const name = `Tuesday evening circle ${Math.random().toString(36).slice(2, 7)}`;
  const { group, facilitator } = await createGroup(t, {
    body: { name, timezone: GROUP_ZONE, visibility: 'open', agreements: ['What is shared here stays here.', 'Listen without fixing.'] },
  });
  const firstDay = DateTime.now().setZone(GROUP_ZONE).plus({ days: 1 });
  const byDay = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][firstDay.weekday - 1];
  const res = await t.client(facilitator).post(`/api/groups/${group.id}/schedules`, {
    rrule: `FREQ=WEEKLY;BYDAY=${byDay}`,
    startLocal: `${firstDay.toISODate()}T19:00`,
    durationMinutes: 60,
  });
  if (res.statusCode !== 201) throw new Error(`schedule setup failed: ${res.statusCode} ${res.body}`);
  const sessions = (await t.client(facilitator).get(`/api/groups/${group.id}/sessions`)).json().sessions as Array<{ startsAt: string; endsAt: string }>;
  const next = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (!next) throw new Error('the schedule produced no sessions');
  return { group, next };
}

describe('joining a group', () => {
  it('signs up, finishes onboarding, discovers and joins a New York group, and sees its next session in Tokyo time', async () => {
    const { group, next } = await createNewYorkGroup();
    const tokyo = localParts(next.startsAt, MY_ZONE);
    const newYork = localParts(next.startsAt, GROUP_ZONE);
    // The schedule is 19:00 in New York; make sure the test really distinguishes the two zones.
    expect(newYork.dateTime.hour).toBe(19);
    expect(tokyo.dateTime.hour).not.toBe(19);
    expect(tokyo.dateTime.toISODate()).not.toBe(newYork.dateTime.toISODate());

    context = await browser.newContext({ timezoneId: MY_ZONE, locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await openPage(context);
    const errors = watchErrors(page);

    // Sign up: the form detected the browser's time zone.
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('link', { name: 'Join Hearth' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Create your account' }), 'the sign-up page');
    const pseudonym = `tokyo${Math.random().toString(36).slice(2, 8)}`;
    await page.getByLabel('Pseudonym').fill(pseudonym);
    await page.getByLabel(/^Password/).fill('a few random words here');
    expect(await page.getByLabel('Time zone').inputValue()).toBe(MY_ZONE);
    await page.getByRole('button', { name: 'Sign up' }).click();

    // Onboarding keeps the detected zone.
    await expectVisible(page.getByRole('heading', { level: 1, name: /^Welcome/ }), 'the onboarding page');
    expect(await page.getByLabel('Time zone').first().inputValue()).toBe(MY_ZONE);
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Discover: the group's card shows the next session in my zone.
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Discover groups' }), 'the discover page');
    const card = page.getByRole('article', { name: group.name });
    await expectVisible(card, `the card for ${group.name}`);
    const cardText = normalizeSpaces(await card.innerText());
    expect(cardText).toContain(`${tokyo.day}, ${tokyo.time}`);
    expect(cardText).not.toContain(newYork.time);
    await card.getByRole('link', { name: group.name }).click();

    // Group page: agreements must be accepted to join.
    await expectVisible(page.getByRole('heading', { level: 1, name: group.name }), 'the group page');
    // After client-side navigation focus moves to the new page (its heading, or the main landmark while it loads).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName === 'H1' || document.activeElement?.id === 'main')).toBe(true);
    await expectVisible(page.getByRole('heading', { name: 'Group agreements' }), 'the group agreements');
    await page.getByRole('button', { name: 'Join group' }).click();
    await expectVisible(page.getByText('Please read the group agreements and tick the box to join.'), 'the agreements reminder');
    await page.getByRole('checkbox', { name: 'I have read the group agreements and will follow them' }).check();
    await page.getByRole('button', { name: 'Join group' }).click();
    await expectVisible(page.getByText('You are a member of this group.'), 'the membership confirmation');

    // The group's schedule is shown in my time zone (Tokyo), with the zone named.
    const schedule = page.getByRole('region', { name: 'Upcoming sessions' });
    await expectVisible(schedule.getByText('Times are shown in Asia/Tokyo', { exact: false }), 'the time zone note');
    const firstTime = schedule.locator(`time[datetime="${next.startsAt}"]`);
    await expectVisible(firstTime, 'the next session on the group page');
    const groupPageTime = normalizeSpaces(await firstTime.innerText());
    expect(groupPageTime).toContain(`${tokyo.day}, ${tokyo.time}`);
    expect(groupPageTime).toContain(tokyo.zoneName);
    expect(groupPageTime).not.toContain(newYork.time);

    // My calendar: the session sits under the Tokyo day, at the Tokyo time.
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My calendar' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'My calendar' }), 'the calendar page');
    const day = page.getByRole('region', { name: tokyo.day });
    await expectVisible(day, `the day heading ${tokyo.day}`);
    const calendarTime = day.locator(`time[datetime="${next.startsAt}"]`);
    await expectVisible(calendarTime, 'the next session on the calendar');
    const calendarText = normalizeSpaces(await calendarTime.innerText());
    expect(calendarText).toContain(`${tokyo.day}, ${tokyo.time}`);
    expect(calendarText).toContain(tokyo.zoneName);
    await expectVisible(day.getByRole('heading', { name: group.name }), 'the group name on the calendar');

    // The server kept the zone from sign-up.
    const me = await page.evaluate(async () => (await (await fetch('/api/me')).json()) as { timezone: string });
    expect(me.timezone).toBe(MY_ZONE);
    expect(errors).toEqual([]);
  });
});
