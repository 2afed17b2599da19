/**
 * Group chat against ejabberd's multi-user chat, on the rooms workload of `bench:fanout`, in one run:
 * R rooms × K members, every member connected (Hearth: a WebSocket to one node on PostgreSQL; ejabberd: an XMPP
 * client stream via @xmpp/client), members posting to their room, each message going to everyone in it. Saturation
 * (closed loop, `--concurrency` sends in flight) for deliveries per second, then a steady rate for p50/p99 delivery
 * latency, with the bare `ws` room server as the physical reference. Hearth runs twice: sending over the member's own
 * websocket (`send` → `sent`, as the web app does, the same transport shape as a MUC groupchat stanza on the member's
 * XMPP stream) and over HTTP POST (the web app's fallback). Prints them side by side, with server CPU per message,
 * and the ratios.
 *
 *   apt-get install -y ejabberd        # once; the bench installs nothing itself
 *   npm run bench:ejabberd -- [--rooms 200] [--members 10] [--seconds 10] [--concurrency 32] [--rate 100]
 *
 * ejabberd is started by the bench with its own config (loopback only, anonymous SASL, mod_muc) in a temporary
 * folder and stopped at the end; see ejabberd-server.ts.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { client, xml } from '@xmpp/client';
import { startBenchCluster } from './support/cluster.ts';
import { sentAt } from './support/load.ts';
import { processCpuMs, runBareWorkload, runHearthSocketWorkload, runHearthWorkload, runPhases, saturatedFailed, steadyFailed, steadySkipped, type PhaseResult, type Target, type WorkloadOptions, type WorkloadResult } from './support/rooms-workload.ts';
import { loadAverage } from './support/machine.ts';
import { createChatWorld } from './support/world.ts';
import { numberArg } from './support/args.ts';
import { MUC_SERVICE, XMPP_DOMAIN, startEjabberd } from './ejabberd-server.ts';

const ROOMS = numberArg('rooms', 200);
const MEMBERS = numberArg('members', 10);
const WORKLOAD: WorkloadOptions = { seconds: numberArg('seconds', 10), concurrency: numberArg('concurrency', 32), steadyRate: numberArg('rate', 100) };
const BODY = 'A message of ordinary length, a sentence or two.';
const MUC = 'http://jabber.org/protocol/muc';

/** The parts of @xmpp/client (which ships no type declarations) this bench uses. */
type Element = { attrs: Record<string, string | undefined>; is(name: string): boolean; getChild(name: string): unknown; toString(): string };
type Client = {
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
  send(element: unknown): Promise<void>;
  on(event: string, listener: (value: never) => void): void;
  off(event: string, listener: (value: never) => void): void;
  iqCaller: { request(element: unknown): Promise<unknown> };
};
type Member = { xmpp: Client; room: string; nick: string; awaiting: Map<string, () => void> };

/** Signs in anonymously (SASL ANONYMOUS) over a plain loopback stream. */
async function connectMember(port: number, room: string, nick: string, onGroupchat: (member: Member, stanza: Element) => void): Promise<Member> {
  const xmpp = client({ service: `xmpp://127.0.0.1:${port}`, domain: XMPP_DOMAIN }) as Client;
  const member: Member = { xmpp, room, nick, awaiting: new Map() };
  xmpp.on('error', () => {});
  xmpp.on('stanza', (stanza: Element) => {
    if (stanza.is('message') && stanza.attrs.type === 'groupchat' && stanza.getChild('body')) onGroupchat(member, stanza);
  });
  await xmpp.start();
  return member;
}

/** Joins the room and resolves on the room's own presence for this nick (XEP-0045 §7.2). */
async function joinRoom(member: Member) {
  const self = `${member.room}/${member.nick}`;
  const joined = new Promise<void>((resolve, reject) => {
    const onStanza = (stanza: Element) => {
      if (!stanza.is('presence') || stanza.attrs.from !== self) return;
      member.xmpp.off('stanza', onStanza);
      if (stanza.attrs.type === 'error') reject(new Error(`could not join ${member.room}: ${stanza.toString()}`));
      else resolve();
    };
    member.xmpp.on('stanza', onStanza);
  });
  await member.xmpp.send(xml('presence', { to: self }, xml('x', { xmlns: MUC }, xml('history', { maxstanzas: '0' }))));
  await joined;
}

/** The same rooms and members on ejabberd MUC; a sender's own reflected copy is its acknowledgement, as with bare ws. */
async function runEjabberdWorkload(options: WorkloadOptions): Promise<WorkloadResult & { version: string }> {
  const server = await startEjabberd({ maxUsersPerRoom: MEMBERS });
  const latencies = { values: [] as number[] };
  const members: Member[][] = [];
  const onGroupchat = (member: Member, stanza: Element) => {
    const id = stanza.attrs.id;
    if (!id) return;
    const at = sentAt.get(id);
    if (at !== undefined) latencies.values.push(performance.now() - at);
    member.awaiting.get(id)?.();
  };
  try {
    for (let r = 0; r < ROOMS; r += 20) {
      // Twenty rooms at a time: sign in everyone, the first member creates the room as an instant room, then the rest join.
      await Promise.all(Array.from({ length: Math.min(20, ROOMS - r) }, async (_, j) => {
        const room = `bench${r + j}@${MUC_SERVICE}`;
        const people = await Promise.all(Array.from({ length: MEMBERS }, (_, k) => connectMember(server.port, room, `m${k}`, onGroupchat)));
        await joinRoom(people[0]!);
        await people[0]!.xmpp.iqCaller.request(xml('iq', { type: 'set', to: room }, xml('query', { xmlns: `${MUC}#owner` }, xml('x', { xmlns: 'jabber:x:data', type: 'submit' }))));
        await Promise.all(people.slice(1).map(joinRoom));
        members[r + j] = people;
      }));
    }
    const target: Target = {
      send(i, clientId) {
        const room = members[i % ROOMS]!;
        const sender = room[Math.floor(i / ROOMS) % room.length]!;
        return new Promise<void>((resolve) => {
          sender.awaiting.set(clientId, () => {
            sender.awaiting.delete(clientId);
            setTimeout(() => sentAt.delete(clientId), 30_000).unref();
            resolve();
          });
          void sender.xmpp.send(xml('message', { to: sender.room, type: 'groupchat', id: clientId }, xml('body', {}, BODY)));
        });
      },
      close() {},
      ...(server.pid ? { serverCpuMs: () => processCpuMs(server.pid) } : {}),
    };
    console.error(`ejabberd ${server.version}: ${ROOMS * MEMBERS} members joined ${ROOMS} rooms`);
    const result = await runPhases(target, latencies, options);
    return { ...result, version: server.version };
  } finally {
    await Promise.all(members.flat().map((m) => m.xmpp.stop().catch(() => {})));
    await server.stop();
  }
}

async function main() {
  console.log(`group chat: ${ROOMS} rooms × ${MEMBERS} members = ${ROOMS * MEMBERS} connected; ${os.cpus().length} cores; load average (1/5/15 min) at start ${loadAverage()}`);
  const cluster = await startBenchCluster(1, { redis: false });
  let socket: WorkloadResult;
  let http: WorkloadResult;
  let ejabberd: WorkloadResult & { version: string };
  let bare: WorkloadResult;
  try {
    const world = await createChatWorld(cluster.database.db, { rooms: ROOMS, membersPerRoom: MEMBERS });
    const node = cluster.nodes[0]!;
    socket = await runHearthSocketWorkload(node.url, world, WORKLOAD, node.child.pid);
    console.error('Hearth, send over ws: done');
    // Let the node finish the first phase's 2,000 goodbyes (presence, attendance) before 2,000 new sockets arrive.
    await new Promise((r) => setTimeout(r, 5000));
    http = await runHearthWorkload([node.url], world, WORKLOAD, node.child.pid);
    console.error('Hearth, send over HTTP: done');
    await cluster.stopNodes();
    ejabberd = await runEjabberdWorkload(WORKLOAD);
    console.error('ejabberd: done');
    bare = await runBareWorkload(world, WORKLOAD);
  } finally {
    await cluster.stop();
  }
  const fmt = (n: number | undefined, digits = 0) => (n !== undefined && Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
  const rows: Array<[string, WorkloadResult]> = [['bare ws rooms', bare], ['ejabberd mod_muc', ejabberd], ['Hearth, send over ws', socket], ['Hearth, send over HTTP', http]];
  const table = (phase: 'saturated' | 'steady') => {
    console.log(`  ${'server'.padEnd(24)} ${'sent msg/s'.padStart(10)} ${'deliveries/s'.padStart(13)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'server CPU ms/msg'.padStart(18)}`);
    for (const [name, result] of rows) {
      const r = result[phase];
      console.log(`  ${name.padEnd(24)} ${fmt(r.messagesPerSec).padStart(10)} ${fmt(r.deliveriesPerSec).padStart(13)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)} ${fmt(r.serverCpuMsPerMessage, 2).padStart(18)}`);
    }
  };
  const pct = (a: PhaseResult, b: PhaseResult) => `${((a.deliveriesPerSec / b.deliveriesPerSec) * 100).toFixed(1)}%`;
  const cpuRatio = (a: PhaseResult, b: PhaseResult) => (a.serverCpuMsPerMessage && b.serverCpuMsPerMessage ? `${(a.serverCpuMsPerMessage / b.serverCpuMsPerMessage).toFixed(1)}×` : '–');
  console.log(`\nejabberd ${ejabberd.version} mod_muc over XMPP; Hearth full path (one node, embedded PostgreSQL) sending over its websocket and over HTTP; bare ws. Server CPU is the server process's own (ejabberd: its Erlang VM; Hearth: the node, PostgreSQL excluded).`);
  console.log(`saturation (closed loop, ${WORKLOAD.concurrency} sends in flight, ${WORKLOAD.seconds} s):`);
  table('saturated');
  const [s, h, e, b] = [socket.saturated, http.saturated, ejabberd.saturated, bare.saturated];
  console.log(`  deliveries/s: Hearth over ws ${pct(s, e)} of ejabberd (over HTTP ${pct(h, e)}); ejabberd ${pct(e, b)} of bare ws; Hearth over ws ${pct(s, b)} of bare ws`);
  console.log(`  server CPU per message: Hearth over ws ${cpuRatio(s, e)} ejabberd's (over HTTP ${cpuRatio(h, e)})`);
  console.log(`steady load (${WORKLOAD.steadyRate} messages/s = ${WORKLOAD.steadyRate * MEMBERS} deliveries/s, ${WORKLOAD.seconds} s):`);
  table('steady');
  console.log(`sends that failed: ${saturatedFailed} at saturation, ${steadyFailed} at the steady load; not offered at the steady load (64 already waiting): ${steadySkipped}`);
  console.log(`load average at end ${loadAverage()}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
