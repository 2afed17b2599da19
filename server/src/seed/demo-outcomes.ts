import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { attendance, groupMembers, groups, moodCheckins, programs, screenings, sessionFeedback, sessions } from '../db/schema/index.ts';
import type { Database } from '../platform/db/index.ts';
import type { Actor } from '../platform/http/actor.ts';
import type { AccountsService } from '../modules/accounts/index.ts';
import type { OutcomesService } from '../modules/outcomes/index.ts';

const DAY = 86_400_000;

/** Invented people who joined the Evening Anxiety Circle (names and numbers are made up). */
const EXTRA_MEMBERS = [
  { pseudonym: 'willow_path', displayName: 'Willow' },
  { pseudonym: 'north_star_7', displayName: 'Sam' },
  { pseudonym: 'river_stone', displayName: 'Alex' },
  { pseudonym: 'maple_light', displayName: 'Priya' },
  { pseudonym: 'quiet_fern', displayName: 'Jordan' },
  { pseudonym: 'harbour_gull', displayName: 'Nell' },
];

/** PHQ-9 and GAD-7 totals 8, 4 and 1 weeks ago, per person: mostly easing, a few flat, one harder. */
const TRAJECTORIES: Array<{ phq9: [number, number, number]; gad7: [number, number, number] }> = [
  { phq9: [14, 11, 8], gad7: [12, 9, 7] }, // demo_member
  { phq9: [17, 13, 9], gad7: [15, 12, 9] },
  { phq9: [11, 10, 10], gad7: [9, 9, 8] },
  { phq9: [8, 9, 6], gad7: [10, 7, 5] },
  { phq9: [19, 15, 12], gad7: [16, 12, 10] },
  { phq9: [12, 13, 15], gad7: [8, 10, 12] },
  { phq9: [15, 10, 6], gad7: [11, 8, 4] },
  { phq9: [9, 7, 7], gad7: [7, 6, 6] },
  { phq9: [21, 16, 13], gad7: [14, 11, 9] },
  { phq9: [13, 11, 7], gad7: [12, 8, 6] },
  { phq9: [6, 5, 4], gad7: [5, 5, 3] },
  { phq9: [16, 14, 10], gad7: [13, 10, 8] },
  { phq9: [10, 8, 5], gad7: [9, 6, 4] },
  { phq9: [18, 17, 16], gad7: [15, 14, 14] },
  { phq9: [12, 9, 8], gad7: [10, 8, 7] },
];

/** Item answers (0–3) adding up to `total`, spread across items; item 9 stays at 0 in the demo. */
function spread(total: number, items: number): number[] {
  const answers = new Array<number>(items).fill(0);
  const last = items === 9 ? 8 : items;
  for (let left = total, i = 0; left > 0; i = (i + 1) % last) {
    if (answers[i]! < 3) {
      answers[i]!++;
      left--;
    }
  }
  return answers;
}

type Person = { id: string; orgId: string; role: Actor['role']; displayName: string; timezone: string };
const actorOf = (u: Person): Actor => ({ userId: u.id, orgId: u.orgId, role: u.role, sessionId: 'demo-seed', csrfToken: '', displayName: u.displayName, timezone: u.timezone });

/**
 * Outcomes for the demo: eight weeks of PHQ-9, GAD-7 and mood check-ins for the members, six more invented people
 * in the Evening Anxiety Circle (so its figures clear the minimum group size), attendance and session feedback,
 * and a program. Written through the outcomes service (encrypted), then dated into the past.
 */
export async function seedDemoOutcomes(
  services: { accounts: AccountsService; outcomes: OutcomesService },
  database: Database,
  people: { orgId: string; members: Person[]; password: string },
  now: Date,
) {
  const { db } = database;
  const [anxiety] = await db.select().from(groups).where(and(eq(groups.orgId, people.orgId), eq(groups.name, 'Evening Anxiety Circle')));
  const extras: Person[] = [];
  for (const p of EXTRA_MEMBERS) {
    const u = await services.accounts.createUser({ ...p, password: people.password, role: 'member', orgId: people.orgId, timezone: 'America/New_York', onboarded: true });
    extras.push(u as Person);
    if (anxiety) await db.insert(groupMembers).values({ groupId: anxiety.id, userId: u.id, role: 'member', status: 'active', joinedAt: new Date(now.getTime() - 60 * DAY), agreementsAcceptedAt: new Date(now.getTime() - 60 * DAY) });
  }
  const everyone = [...people.members, ...extras];

  for (const [i, person] of everyone.entries()) {
    const path = TRAJECTORIES[i % TRAJECTORIES.length]!;
    const actor = actorOf(person);
    for (const [w, weeksAgo] of [56, 28, 7].entries()) {
      for (const instrument of ['phq9', 'gad7'] as const) {
        const { screening } = await services.outcomes.submitScreening(actor, { instrument, answers: spread(path[instrument][w]!, instrument === 'phq9' ? 9 : 7) });
        const at = new Date(now.getTime() - (weeksAgo + (i % 3)) * DAY);
        await db.update(screenings).set({ createdAt: at, updatedAt: at }).where(eq(screenings.id, screening.id));
      }
    }
    // Weekly mood, drifting with the questionnaire trajectory (invented).
    for (let week = 8; week >= 1; week--) {
      const base = 10 - Math.round(path.phq9[week > 5 ? 0 : week > 2 ? 1 : 2] / 3);
      const mood = Math.max(1, Math.min(10, base + ((i + week) % 3) - 1));
      const c = await services.outcomes.submitCheckin(actor, { mood, feelings: mood >= 6 ? ['hopeful', 'calm'] : ['tired', 'anxious'] });
      const at = new Date(now.getTime() - (week * 7 - (i % 4)) * DAY);
      await db.update(moodCheckins).set({ createdAt: at, updatedAt: at }).where(eq(moodCheckins.id, c.id));
    }
  }

  if (anxiety) {
    // Past sessions of the circle: most members came, and most said how it went.
    const past = await db.select().from(sessions).where(and(eq(sessions.groupId, anxiety.id), lt(sessions.endsAt, now))).orderBy(asc(sessions.startsAt));
    const members = (await db.select({ userId: groupMembers.userId }).from(groupMembers).where(and(eq(groupMembers.groupId, anxiety.id), eq(groupMembers.role, 'member'), eq(groupMembers.status, 'active')))).map((m) => m.userId);
    for (const [si, s] of past.entries()) {
      const already = new Set((await db.select({ userId: attendance.userId }).from(attendance).where(eq(attendance.sessionId, s.id))).map((a) => a.userId));
      const came = members.filter((_, mi) => (mi + si) % 5 !== 0);
      const missing = came.filter((u) => !already.has(u));
      if (missing.length) await db.insert(attendance).values(missing.map((userId) => ({ sessionId: s.id, userId, mode: 'online' as const, joinedAt: s.startsAt, leftAt: s.endsAt })));
      await db.insert(sessionFeedback).values(came.map((userId, k) => ({
        orgId: people.orgId, sessionId: s.id, userId, feltHeard: (k + si) % 6 !== 0, satisfaction: 3 + ((k + si) % 3), createdAt: s.endsAt, updatedAt: s.endsAt,
      }))).onConflictDoNothing();
    }
  }

  const groupIds = (await db.select({ id: groups.id }).from(groups).where(and(eq(groups.orgId, people.orgId), inArray(groups.name, ['Evening Anxiety Circle', 'Grief & Remembrance Group', 'Caregivers\' Coffee Hour'])))).map((g) => g.id);
  if (groupIds.length) await db.insert(programs).values({ orgId: people.orgId, name: 'Evening support programme', groupIds });
}
