/**
 * Group chat against ejabberd's multi-user chat, on the rooms workload of `bench:fanout`, in one run:
 * R rooms × K members, every member connected (Hearth: a WebSocket to one node on PostgreSQL; ejabberd: an XMPP
 * client stream via @xmpp/client), members posting to their room, each message going to everyone in it. Saturation
 * (closed loop, `--concurrency` sends in flight) for deliveries per second, then a steady rate for p50/p99 delivery
 * latency, with the bare `ws` room server as the physical reference. Prints the three side by side and the ratios.
 *
 *   apt-get install -y ejabberd        # once; the bench installs nothing itself
 *   npm run bench:ejabberd -- [--rooms 200] [--members 10] [--seconds 10] [--concurrency 32] [--rate 100]
 *
 * ejabberd is started by the bench with its own config (loopback only, anonymous SASL, mod_muc) in a temporary
 * folder and stopped at the end; see ejabberd-server.ts.
 */
import { performance } from 'node:perf_hooks';
import { client, xml } from '@xmpp/client';
import { startBenchCluster } from './support/cluster.ts';
import { sentAt } from './support/load.ts';
import { runBareWorkload, runHearthWorkload, runPhases, type PhaseResult, type Target, type WorkloadOptions, type WorkloadResult } from './support/rooms-workload.ts';
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
  const cluster = await startBenchCluster(1, { redis: false });
  let hearth: WorkloadResult;
  try {
    const world = await createChatWorld(cluster.database.db, { rooms: ROOMS, membersPerRoom: MEMBERS });
    hearth = await runHearthWorkload(cluster.nodes.map((n) => n.url), world, WORKLOAD);
    await cluster.stopNodes();
    console.error('Hearth: done');
    const ejabberd = await runEjabberdWorkload(WORKLOAD);
    console.error('ejabberd: done');
    const bare = await runBareWorkload(world, WORKLOAD);
    const row = (name: string, r: PhaseResult) =>
      `  ${name.padEnd(24)} ${Math.round(r.messagesPerSec).toLocaleString('en').padStart(7)} msg/s ${Math.round(r.deliveriesPerSec).toLocaleString('en').padStart(8)} deliveries/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms`;
    const pct = (a: PhaseResult, b: PhaseResult) => `${((a.deliveriesPerSec / b.deliveriesPerSec) * 100).toFixed(1)}%`;
    console.log(`\ngroup chat: ${ROOMS} rooms × ${MEMBERS} members = ${ROOMS * MEMBERS} connected; ejabberd ${ejabberd.version} mod_muc over XMPP, Hearth full path over HTTP + WebSocket, bare ws`);
    console.log(`saturation (closed loop, ${WORKLOAD.concurrency} sends in flight, ${WORKLOAD.seconds} s):`);
    console.log(row('bare ws rooms', bare.saturated));
    console.log(row('ejabberd mod_muc', ejabberd.saturated));
    console.log(row('Hearth full path', hearth.saturated));
    console.log(`  ratios: Hearth ${pct(hearth.saturated, ejabberd.saturated)} of ejabberd, ejabberd ${pct(ejabberd.saturated, bare.saturated)} of bare ws, Hearth ${pct(hearth.saturated, bare.saturated)} of bare ws`);
    console.log(`steady load (${WORKLOAD.steadyRate} messages/s = ${WORKLOAD.steadyRate * MEMBERS} deliveries/s, ${WORKLOAD.seconds} s):`);
    console.log(row('bare ws rooms', bare.steady));
    console.log(row('ejabberd mod_muc', ejabberd.steady));
    console.log(row('Hearth full path', hearth.steady));
  } finally {
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
