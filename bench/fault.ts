/**
 * Fault run: three nodes on PostgreSQL 18 + Redis under a steady chat load; one node is SIGKILLed in the middle. Its
 * readers reconnect to the others with their last seq and its in-flight sends are retried elsewhere with the same
 * client id. Reports every acknowledged message against every reader: lost and duplicated deliveries. Also counts, with
 * PostgreSQL's pg_stat_statements (turned on by the bench, nothing in the server), the backlog reads (`messages` after a
 * seq) the nodes made for the first joins, in the half without a failure, and from the kill on, against the reconnects.
 *
 *   npm run bench:fault -- [--rooms 50] [--members 10] [--rate 50] [--seconds 20]
 */
import { percentile, startBenchCluster } from './support/cluster.ts';
import { connectReaders, startSteadyLoad } from './support/load.ts';
import { createChatWorld } from './support/world.ts';
import { numberArg } from './support/args.ts';
import { loadAverage } from './support/machine.ts';

const arg = numberArg;
const ROOMS = arg('rooms', 50);
const MEMBERS = arg('members', 10);
const RATE = arg('rate', 50);
const SECONDS = arg('seconds', 20);
/** The chat backlog read (chat.repo.ts listMessagesAfter) as drizzle writes it; the int test catch-up.int.test.ts counts the same. */
const BACKLOG_READ = '"messages"\\."seq" > \\$';

async function main() {
  const loadAtStart = loadAverage();
  const cluster = await startBenchCluster(3, { statementStats: true });
  const stats = cluster.statements && 'count' in cluster.statements ? cluster.statements : null;
  const backlogReads = async () => (stats ? stats.count(BACKLOG_READ) : Number.NaN);
  try {
    const world = await createChatWorld(cluster.database.db, { rooms: ROOMS, membersPerRoom: MEMBERS });
    const urls = cluster.nodes.map((n) => n.url);
    const latencies: number[] = [];
    const readsBeforeJoins = await backlogReads();
    const readers = await connectReaders(world, urls, (ms) => latencies.push(ms));
    const readsAfterJoins = await backlogReads();
    const load = startSteadyLoad(world, urls, RATE);
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
    const victim = cluster.nodes[2]!;
    const killedAt = load.stats.acked;
    const readsAtKill = await backlogReads();
    const joinRetriesAtKill = readers.readers.reduce((n, r) => n + r.reader.joinRetries, 0);
    await victim.kill();
    // Each second after the kill: backlog reads and reconnects so far, so the reconnect burst and the survivors' own
    // catch-up (when the dead node's heartbeat lapses, about 5 s later) show apart.
    const timeline: Array<{ reads: number; reconnects: number }> = [];
    const sampler = setInterval(() => {
      const second = timeline.length;
      timeline.push({ reads: Number.NaN, reconnects: readers.readers.reduce((n, r) => n + r.reader.reconnects, 0) });
      void backlogReads().then((reads) => (timeline[second]!.reads = reads - readsAtKill), () => {});
    }, 1000);
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
    clearInterval(sampler);
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
    const joinRetries = readers.readers.reduce((n, r) => n + r.reader.joinRetries, 0) - joinRetriesAtKill;
    const readsAtEnd = await backlogReads();
    readers.close();
    const reads = (n: number) => (stats ? String(n) : '–');
    console.log(`fault run: 3 nodes, ${ROOMS} rooms × ${MEMBERS} members, ${RATE} messages/s for ${SECONDS} s; node 3 SIGKILLed after ${killedAt} acknowledged messages`);
    console.log(`  acknowledged messages     ${load.stats.acked}   (failed sends after retries: ${load.stats.errors})`);
    console.log(`  expected deliveries       ${expectedDeliveries}`);
    console.log(`  lost deliveries           ${lost}   (waited ${(drainedInMs / 1000).toFixed(1)} s after the load stopped for the last deliveries)`);
    console.log(`  duplicate deliveries      ${duplicates}`);
    console.log(`  readers that reconnected  ${reconnects} (of ${readers.readers.length}; a third were on the killed node)`);
    console.log(`  delivery latency over the run: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
    console.log(`  backlog reads (PostgreSQL's count of statements reading \`messages\` after a seq, all nodes):`);
    if (!stats) console.log(`    not counted: ${(cluster.statements as { unavailable: string } | null)?.unavailable ?? 'no statement statistics'}`);
    console.log(`    first joins of ${readers.readers.length} readers in ${ROOMS} rooms, before the load   ${reads(readsAfterJoins - readsBeforeJoins)}   (one read per join: ${readers.readers.length}; one per room and node: ${ROOMS * 3})`);
    console.log(`    first half of the load, no failure (${SECONDS / 2} s)              ${reads(readsAtKill - readsAfterJoins)}`);
    // After the kill, each reconnect (and join retry) asks for its backlog, and when the dead node's heartbeat lapses each
    // surviving node catches every one of its connections up: one read per connection would be the sum of the three.
    console.log(`    from the kill to the last delivery (surviving nodes)   ${reads(readsAtEnd - readsAtKill)}   for ${reconnects} reconnects, ${joinRetries} join retries and the catch-up of ${readers.readers.length} connections when node 3's heartbeat lapsed (one read per connection: ${reconnects + joinRetries + readers.readers.length})`);
    if (stats) console.log(`    after the kill, second by second (reads / reconnects so far): ${timeline.map((t, i) => `${i + 1}s ${t.reads}/${t.reconnects}`).join(', ')}`);
    console.log(`  load average (1/5/15 min) at start ${loadAtStart}, at end ${loadAverage()}`);
  } finally {
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
