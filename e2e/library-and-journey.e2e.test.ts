import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { signedInContext, watchErrors, type TestUser } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, openPage } from './support/ui.ts';
import { createGroupWithMembers, createSessionStartingSoon } from './support/world.ts';

const { app, browser } = useBrowserApp();
let context: BrowserContext;
let member: TestUser;

const CSV = [
  'name,kind,description,postcode,city,country,lat,lng,languages,cost,opening_hours',
  'Harbour Street Clinic,clinic,Walk-in counselling,05401,Burlington,US,44.4790,-73.2150,en;es,sliding_scale,Mon-Fri 9-5',
  'Essex Drop-in,community_centre,Tea and company,05452,Essex Junction,US,,,en,free,Tue-Sat 10-4',
  'Montpelier Counselling,clinic,Longer-term therapy,05602,Montpelier,US,,,en,paid,Mon-Thu 8-6',
].join('\n');

beforeAll(async () => {
  const t = app.server;
  await t.services.resources.installStarterLibrary();
  const admin = await t.createUser('admin');
  const imported = await t.client(admin).post('/api/directory/import', { csv: CSV });
  if (imported.statusCode !== 200 || imported.json().imported !== 3) throw new Error(`directory setup failed: ${imported.body}`);
  member = await t.createUser('member', { displayName: 'Robin', timezone: 'America/New_York' });
  const other = await t.createUser('member', { displayName: 'Someone Else' });
  const { group, facilitator } = await createGroupWithMembers(t, [member, other]);
  const session = await createSessionStartingSoon(t, group.id, facilitator);
  for (const person of [member, other]) await t.services.sessions.recordOnlineJoin(session.id, person.id);
  const start = Date.now() + 3 * 86_400_000;
  const event = await t.client(facilitator).post('/api/events', { kind: 'webinar', title: 'Sleep and mood webinar', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), timezone: 'Europe/London', capacity: 20 });
  if (event.statusCode !== 201) throw new Error(`event setup failed: ${event.body}`);
  context = await signedInContext(browser, app.baseUrl, member, { timezoneId: 'America/New_York' });
});

describe('resources', () => {
  it('searches the library, opens the grounding article, finds services by distance and sees a private journey', async () => {
    const page = await openPage(context);
    const errors = watchErrors(page);

    // The hub is one nav entry away.
    await page.goto(`${app.baseUrl}/groups`);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Resources' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Resources' }), 'the resources hub');
    await expectVisible(page.getByRole('heading', { name: 'Your first week' }), 'the "Your first week" collection');
    await expectAccessible(page, 'resources hub');

    // Search → the grounding article is the first result.
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('grounding techniques for panic');
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByRole('list', { name: 'Results' });
    await expectVisible(results, 'the search results');
    const first = results.getByRole('listitem').first();
    await expectVisible(first.getByRole('link', { name: 'Grounding techniques for panic and overwhelm' }), 'the grounding article as the first result');
    await expectAccessible(page, 'search results');

    // The article renders its markdown (headings, lists) with no raw markup.
    await first.getByRole('link', { name: 'Grounding techniques for panic and overwhelm' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Grounding techniques for panic and overwhelm' }), 'the article page');
    await expectVisible(page.getByRole('heading', { level: 2, name: '5-4-3-2-1: use your senses' }), 'a section heading');
    expect(await page.locator('article').innerText()).not.toContain('##');
    await expectAccessible(page, 'article page');

    // Directory: nearest first within the radius.
    await page.goto(`${app.baseUrl}/directory`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Find services' }), 'the directory');
    await page.getByRole('textbox', { name: 'Postcode or town' }).fill('05401');
    await page.getByRole('button', { name: 'Search' }).click();
    const local = page.getByRole('region', { name: /Services within 10 km of 05401 Burlington/ });
    await expectVisible(local, 'results near 05401');
    const names = await local.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
    expect(names).toEqual(['Harbour Street Clinic', 'Essex Drop-in']);
    await expectAccessible(page, 'directory results');

    // Events: register, then the calendar entry is offered.
    await page.goto(`${app.baseUrl}/events`);
    const webinar = page.getByRole('article', { name: 'Sleep and mood webinar' });
    await expectVisible(webinar, 'the webinar');
    await webinar.getByRole('button', { name: 'Register' }).click();
    await expectVisible(webinar.getByText('You are registered.'), 'the registration confirmation');
    await expectVisible(webinar.getByRole('link', { name: 'Add to calendar' }), 'the calendar link');
    await expectAccessible(page, 'events page');

    // My journey: the first session milestone, and nobody else on the page.
    await page.goto(`${app.baseUrl}/journey`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'My journey' }), 'the journey page');
    await expectVisible(page.getByText(/Reached on/).first(), 'a reached milestone');
    await expectVisible(page.getByRole('heading', { name: 'First step' }), 'the "First step" milestone');
    await expectVisible(page.getByRole('heading', { name: 'How milestones are earned' }), 'the rules');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Someone Else');
    expect(text).not.toMatch(/leaderboard|#\d|\d(st|nd|rd|th) place|top \d/i);
    await expectAccessible(page, 'journey page');
    expect(errors).toEqual([]);
  });
});
