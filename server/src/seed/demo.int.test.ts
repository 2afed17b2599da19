import { describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.ts';
import { SESSION_COOKIE } from '../platform/http/index.ts';
import { useDemoServer } from '../test/demo-server.ts';
import { seedDemo } from './demo.ts';

const demo = useDemoServer();
const { logged, cipher, signIn } = demo;

const count = async (sql: string) => Number((await demo.database.pool.query(sql)).rows[0].n);

describe('demo seed', () => {
  it('creates one organization with groups in every format, including a Spanish-language group', async () => {
    expect(await count('select count(*) as n from orgs')).toBe(1);
    const { rows } = await demo.database.pool.query('select format, language, venue_name, venue_lat, venue_lng from groups');
    expect(new Set(rows.map((r) => r.format))).toEqual(new Set(['online', 'in_person', 'hybrid']));
    expect(rows.some((r) => r.language === 'es')).toBe(true);
    for (const r of rows.filter((g) => g.format !== 'online')) {
      expect(r.venue_name).toBeTruthy();
      expect(typeof r.venue_lat).toBe('number');
      expect(typeof r.venue_lng).toBe('number');
    }
  });

  it('gives every group a recurring schedule with upcoming sessions, plus a one-off session', async () => {
    expect(await count('select count(distinct group_id) as n from schedules')).toBe(await count('select count(*) as n from groups'));
    expect(await count('select count(*) as n from schedules where rrule not like \'FREQ=%\'')).toBe(0);
    expect(await count('select count(*) as n from sessions where starts_at > now() and schedule_id is not null')).toBeGreaterThan(5);
    expect(await count('select count(*) as n from sessions where schedule_id is null')).toBe(1);
    expect(await count('select count(*) as n from rsvps')).toBeGreaterThan(0);
  });

  it('fills groups with facilitators, co-facilitators, members and a pending request', async () => {
    expect(await count(`select count(*) as n from group_members where role = 'facilitator' and status = 'active'`)).toBeGreaterThanOrEqual(5);
    expect(await count(`select count(*) as n from group_members where role = 'co_facilitator'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from group_members where status = 'requested'`)).toBeGreaterThan(0);
    const { rows } = await demo.database.pool.query('select distinct role from users');
    expect(rows.map((r) => r.role).sort()).toEqual(['admin', 'clinician', 'facilitator', 'member', 'moderator', 'peer_supporter']);
  });

  it('stores group chat history encrypted at rest', async () => {
    const { rows } = await demo.database.pool.query('select body_ciphertext from messages');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0].body_ciphertext).toMatch(/^v1:/);
    expect(cipher.decrypt(rows[0].body_ciphertext).length).toBeGreaterThan(0);
  });

  it('creates public and group boards with replies, content notes, reactions and maintained counts', async () => {
    expect(await count('select count(*) as n from forum_boards where group_id is null')).toBeGreaterThanOrEqual(4);
    expect(await count('select count(*) as n from forum_boards where group_id is not null')).toBeGreaterThanOrEqual(1);
    expect(await count('select count(*) as n from forum_posts where content_note is not null')).toBeGreaterThan(0);
    expect(await count('select count(*) as n from forum_reactions')).toBeGreaterThan(10);
    expect(await count(`select count(*) as n from forum_threads t where t.reply_count <> (select count(*) - 1 from forum_posts p where p.thread_id = t.id and p.deleted_at is null)`)).toBe(0);
    expect(await count(`select count(*) as n from forum_threads where last_activity_at > now()`)).toBe(0);
  });

  it('returns one sign-in per role, logs them, and each one signs in', async () => {
    expect(demo.logins.map((l) => l.role).sort()).toEqual(['admin', 'clinician', 'facilitator', 'member', 'moderator', 'peer_supporter']);
    for (const login of demo.logins) {
      const { res, cookie } = await signIn(login.pseudonym, login.password);
      expect(res.statusCode).toBe(200);
      expect(res.json().user.role).toBe(login.role);
      expect(cookie).toBeTruthy();
      expect(logged.join('\n')).toContain(login.pseudonym);
    }
  });

  it('shows the demo member their boards, threads with content notes, and the chat history through the API', async () => {
    const member = demo.logins.find((l) => l.role === 'member')!;
    const { cookie } = await signIn(member.pseudonym, member.password);
    const get = (url: string) => demo.server.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    const boards = (await get('/api/forums/boards')).json().boards;
    expect(boards.some((b: { kind: string }) => b.kind === 'group')).toBe(true);
    const hardDays = boards.find((b: { slug: string }) => b.slug === 'hard-days');
    const threads = (await get(`/api/forums/boards/${hardDays.id}/threads`)).json().threads;
    expect(threads.some((t: { contentNote: string | null }) => t.contentNote !== null)).toBe(true);
  });

  it('puts the demo moderator and clinician on the on-call rota with their own shifts', async () => {
    const moderator = demo.logins.find((l) => l.role === 'moderator')!;
    const { cookie } = await signIn(moderator.pseudonym, moderator.password);
    const rota = (await demo.server.app.inject({ method: 'GET', url: '/api/safety/oncall/rota', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } })).json();
    const onRota = rota.people.filter((p: { shifts: unknown[] }) => p.shifts.length > 0);
    expect(onRota.map((p: { role: string }) => p.role).sort()).toEqual(['clinician', 'moderator']);
    expect(onRota.every((p: { timezone: string | null }) => p.timezone === 'America/New_York')).toBe(true);
  });

  it('shows the newer features alive: a supervision meeting in both calendars, a program to withdraw from, a practised role-play', async () => {
    const as = async (role: string) => {
      const login = demo.logins.find((l) => l.role === role)!;
      const { cookie } = await signIn(login.pseudonym, login.password);
      return (url: string) => demo.server.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    };
    for (const role of ['peer_supporter', 'clinician']) {
      const { privateSessions } = (await (await as(role))('/api/me/private-sessions')).json();
      expect(privateSessions.some((s: { purpose: string; status: string }) => s.purpose === 'supervision' && s.status !== 'cancelled'), role).toBe(true);
    }
    const { programs } = (await (await as('member'))('/api/matching/programs')).json();
    expect(programs.some((p: { status: string; abilities: { withdraw: boolean } }) => p.status === 'open' && p.abilities.withdraw)).toBe(true);

    const { rows } = await demo.database.pool.query(`select l.id from training_lessons l join training_courses c on c.id = l.course_id where l.kind = 'roleplay' and c.created_by is not null`);
    expect(rows).toHaveLength(1);
    const source = (await (await as('facilitator'))(`/api/training/lessons/${rows[0].id}/source`)).json();
    expect(source.startedBy).toBe(1);
  });

  it('does nothing on a second start', async () => {
    const before = await Promise.all(['users', 'groups', 'sessions', 'messages', 'forum_posts', 'forum_reactions'].map((t) => count(`select count(*) as n from ${t}`)));
    expect(await seedDemo(demo.server.services, demo.database, createLogger('silent'))).toBeNull();
    const after = await Promise.all(['users', 'groups', 'sessions', 'messages', 'forum_posts', 'forum_reactions'].map((t) => count(`select count(*) as n from ${t}`)));
    expect(after).toEqual(before);
  });
});
