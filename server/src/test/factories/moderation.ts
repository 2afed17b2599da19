import type { TestServer, TestUser } from '../server.ts';

/** Sets a person's trust level through a fresh moderator (as the moderation API does). */
export async function setTrust(t: TestServer, user: TestUser, level: 'new' | 'member' | 'trusted' | 'helper') {
  const moderator = await t.createUser('moderator');
  const res = await t.client(moderator).put(`/api/moderation/people/${user.id}/trust`, { level, reason: 'test setup' });
  if (res.statusCode !== 200) throw new Error(`trust factory failed: ${res.body}`);
}

/** Changes the organization's moderation settings through a fresh moderator. */
export async function setModerationSettings(t: TestServer, settings: Record<string, unknown>) {
  const moderator = await t.createUser('moderator');
  const res = await t.client(moderator).put('/api/moderation/settings', settings);
  if (res.statusCode !== 200) throw new Error(`moderation settings factory failed: ${res.body}`);
  return moderator;
}

/** Flags a piece of content; throws unless the flag was received. */
export async function flag(t: TestServer, user: TestUser, targetKind: 'chat_message' | 'forum_post' | 'profile', targetId: string, reason = 'harassment', extra: Record<string, unknown> = {}) {
  const res = await t.client(user).post('/api/moderation/flags', { targetKind, targetId, reason, ...extra });
  if (res.statusCode !== 201) throw new Error(`flag failed: ${res.statusCode} ${res.body}`);
  return res.json() as { flagId: string; status: string; hidden: boolean; caseOpened: boolean };
}
