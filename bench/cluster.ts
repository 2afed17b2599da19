/**
 * Scale-out: the same rooms workload on 1, 2 and 3 Hearth nodes sharing one PostgreSQL 18 and one redis-server
 * (members and senders spread evenly over the nodes), the throughput ratio against one node, and the latency of a
 * message that crosses nodes (sent to node 1, read on node 2) against one that does not, in the same run.
 *
 *   npm run bench:cluster -- [--nodes 3] [--rooms 200] [--members 10] [--seconds 8] [--concurrency 32] [--rate 100]
 *
 * All nodes, the databases and the load generator share this machine's 2 cores: more nodes add parallelism only
 * where a core is idle. On separate machines each node brings its own cores.
 */
import { performance } from 'node:perf_hooks';
import { LiveReader } from '../server/src/scale/live-reader.ts';
import { sendWithRetry } from '../server/src/scale/sender.ts';
import { percentile, startBenchCluster } from './support/cluster.ts';
import { runHearthWorkload, type WorkloadResult } from './support/rooms-workload.ts';
import { createChatWorld } from './support/world.ts';
import { numberArg } from './support/args.ts';

const arg = numberArg;
const MAX_NODES = arg('nodes', 3);
const ROOMS = arg('rooms', 200);
const MEMBERS = arg('members', 10);
/** Only the same-node / cross-node latency probe (on 2 nodes), without the throughput runs. */
const PROBE_ONLY = process.argv.includes('--probe-only');
const WORKLOAD = { seconds: arg('seconds', 8), concurrency: arg('concurrency', 32), steadyRate: arg('rate', 100) };

/** p50/p99 of messages sent to `sendNode` and read on `readNode`, one at a time (no queueing). */
async function probeLatency(sendNode: string, readNode: string, room: { roomId: string; members: Array<{ cookie: string; csrfToken: string }> }, count = 100) {
  const reader = new LiveReader([readNode], room.members[1]!.cookie, `room:${room.roomId}`);
  await reader.connect();
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const ack = await sendWithRetry([sendNode], 0, room.members[0]!, room.roomId, `probe-${performance.now()}`, 'A probe message');
    await reader.waitFor([ack.seq], 10_000);
    latencies.push(reader.arrivedAt.get(ack.seq)! - started);
  }
  reader.close();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main() {
  const cluster = await startBenchCluster(PROBE_ONLY ? 2 : 1);
  const results: Array<{ nodes: number; result: WorkloadResult }> = [];
  try {
    for (let n = 1; n <= (PROBE_ONLY ? 0 : MAX_NODES); n++) {
      if (n > 1) await cluster.addNodes(1);
      const world = await createChatWorld(cluster.database.db, { rooms: ROOMS, membersPerRoom: MEMBERS, tag: `c${n}x${Date.now().toString(36)}` });
      const result = await runHearthWorkload(cluster.nodes.map((x) => x.url), world, WORKLOAD);
      results.push({ nodes: n, result });
      console.log(`  ${n} node(s): ${Math.round(result.saturated.deliveriesPerSec).toLocaleString('en')} deliveries/s saturated; steady p50 ${result.steady.p50.toFixed(1)} ms, p99 ${result.steady.p99.toFixed(1)} ms`);
    }
    // The prober sends many messages in a row: a peer supporter, whom moderation does not rate-limit like a new member.
    const [probeRoom] = await createChatWorld(cluster.database.db, { rooms: 1, membersPerRoom: 2, tag: `probe${Date.now().toString(36)}`, role: 'peer_supporter' });
    const [a, b] = cluster.nodes;
    const same = await probeLatency(a!.url, a!.url, probeRoom!);
    const cross = await probeLatency(a!.url, b!.url, probeRoom!);

    const base = results[0]?.result.saturated.deliveriesPerSec ?? Number.NaN;
    console.log(`\nscale-out: ${ROOMS} rooms × ${MEMBERS} members on PostgreSQL 18 + Redis, ${WORKLOAD.concurrency} sends in flight, ${WORKLOAD.seconds} s per run`);
    for (const { nodes, result } of results) {
      console.log(`  ${nodes} node(s)  ${Math.round(result.saturated.deliveriesPerSec).toLocaleString('en').padStart(7)} deliveries/s  ${(result.saturated.deliveriesPerSec / base).toFixed(2)}× one node   steady ${WORKLOAD.steadyRate} msg/s: p50 ${result.steady.p50.toFixed(1)} ms, p99 ${result.steady.p99.toFixed(1)} ms`);
    }
    console.log(`latency of one message at a time (send → stored → delivered):`);
    console.log(`  same node   p50 ${same.p50.toFixed(1)} ms  p99 ${same.p99.toFixed(1)} ms`);
    console.log(`  cross-node  p50 ${cross.p50.toFixed(1)} ms  p99 ${cross.p99.toFixed(1)} ms  (Redis hop adds ${(cross.p50 - same.p50).toFixed(1)} ms at p50)`);
  } finally {
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
