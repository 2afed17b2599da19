import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { addMember, createGroup } from '../../server/src/test/factories/groups.ts';
import { putOnCall } from '../../server/src/test/factories/safety.ts';
import type { TestServer, TestUser } from './app.ts';

/** A group led by a new facilitator with the given people as active members (joined through the API). */
export async function createGroupWithMembers(t: TestServer, people: TestUser[], body: Record<string, unknown> = {}) {
  const { group, facilitator } = await createGroup(t, { body: { timezone: 'Europe/London', ...body } });
  for (const person of people) await addMember(t, group.id, facilitator, person);
  return { group, facilitator };
}

/** Robin and Sam, members of one group, with Mo Moderator on call: the world for what happens when someone in a live room is in crisis. */
export async function createGroupWithOnCallModerator(t: TestServer) {
  const robin = await t.createUser('member', { displayName: 'Robin' });
  const sam = await t.createUser('member', { displayName: 'Sam' });
  const moderator = await t.createUser('moderator', { displayName: 'Mo Moderator' });
  await putOnCall(t, moderator);
  const { group } = await createGroupWithMembers(t, [robin, sam]);
  return { robin, sam, moderator, group };
}

/** A one-off session of the group starting a few minutes from now, so its live room is already open. */
export async function createSessionStartingSoon(t: TestServer, groupId: string, facilitator: TestUser, zone = 'Europe/London') {
  const startLocal = DateTime.now().setZone(zone).plus({ minutes: 5 }).toFormat("yyyy-MM-dd'T'HH:mm");
  const res = await t.client(facilitator).post(`/api/groups/${groupId}/sessions`, { startLocal, durationMinutes: 60, title: 'Evening check-in' });
  if (res.statusCode !== 201) throw new Error(`session setup failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; startsAt: string; endsAt: string };
}

/** The chat messages list of a room page ("Conversation"). */
export function messageList(page: Page) {
  return page.getByRole('list', { name: 'Conversation' });
}

/** The list items in a room whose text includes `text`. */
export function messagesWithText(page: Page, text: string) {
  return messageList(page).getByRole('listitem').filter({ hasText: text });
}

/** Types a message in the composer and sends it with the Send button. */
export async function sendFromComposer(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}
