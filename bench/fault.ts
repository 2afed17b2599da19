/**
 * Fault run: three nodes on PostgreSQL 18 + Redis under a steady chat load; one node is SIGKILLed in the middle. Its
 * readers reconnect to the others with their last seq and its in-flight sends are retried elsewhere with the same
 * client id. Reports every acknowledged message against every reader: lost and duplicated deliveries.
 *
 *   npm run bench:fault -- [--rooms 50] [--members 10] [--rate 50] [--seconds 20]
 */
import { percentile, startBenchCluster } from './support/cluster.ts';
import { connectReaders, startSteadyLoad } from './support/load.ts';
import { createChatWorld } from './support/world.ts';
import { numberArg } from './support/args.ts';

const arg = numberArg;
const ROOMS = arg('rooms', 50);
const MEMBERS = arg('members', 10);
const RATE = arg('rate', 50);
const SECONDS = arg('seconds', 20);

async function main() {
  const cluster = await startBenchCluster(3);
  try {
    const world = await createChatWorld(cluster.database.db, { rooms: ROOMS, membersPerRoom: MEMBERS });
    const urls = cluster.nodes.map((n) => n.url);
    const latencies: number[] = [];
    const readers = await connectReaders(world, urls, (ms) => latencies.push(ms));
    const load = startSteadyLoad(world, urls, RATE);
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
    const victim = cluster.nodes[2]!;
    const killedAt = load.stats.acked;
    await victim.kill();
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
    await load.stop();
    let lost = 0;
    let expectedDeliveries = 0;
    // On a busy machine the failover backlog can take a while to drain: late is not lost, so wait up to two minutes.
    const stoppedAt = Date.now();
    const deadline = stoppedAt + 120_000;
    for (const { room, reader } of readers.readers) {
      const acked = load.acked.get(room.roomId)!;
      expectedDeliveries += acked.length;
      await reader.waitFor(acked, Math.max(500, deadline - Date.now())).catch(() => {});
      lost += acked.filter((s) => !reader.seqs.has(s)).length;
    }
    const drainedInMs = Date.now() - stoppedAt;
    const duplicates = readers.readers.reduce((n, r) => n + r.reader.duplicates, 0);
    const reconnects = readers.readers.reduce((n, r) => n + r.reader.reconnects, 0);
    readers.close();
    console.log(`fault run: 3 nodes, ${ROOMS} rooms × ${MEMBERS} members, ${RATE} messages/s for ${SECONDS} s; node 3 SIGKILLed after ${killedAt} acknowledged messages`);
    console.log(`  acknowledged messages     ${load.stats.acked}   (failed sends after retries: ${load.stats.errors})`);
    console.log(`  expected deliveries       ${expectedDeliveries}`);
    console.log(`  lost deliveries           ${lost}   (waited ${(drainedInMs / 1000).toFixed(1)} s after the load stopped for the last deliveries)`);
    console.log(`  duplicate deliveries      ${duplicates}`);
    console.log(`  readers that reconnected  ${reconnects} (of ${readers.readers.length}; a third were on the killed node)`);
    console.log(`  delivery latency over the run: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
  } finally {
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
