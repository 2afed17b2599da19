import type { TestServer, TestUser } from '../server.ts';

/** Words the assessment treats as urgent in every version of the engine (test data, not product copy). */
export const URGENT_TEXT = 'I want to kill myself tonight. I cannot go on.';
export const PLAIN_TEXT = 'Thanks everyone, the walk this morning really helped.';

/** Puts a moderator or clinician on call around the clock (seven all-day shifts in their time zone). */
export async function putOnCall(t: TestServer, user: TestUser, timezone = 'America/New_York') {
  const shifts = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));
  const res = await t.client(user).put('/api/safety/oncall/shifts', { timezone, shifts });
  if (res.statusCode !== 200) throw new Error(`on-call factory failed: ${res.body}`);
  return res.json();
}

/** Changes the organization's safety settings through a fresh admin. */
export async function setSafetySettings(t: TestServer, settings: { ackSlaSeconds?: number; holdUrgentForumPosts?: boolean }) {
  const admin = await t.createUser('admin');
  const res = await t.client(admin).put('/api/safety/settings', { ackSlaSeconds: 120, holdUrgentForumPosts: false, ...settings });
  if (res.statusCode !== 200) throw new Error(`settings factory failed: ${res.body}`);
  return admin;
}

/** A person's "talk to someone now" request; returns the case id. */
export async function openTalkNowCase(t: TestServer, member: TestUser): Promise<string> {
  const res = await t.client(member).post('/api/safety/talk-now');
  if (res.statusCode !== 200) throw new Error(`talk-now factory failed: ${res.body}`);
  return res.json().caseId;
}
