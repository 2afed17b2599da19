/**
 * Load for chat benches: one live reader per member (spread over the nodes), and senders that post at a steady rate
 * through the whole HTTP path. Latency is measured from just before the POST to each reader's arrival, in this process.
 */
import { performance } from 'node:perf_hooks';
import { LiveReader } from '../../server/src/scale/live-reader.ts';
import { sendWithRetry } from '../../server/src/scale/sender.ts';
import type { BenchRoom } from './world.ts';

/**
 * When each message was handed to the server, by client id (performance.now() of this process). Latency is keyed by
 * the client id, not by anything in the words, which moderation may redact or hold.
 */
export const sentAt = new Map<string, number>();

/** Records a delivery's latency once per reader; forgets send times older than a minute. */
function latencyOf(clientId: string): number | null {
  const at = sentAt.get(clientId);
  return at === undefined ? null : performance.now() - at;
}

export type Readers = { readers: Array<{ room: BenchRoom; reader: LiveReader }>; close(): void };

/** Connects every member of every room to node `(index) % nodes.length`, in batches so the nodes are not stampeded. */
export async function connectReaders(world: BenchRoom[], nodes: string[], onLatency: (ms: number) => void): Promise<Readers> {
  const readers: Readers['readers'] = [];
  let index = 0;
  for (const room of world) {
    for (const member of room.members) {
      const reader = new LiveReader(nodes, member.cookie, `room:${room.roomId}`, index++ % nodes.length, (event) => {
        if (event.type !== 'message.created') return;
        const ms = latencyOf(event.message.clientId);
        if (ms !== null) onLatency(ms);
      });
      readers.push({ room, reader });
    }
  }
  for (let i = 0; i < readers.length; i += 100) await Promise.all(readers.slice(i, i + 100).map((r) => r.reader.connect()));
  return { readers, close: () => readers.forEach((r) => r.reader.close()) };
}

export type SteadyLoad = {
  /** Acknowledged seqs per room. */
  acked: Map<string, number[]>;
  stats: { sent: number; acked: number; errors: number };
  stop(): Promise<void>;
};

/** Posts `ratePerSecond` messages per second in total, round-robin over rooms and nodes; each send retries elsewhere. */
export function startSteadyLoad(world: BenchRoom[], nodes: string[], ratePerSecond: number, maxInFlight = 200): SteadyLoad {
  const acked = new Map<string, number[]>(world.map((r) => [r.roomId, []]));
  const stats = { sent: 0, acked: 0, errors: 0 };
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let n = 0;
  const started = performance.now();
  const tick = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * ratePerSecond);
    while (!stopped && n < due && inFlight.size < maxInFlight) {
      const room = world[n % world.length]!;
      const member = room.members[Math.floor(n / world.length) % room.members.length]!;
      const i = n++;
      stats.sent++;
      const clientId = `load-${i}`;
      sentAt.set(clientId, performance.now());
      const p = sendWithRetry(nodes, i % nodes.length, member, room.roomId, clientId, 'A steady message of ordinary length, a sentence or two.')
        .then((ack) => {
          stats.acked++;
          acked.get(room.roomId)!.push(ack.seq);
        }, () => {
          stats.errors++;
        })
        .finally(() => {
          inFlight.delete(p);
          // Late deliveries (a reconnect's catch-up) may still need it for a while.
          setTimeout(() => sentAt.delete(clientId), 60_000).unref();
        });
      inFlight.add(p);
    }
    // Falling behind (the server is saturated): skip what cannot be sent rather than bursting later.
    if (n < due - ratePerSecond) n = due;
  }, 5);
  return {
    acked,
    stats,
    async stop() {
      stopped = true;
      clearInterval(tick);
      await Promise.all(inFlight);
    },
  };
}
