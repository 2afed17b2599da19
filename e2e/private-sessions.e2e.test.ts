import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, localParts, normalizeSpaces } from './support/ui.ts';

const SUPPORTER_ZONE = 'Asia/Tokyo';
const { app, openAs } = useBrowserApp();

/** A supervisor and a supporter (profile zone Tokyo) with a supervision meeting three days from now at a whole hour. */
async function arrangeMeeting() {
  const t = app.server;
  const admin = await t.createUser('admin');
  const supporter = await t.createUser('peer_supporter', { timezone: SUPPORTER_ZONE });
  const supervisor = await t.createUser('clinician', { timezone: 'America/New_York' });
  const assigned = await t.client(admin).post('/api/supervision/assignments', { supervisorId: supervisor.id, supporterId: supporter.id });
  if (assigned.statusCode !== 201) throw new Error(`assignment setup failed: ${assigned.body}`);
  const startsAt = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000).toISOString();
  const res = await t.client(supervisor).post('/api/supervision/meetings', { supporterId: supporter.id, startsAt, durationMinutes: 60, agenda: 'Talking through a hard week' });
  if (res.statusCode !== 201) throw new Error(`meeting setup failed: ${res.body}`);
  return { supporter, supervisor, startsAt };
}

describe('private sessions in my calendar', () => {
  it('shows a supporter their supervision meeting on My calendar in their own time zone, links to supervision, and shows it to nobody else', async () => {
    const { supporter, startsAt } = await arrangeMeeting();
    // The browser says Madrid; the profile says Tokyo, and the profile wins.
    const { page, errors } = await openAs(supporter, '/calendar', { timezoneId: 'Europe/Madrid' });
    const card = page.getByRole('article', { name: 'Supervision session' });
    await expectVisible(card, 'the supervision meeting on My calendar');
    const tokyo = localParts(startsAt, SUPPORTER_ZONE);
    const text = normalizeSpaces(await card.innerText());
    expect(text).toContain(tokyo.day);
    expect(text).toContain(tokyo.time);
    expect(text).toContain('Only the people in this meeting can see it');
    expect(text).not.toContain('Talking through a hard week');
    await expectVisible(page.getByRole('heading', { level: 2, name: tokyo.day }), 'the day heading in Tokyo time');
    await expectAccessible(page, 'My calendar with a supervision meeting');

    await card.getByRole('link', { name: /^See details of Supervision session/ }).click();
    await page.waitForURL(/\/supervision$/);
    await expectVisible(page.getByRole('heading', { level: 1 }), 'the supervision page');
    expect(errors).toEqual([]);

    const stranger = await app.server.createUser('peer_supporter');
    const other = await openAs(stranger, '/calendar');
    await expectVisible(other.page.getByText('You have no upcoming sessions.'), 'an empty calendar for someone outside the meeting');
    expect(await other.page.getByRole('article', { name: 'Supervision session' }).count()).toBe(0);
    expect(other.errors).toEqual([]);
  });
});
