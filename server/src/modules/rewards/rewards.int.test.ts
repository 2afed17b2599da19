import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { addMember, createGroup } from '../../test/factories/groups.ts';
import { createPublicBoard } from '../../test/factories/forums.ts';
import { createRewardsService } from './rewards.service.ts';
import { createRewardsPersonalData } from './rewards.personal-data.ts';

let t: TestServer;

beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

type Journey = { milestones: Array<{ id: string; earned: boolean; awardedAt: string | null; progress: { current: number; target: number } }>; cards: Array<{ text: string; fromName: string | null }>; rhythm: { current: number; longest: number } };

async function journey(user: TestUser): Promise<Journey> {
  const res = await t.client(user).get('/api/rewards/journey');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A group with the people as members and one session the member attends online. */
async function attendOneSession(member: TestUser) {
  const { group, facilitator } = await createGroup(t);
  await addMember(t, group.id, facilitator, member);
  const startLocal = DateTime.now().setZone('Europe/London').plus({ minutes: 5 }).toFormat("yyyy-MM-dd'T'HH:mm");
  const session = (await t.client(facilitator).post(`/api/groups/${group.id}/sessions`, { startLocal, durationMinutes: 60 })).json();
  await t.services.sessions.recordOnlineJoin(session.id, member.id);
  return { group, facilitator };
}

describe('milestones', () => {
  it('appear after the qualifying action, are stored once and announced once', async () => {
    const member = await t.createUser('member');
    const before = await journey(member);
    expect(before.milestones.find((m) => m.id === 'first-session')).toMatchObject({ earned: false, progress: { current: 0, target: 1 } });

    await attendOneSession(member);
    const after = await journey(member);
    const first = after.milestones.find((m) => m.id === 'first-session')!;
    expect(first.earned).toBe(true);
    expect(first.awardedAt).not.toBeNull();
    expect(after.milestones[0]!.id).toBe('first-session');
    expect(after.rhythm.current).toBe(1);

    await journey(member);
    const { rows } = await t.database.pool.query("select ruleid, count(*)::int as n from (select rule_id as ruleid from reward_milestones where user_id = $1) m group by ruleid", [member.id]);
    expect(rows.find((r) => r.ruleid === 'first-session').n).toBe(1);
    const notes = await t.database.pool.query("select count(*)::int as n from notifications where user_id = $1 and kind = 'milestone.reached'", [member.id]);
    expect(notes.rows[0].n).toBe(1);
  });

  it('counts replies to other people\'s threads towards "Reaching out"', async () => {
    const { board } = await createPublicBoard(t);
    const [author, replier] = await Promise.all([t.createUser('member'), t.createUser('member')]);
    const thread = (await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Small wins this week', body: 'I went for a walk.' })).json();
    const threadId = thread.thread?.id ?? thread.id;
    expect((await t.client(replier).post(`/api/forums/threads/${threadId}/posts`, { body: 'That is lovely to hear.' })).statusCode).toBe(201);
    expect((await journey(replier)).milestones.find((m) => m.id === 'first-reply')?.earned).toBe(true);
    expect((await journey(author)).milestones.find((m) => m.id === 'first-reply')?.earned).toBe(false);
  });

  it('does not offer milestones whose activity nothing reports yet', async () => {
    const bare = createRewardsService({ db: t.database.db });
    const rules = bare.listRules().rules;
    expect(rules.find((r) => r.id === 'first-session')?.earnable).toBe(false);
    expect(rules.find((r) => r.id === 'thank-you-card')?.earnable).toBe(true);
    const member = await t.createUser('member');
    const view = await bare.getJourney({ userId: member.id, orgId: member.orgId, role: 'member', timezone: 'UTC' });
    expect(view.milestones.map((m) => m.id)).toEqual(['thank-you-card']);
  });

  it('documents every rule (401 without a session)', async () => {
    const member = await t.createUser('member');
    expect((await t.client().get('/api/rewards/rules')).statusCode).toBe(401);
    const res = await t.client(member).get('/api/rewards/rules');
    expect(res.json().graceWeeks).toBe(1);
    const session = res.json().rules.find((r: { id: string }) => r.id === 'first-session');
    expect(session).toMatchObject({ earnable: true, threshold: 1, metric: 'sessions_attended' });
    expect(session.howToEarn).toMatch(/sessions you attended/i);
    expect((await t.client().get('/api/rewards/journey')).statusCode).toBe(401);
  });
});

describe('thank-you cards', () => {
  it('lets a peer supporter thank a member they share a group with, once a week, kindly limited', async () => {
    const member = await t.createUser('member');
    const supporter = await t.createUser('peer_supporter', { displayName: 'Robin (peer supporter)' });
    const { group, facilitator } = await createGroup(t);
    await addMember(t, group.id, facilitator, member);
    await addMember(t, group.id, facilitator, supporter);
    const stranger = await t.createUser('member');

    expect((await t.client().post('/api/rewards/thank-you-cards', { recipientId: member.id, template: 'glad-you-came' })).statusCode).toBe(401);
    expect((await t.client(stranger).post('/api/rewards/thank-you-cards', { recipientId: member.id, template: 'glad-you-came' })).statusCode).toBe(403);
    expect((await t.client(supporter).post('/api/rewards/thank-you-cards', { recipientId: member.id, template: 'you-are-the-best' })).statusCode).toBe(422);
    expect((await t.client(supporter).post('/api/rewards/thank-you-cards', { recipientId: 'nobody', template: 'glad-you-came' })).statusCode).toBe(422);
    expect((await t.client(supporter).post('/api/rewards/thank-you-cards', { recipientId: stranger.id, template: 'glad-you-came' })).statusCode).toBe(404);
    expect((await t.client(supporter).post('/api/rewards/thank-you-cards', { recipientId: supporter.id, template: 'glad-you-came' })).statusCode).toBe(404);

    const sent = await t.client(supporter).post('/api/rewards/thank-you-cards', { recipientId: member.id, template: 'glad-you-came' });
    expect(sent.statusCode, sent.body).toBe(201);
    const again = await t.client(supporter).post('/api/rewards/thank-you-cards', { recipientId: member.id, template: 'kept-going' });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.message).toMatch(/this week/);

    const view = await journey(member);
    expect(view.cards).toEqual([expect.objectContaining({ text: 'I am really glad you came. Thank you for being part of the group.', fromName: 'Robin (peer supporter)' })]);
    expect(view.milestones.find((m) => m.id === 'thank-you-card')?.earned).toBe(true);
    const templates = await t.client(supporter).get('/api/rewards/thank-you-cards/templates');
    expect(templates.json().templates.length).toBeGreaterThanOrEqual(3);
  });
});

describe('privacy: a journey is personal', () => {
  it('no rewards route returns another person\'s milestones, progress, ids or names', async () => {
    const achiever = await t.createUser('member', { displayName: 'Achiever Alex' });
    const supporter = await t.createUser('peer_supporter', { displayName: 'Supporter Sam' });
    const { group, facilitator } = await attendOneSession(achiever);
    await addMember(t, group.id, facilitator, supporter);
    await t.client(supporter).post('/api/rewards/thank-you-cards', { recipientId: achiever.id, template: 'your-courage' });
    await journey(achiever);

    const onlooker = await t.createUser('member', { displayName: 'Onlooker Olu' });
    const routes = ['/api/rewards/rules', '/api/rewards/journey', '/api/rewards/thank-you-cards/templates'];
    for (const viewer of [onlooker, supporter]) {
      for (const route of routes) {
        const body = (await t.client(viewer).get(route)).body;
        expect(body, `${route} as ${viewer.role}`).not.toContain(achiever.id);
        expect(body, `${route} as ${viewer.role}`).not.toContain('Achiever Alex');
      }
      const mine = await journey(viewer);
      expect(mine.milestones.find((m) => m.id === 'first-session')?.earned).toBe(false);
    }
    // The recipient sees the card's sender by name only: never the sender's id or journey.
    const own = (await t.client(achiever).get('/api/rewards/journey')).body;
    expect(own).not.toContain(supporter.id);
    expect(own).toContain('Supporter Sam');
  });

  it('no route ranks or compares people', async () => {
    const spec = (await t.client().get('/api/openapi.json')).json();
    const paths = Object.keys(spec.paths);
    expect(paths.filter((p) => /leaderboard|ranking|top-|compare|percentile/i.test(p))).toEqual([]);
    const rewardSchemas = JSON.stringify(paths.filter((p) => p.startsWith('/api/rewards')).map((p) => spec.paths[p]));
    expect(rewardSchemas).not.toMatch(/"(rank|position|percentile|leaderboard|others|average)"/i);
  });

  it('erases a person\'s milestones and received cards, and unsigns the cards they sent', async () => {
    const person = await t.createUser('peer_supporter');
    const friend = await t.createUser('member');
    const { group, facilitator } = await attendOneSession(person);
    await addMember(t, group.id, facilitator, friend);
    await journey(person);
    await t.client(person).post('/api/rewards/thank-you-cards', { recipientId: friend.id, template: 'thinking-of-you' });
    const contributor = createRewardsPersonalData({ db: t.database.db });
    expect(JSON.stringify(await contributor.export(person.id))).toContain('first-session');
    await t.database.db.transaction((tx) => contributor.erase(tx, person.id));
    const left = await t.database.pool.query('select count(*)::int as n from reward_milestones where user_id = $1', [person.id]);
    expect(left.rows[0].n).toBe(0);
    const cards = await t.database.pool.query('select sender_id from thank_you_cards where recipient_id = $1', [friend.id]);
    expect(cards.rows).toEqual([{ sender_id: null }]);
  });
});
