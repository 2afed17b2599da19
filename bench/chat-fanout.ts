/**
 * Chat fan-out: Hearth's full message path against a bare `ws` room server, on the same workload in the same run.
 * Prints figures and ratios; no thresholds (house style: ratios, not asserts).
 *
 *   npm run bench:fanout -- [--rooms 200] [--members 10] [--seconds 10] [--concurrency 32] [--rate 100]
 *
 * Workload: R rooms × K members (2,000 by default), each member on a real WebSocket subscribed to their room; members
 * post to their room and every message goes to everyone in it (the sender's own copy included, on both servers).
 * Three servers, each in its own process, one after the other:
 *   - bare ws: stamps a per-room seq and broadcasts. No auth, no safety, no moderation, no storage.
 *   - Hearth, sent over HTTP POST: session lookup, crisis assessment, moderation gate, encrypted insert with the
 *     room's seq, acknowledged once committed, then fan-out.
 *   - Hearth, sent over the websocket (`send` → `sent`): the same path without an HTTP request per message.
 * Two phases each: saturation (closed loop, `concurrency` sends in flight) and a fixed offered load (`rate` messages/s).
 * "Delivered messages/s" counts every copy received by a member within the phase. Server CPU per message (from
 * /proc) is the figure that does not move with other work on the machine; rates and latencies do.
 * Starts embedded PostgreSQL 18 (or BENCH_DATABASE_URL) in a temporary folder.
 */
import os from 'node:os';
import { startBenchCluster } from './support/cluster.ts';
import { runBareWorkload, runHearthSocketWorkload, runHearthWorkload, saturatedFailed, steadyFailed, steadySkipped, type PhaseResult, type WorkloadResult } from './support/rooms-workload.ts';
import { createChatWorld } from './support/world.ts';
import { numberArg } from './support/args.ts';

const ROOMS = numberArg('rooms', 200);
const MEMBERS = numberArg('members', 10);
const WORKLOAD = { seconds: numberArg('seconds', 10), concurrency: numberArg('concurrency', 32), steadyRate: numberArg('rate', 100) };
/** The goals of issue 8. */
const GOAL_RATIO = 0.7;
const GOAL_P99_MS = 100;

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');

function table(title: string, rows: Array<[string, PhaseResult]>, bare: PhaseResult) {
  console.log(`\n${title}`);
  console.log(`  ${'server'.padEnd(22)} ${'sent msg/s'.padStart(10)} ${'delivered msg/s'.padStart(16)} ${'vs bare'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'server CPU ms/msg'.padStart(18)}`);
  for (const [name, r] of rows) {
    const ratio = `${((r.deliveriesPerSec / bare.deliveriesPerSec) * 100).toFixed(0)}%`;
    console.log(`  ${name.padEnd(22)} ${fmt(r.messagesPerSec).padStart(10)} ${fmt(r.deliveriesPerSec).padStart(16)} ${ratio.padStart(8)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)} ${fmt(r.serverCpuMsPerMessage ?? Number.NaN, 2).padStart(18)}`);
  }
}

async function main() {
  console.log(`chat fan-out: ${ROOMS} rooms × ${MEMBERS} members = ${ROOMS * MEMBERS} connected over real WebSockets; ${os.cpus().length} cores; load average (1/5/15 min) at start ${load()}`);
  const cluster = await startBenchCluster(1, { redis: false });
  let http: WorkloadResult;
  let socket: WorkloadResult;
  let bare: WorkloadResult;
  try {
    const world = await createChatWorld(cluster.database.db, { rooms: ROOMS, membersPerRoom: MEMBERS });
    const node = cluster.nodes[0]!;
    http = await runHearthWorkload([node.url], world, WORKLOAD, node.child.pid);
    // Let the node finish the HTTP phase's 2,000 goodbyes (presence, attendance) before 2,000 new sockets arrive.
    await new Promise((r) => setTimeout(r, 5000));
    socket = await runHearthSocketWorkload(node.url, world, WORKLOAD, node.child.pid);
    await cluster.stopNodes();
    bare = await runBareWorkload(world, WORKLOAD);
  } finally {
    await cluster.stop();
  }
  table(`saturation: closed loop, ${WORKLOAD.concurrency} sends in flight, ${WORKLOAD.seconds} s`, [['bare ws', bare.saturated], ['Hearth, send over HTTP', http.saturated], ['Hearth, send over ws', socket.saturated]], bare.saturated);
  table(`fixed offered load: ${WORKLOAD.steadyRate} messages/s (${WORKLOAD.steadyRate * MEMBERS} deliveries/s), ${WORKLOAD.seconds} s`, [['bare ws', bare.steady], ['Hearth, send over HTTP', http.steady], ['Hearth, send over ws', socket.steady]], bare.steady);

  const best = socket.saturated.deliveriesPerSec >= http.saturated.deliveriesPerSec ? { name: 'over ws', r: socket } : { name: 'over HTTP', r: http };
  const ratio = best.r.saturated.deliveriesPerSec / bare.saturated.deliveriesPerSec;
  console.log(`\ngoals (issue 8), measured in this run:`);
  console.log(`  throughput: Hearth (send ${best.name}) delivers ${(ratio * 100).toFixed(1)}% of bare ws at saturation (goal ≥ ${GOAL_RATIO * 100}%): ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}`);
  for (const [name, r] of [['over HTTP', http], ['over ws', socket]] as const) {
    console.log(`  p99 at ${ROOMS * MEMBERS} members in ${ROOMS} rooms, ${WORKLOAD.steadyRate} messages/s, send ${name}: ${fmt(r.steady.p99, 1)} ms (goal < ${GOAL_P99_MS} ms): ${r.steady.p99 < GOAL_P99_MS ? 'met' : 'NOT met'}`);
  }
  console.log(`  sends that failed: ${saturatedFailed} at saturation, ${steadyFailed} at the fixed load; not offered at the fixed load (64 already waiting): ${steadySkipped}`);
  console.log(`  load average at end ${load()}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
