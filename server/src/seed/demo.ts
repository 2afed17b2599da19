import { eq, inArray } from 'drizzle-orm';
import { attendance, forumPosts, forumThreads, messages, rsvps, schedules, sessions } from '../db/schema/index.ts';
import type { Database } from '../platform/db/index.ts';
import { writeAudit } from '../platform/db/index.ts';
import type { Actor, UserRole } from '../platform/http/actor.ts';
import type { Logger } from '../platform/logger.ts';
import type { AccountsService } from '../modules/accounts/index.ts';
import type { ChatService } from '../modules/chat/index.ts';
import type { ForumsService } from '../modules/forums/index.ts';
import type { GroupsService } from '../modules/groups/index.ts';
import type { OrgsService } from '../modules/orgs/index.ts';
import { expandOccurrences, instantToLocal, localToInstant } from '../modules/sessions/recurrence.ts';
import { DEMO_PASSWORD, GROUPS, ONE_OFF_SESSION, PEOPLE, type DemoGroup } from './demo-people.ts';
import type { TrainingService } from '../modules/training/index.ts';
import type { SupervisionService } from '../modules/supervision/index.ts';
import { seedDemoTraining } from './demo-training.ts';
import type { ResourcesService } from '../modules/resources/index.ts';
import type { DirectoryService } from '../modules/directory/index.ts';
import type { EventsService } from '../modules/events/index.ts';
import type { RewardsService } from '../modules/rewards/index.ts';
import { seedDemoResources } from './demo-resources.ts';
import { seedDemoDirectory } from './demo-directory.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoRewards } from './demo-rewards.ts';
import { seedDemoModeration } from './demo-moderation.ts';
import type { ModerationService } from '../modules/moderation/index.ts';
import { seedDemoOutcomes } from './demo-outcomes.ts';
import type { OutcomesService } from '../modules/outcomes/index.ts';
import { seedDemoMatching } from './demo-matching.ts';
import { seedDemoNotifications } from './demo-notifications.ts';
import { seedDemoSafety } from './demo-safety.ts';
import { seedDemoRoleplay } from './demo-roleplay.ts';
import type { SafetyService } from '../modules/safety/index.ts';
import type { NotificationsService } from '../modules/notifications/index.ts';
import type { MatchingService } from '../modules/matching/index.ts';
import type { IntakeService } from '../modules/intake/index.ts';
import { FORUM_THREADS, GROUP_BOARD_THREADS, GROUP_CHATS, PUBLIC_BOARDS, type ForumPostSeed } from './demo-conversations.ts';

/** The services the seed writes through (a subset of `BuiltServer['services']`, named here so main.ts ↔ seed has no cycle). */
type Services = { accounts: AccountsService; orgs: OrgsService; groups: GroupsService; chat: ChatService; forums: ForumsService; training: TrainingService; supervision: SupervisionService; resources: ResourcesService; directory: DirectoryService; events: EventsService; rewards: RewardsService; outcomes: OutcomesService; moderation: ModerationService; matching: MatchingService; intake: IntakeService; notifications: NotificationsService; safety: SafetyService };
type UserRow = Awaited<ReturnType<Services['accounts']['createUser']>>;
type GroupBody = Parameters<Services['groups']['createGroup']>[1];

/** A demo sign-in, printed at boot so someone trying Hearth can look around as each role. */
export type DemoLogin = { role: UserRole; pseudonym: string; password: string; displayName: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Seeds a demo organization on first start: people in every role, groups in every format with schedules, chat
 * history and forum conversations. Idempotent: does nothing (and returns null) when any organization exists.
 */
export async function seedDemo(services: Services, database: Database, logger: Logger, now = new Date()): Promise<DemoLogin[] | null> {
  if ((await services.orgs.listOrgs()).length > 0) return null;
  const org = await services.orgs.createOrg(null, { name: 'Hearth Community', slug: 'hearth', country: 'US', timezone: 'America/New_York' });

  const people = new Map<string, UserRow>();
  for (const p of PEOPLE) {
    const { key, login: _login, ...fields } = p;
    people.set(key, await services.accounts.createUser({ ...fields, password: DEMO_PASSWORD, orgId: org.id, onboarded: true }));
  }
  const user = (key: string) => {
    const u = people.get(key);
    if (!u) throw new Error(`demo seed: unknown person "${key}"`);
    return u;
  };
  const actor = (key: string): Actor => {
    const u = user(key);
    return { userId: u.id, orgId: u.orgId, role: u.role, sessionId: 'demo-seed', csrfToken: '', displayName: u.displayName, timezone: u.timezone };
  };

  // Certificates first: leading a group and taking one-to-one requests need them.
  await seedDemoTraining(services, actor, user, now);
  const groupIds = new Map<string, string>();
  for (const g of GROUPS) groupIds.set(g.key, await seedGroup(services, actor, user, g));

  await seedSessions(database, user, groupIds, now);
  // Before the chat history, so the reported messages sit two days back instead of ending the group's conversation.
  await seedDemoModeration(services, database, actor, groupIds.get('anxiety')!, now);
  await seedChats(services, database, actor, groupIds, now);
  await seedForums(services, database, actor, groupIds, now);
  await seedDemoResources(services, actor);
  await seedDemoDirectory(services, actor);
  await seedDemoEvents(services, actor, now);
  await seedDemoRewards(services, actor, [...people.values()].map((p) => p.id));
  await seedDemoMatching(services, actor);
  await seedDemoNotifications(services, database, user('member'), now);
  await seedDemoSafety(services, actor);
  await seedDemoRoleplay(services, actor);
  await seedDemoOutcomes(services, database, { orgId: org.id, members: [...people.values()].filter((p) => p.role === 'member'), password: DEMO_PASSWORD }, now);

  await database.db.transaction((tx) =>
    writeAudit(tx, { orgId: org.id, actorId: null, action: 'demo.seeded', entityType: 'org', entityId: org.id, data: { people: PEOPLE.length, groups: GROUPS.length } }),
  );

  const logins = PEOPLE.filter((p) => p.login).map((p) => ({ role: p.role, pseudonym: p.pseudonym, password: DEMO_PASSWORD, displayName: p.displayName }));
  // One line per sign-in, so they read clearly in both pretty and JSON logs.
  logger.info('Seeded the demo organization "Hearth Community". Demo sign-ins below are made-up people; please keep real conversations out of the demo.');
  for (const l of logins) logger.info(`Demo sign-in for ${l.role.replace('_', ' ')}: pseudonym "${l.pseudonym}", password "${l.password}"`);
  return logins;
}

/** Creates a group through the groups service, then fills it the way people would: joining, requests, roles. */
async function seedGroup(services: Services, actor: (key: string) => Actor, user: (key: string) => UserRow, g: DemoGroup): Promise<string> {
  const lead = actor(g.facilitator);
  const group = await services.groups.createGroup(lead, g.body as GroupBody);
  const join = async (key: string) => {
    const { status } = await services.groups.joinGroup(actor(key), group.id, { acceptAgreements: true });
    if (status === 'requested') await services.groups.decideRequest(lead, group.id, user(key).id, 'approve');
  };
  for (const key of [...(g.coFacilitators ?? []), ...g.members]) await join(key);
  for (const key of g.coFacilitators ?? []) await services.groups.changeRole(lead, group.id, user(key).id, 'co_facilitator');
  for (const key of g.requested ?? []) await services.groups.joinGroup(actor(key), group.id, { acceptAgreements: true });
  return group.id;
}

/**
 * Recurring schedules (RRULE in the group's time zone) materialized four weeks back and eight ahead, plus one
 * one-off session, with a few RSVPs and past attendance. Written directly: the seed runs before anyone signs in.
 */
async function seedSessions(database: Database, user: (key: string) => UserRow, groupIds: Map<string, string>, now: Date) {
  const { db } = database;
  for (const g of GROUPS) {
    if (!g.schedule) continue;
    const groupId = groupIds.get(g.key)!;
    const startLocal = `${instantToLocal(new Date(now.getTime() - 42 * DAY), g.body.timezone).slice(0, 10)}T${g.schedule.time}`;
    const rec = { rrule: g.schedule.rrule, startLocal, timezone: g.body.timezone, durationMinutes: g.schedule.durationMinutes };
    const [schedule] = await db.insert(schedules).values({ groupId, title: g.schedule.title, ...rec }).returning();
    const occurrences = expandOccurrences(rec, new Date(now.getTime() - 28 * DAY), new Date(now.getTime() + 56 * DAY));
    if (occurrences.length === 0) continue;
    const rows = await db
      .insert(sessions)
      .values(occurrences.map((o) => ({ groupId, scheduleId: schedule!.id, occurrenceLocal: o.occurrenceLocal, title: g.schedule!.title, startsAt: o.startsAt, endsAt: o.endsAt })))
      .returning();
    const past = rows.filter((s) => s.endsAt < now).slice(-2);
    const next = rows.find((s) => s.startsAt > now);
    const attendees = [g.facilitator, ...(g.coFacilitators ?? []), ...g.members.slice(0, 3)];
    const mode = g.body.format === 'in_person' ? 'in_person' : 'online';
    for (const s of past) {
      await db.insert(attendance).values(attendees.map((key) => ({ sessionId: s.id, userId: user(key).id, mode, joinedAt: s.startsAt, leftAt: s.endsAt }) as const));
    }
    if (next) await db.insert(rsvps).values(attendees.map((key) => ({ sessionId: next.id, userId: user(key).id, status: 'going' as const })));
  }

  const group = GROUPS.find((g) => g.key === ONE_OFF_SESSION.group)!;
  const day = instantToLocal(new Date(now.getTime() + ONE_OFF_SESSION.inDays * DAY), group.body.timezone).slice(0, 10);
  const startsAt = localToInstant(`${day}T${ONE_OFF_SESSION.time}`, group.body.timezone);
  const [oneOff] = await db
    .insert(sessions)
    .values({ groupId: groupIds.get(group.key)!, title: ONE_OFF_SESSION.title, startsAt, endsAt: new Date(startsAt.getTime() + ONE_OFF_SESSION.durationMinutes * 60_000) })
    .returning();
  await db.insert(rsvps).values(['member', 'clinician', 'facilitator', 'mei'].map((key) => ({ sessionId: oneOff!.id, userId: user(key).id, status: 'going' as const })));
}

/** Group chat history, sent through the chat service (so bodies are encrypted), then dated into the past. */
async function seedChats(services: Services, database: Database, actor: (key: string) => Actor, groupIds: Map<string, string>, now: Date) {
  for (const [groupKey, lines] of Object.entries(GROUP_CHATS)) {
    const group = GROUPS.find((g) => g.key === groupKey)!;
    const room = await services.chat.getGroupRoom(actor(group.facilitator), groupIds.get(groupKey)!);
    for (const [i, line] of lines.entries()) {
      const { message } = await services.chat.postMessage(actor(line.who), room.roomId, { clientId: `demo-${groupKey}-${i}`, body: line.body });
      await database.db.update(messages).set({ createdAt: new Date(now.getTime() - line.minutesAgo * 60_000) }).where(eq(messages.id, message.id));
    }
  }
}

/** Public boards, threads with replies (some with a content note) and reactions, through the forums service. */
async function seedForums(services: Services, database: Database, actor: (key: string) => Actor, groupIds: Map<string, string>, now: Date) {
  const boardIds = new Map<string, string>();
  for (const b of PUBLIC_BOARDS) {
    const board = await services.forums.createBoard(actor('moderator'), { name: b.name, slug: b.slug, description: b.description });
    boardIds.set(b.key, board.id);
  }
  for (const t of FORUM_THREADS) await seedThread(services, database, actor, boardIds.get(t.board)!, t.title, t.posts, now);
  for (const { group, thread } of GROUP_BOARD_THREADS) {
    const lead = GROUPS.find((g) => g.key === group)!.facilitator;
    const board = await services.forums.getGroupBoard(actor(lead), groupIds.get(group)!);
    await seedThread(services, database, actor, board.id, thread.title, thread.posts, now);
  }
}

async function seedThread(services: Services, database: Database, actor: (key: string) => Actor, boardId: string, title: string, posts: ForumPostSeed[], now: Date) {
  const [opening, ...replies] = posts;
  if (!opening) return;
  const view = await services.forums.createThread(actor(opening.who), boardId, { title, body: opening.body, contentNote: opening.contentNote ?? null });
  const ids = [view.posts[0]!.id];
  for (const r of replies) ids.push((await services.forums.createReply(actor(r.who), view.thread.id, { body: r.body, contentNote: r.contentNote ?? null })).id);
  for (const [i, p] of posts.entries()) {
    for (const [kind, who] of Object.entries(p.reactions ?? {}) as [ForumReactionKind, string[]][]) {
      for (const key of who) await services.forums.addReaction(actor(key), ids[i]!, kind);
    }
  }
  // Date the conversation into the past so the demo reads like a living community.
  const at = posts.map((p) => new Date(now.getTime() - p.hoursAgo * HOUR));
  for (const [i, id] of ids.entries()) await database.db.update(forumPosts).set({ createdAt: at[i]! }).where(eq(forumPosts.id, id));
  await database.db
    .update(forumThreads)
    .set({ createdAt: at[0]!, lastActivityAt: new Date(Math.max(...at.map((d) => d.getTime()))) })
    .where(inArray(forumThreads.id, [view.thread.id]));
}

type ForumReactionKind = 'hug' | 'thank_you' | 'me_too';
