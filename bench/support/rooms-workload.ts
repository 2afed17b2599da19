/**
 * The rooms workload, run the same way against Hearth and against the bare `ws` reference: every member of every room
 * connected over a real WebSocket; members post to their room; each message goes to everyone in that room.
 * Two phases: saturation (closed loop, `concurrency` sends in flight) for delivered messages per second, then a steady
 * rate for p50/p99 delivery latency.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { sendWithRetry } from '../../server/src/scale/sender.ts';
import { percentile } from './cluster.ts';
import { connectReaders, sentAt } from './load.ts';
import type { BenchRoom } from './world.ts';

export type PhaseResult = { deliveriesPerSec: number; messagesPerSec: number; p50: number; p99: number; deliveries: number };
export type WorkloadResult = { saturated: PhaseResult; steady: PhaseResult };
export type WorkloadOptions = { seconds: number; concurrency: number; steadyRate: number };

type Target = {
  /** Sends message `i` and resolves when the sender has its acknowledgement. */
  send(i: number, clientId: string): Promise<void>;
  close(): void;
};

const BODY = 'A message of ordinary length, a sentence or two.';
let run = 0;
/** A client id unique across runs in this process, with its send time recorded for the latency figures. */
function stamp(i: number) {
  const clientId = `w${run}-${i}`;
  sentAt.set(clientId, performance.now());
  return clientId;
}

async function runPhases(target: Target, latencies: { values: number[] }, options: WorkloadOptions): Promise<WorkloadResult> {
  run++;
  let i = 0;
  const measure = async (run: (until: number) => Promise<number>): Promise<PhaseResult> => {
    latencies.values = [];
    const start = performance.now();
    const sent = await run(start + options.seconds * 1000);
    // Deliveries still in flight at the end are counted only if they arrive within the phase's time, like the rest.
    const seconds = (performance.now() - start) / 1000;
    const values = latencies.values;
    return { deliveriesPerSec: values.length / seconds, messagesPerSec: sent / seconds, p50: percentile(values, 50), p99: percentile(values, 99), deliveries: values.length };
  };
  // Warm-up: JIT, connection pools, prepared plans.
  await Promise.all(Array.from({ length: 50 }, () => target.send(i, stamp(i++))));
  const saturated = await measure(async (until) => {
    let sent = 0;
    await Promise.all(Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < until) {
        await target.send(i, stamp(i++));
        sent++;
      }
    }));
    return sent;
  });
  await new Promise((r) => setTimeout(r, 1000));
  const steady = await measure(async (until) => {
    let sent = 0;
    const inFlight: Promise<void>[] = [];
    const begin = performance.now();
    while (performance.now() < until) {
      const due = Math.floor(((performance.now() - begin) / 1000) * options.steadyRate);
      while (sent < due) {
        inFlight.push(target.send(i, stamp(i++)));
        sent++;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(inFlight);
    return sent;
  });
  return { saturated, steady };
}

/** Hearth: members read over `/ws` (subscribed with `after`), and post over HTTP with their session. */
export async function runHearthWorkload(nodes: string[], world: BenchRoom[], options: WorkloadOptions): Promise<WorkloadResult> {
  const latencies = { values: [] as number[] };
  const readers = await connectReaders(world, nodes, (ms) => latencies.values.push(ms));
  const target: Target = {
    async send(i, clientId) {
      const room = world[i % world.length]!;
      const member = room.members[Math.floor(i / world.length) % room.members.length]!;
      await sendWithRetry(nodes, i % nodes.length, member, room.roomId, clientId, BODY);
      setTimeout(() => sentAt.delete(clientId), 30_000).unref();
    },
    close: readers.close,
  };
  try {
    return await runPhases(target, latencies, options);
  } finally {
    target.close();
  }
}

/** The bare reference: the same rooms and members, a socket each; the sender's own copy is its acknowledgement. */
export async function runBareWorkload(world: BenchRoom[], options: WorkloadOptions): Promise<WorkloadResult> {
  const script = fileURLToPath(new URL('./bare-ws-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout!.on('data', (d) => {
    const m = /port (\d+)/.exec(d.toString());
    if (m) resolve(Number(m[1]));
  }));
  const latencies = { values: [] as number[] };
  type BareSocket = WebSocket & { awaiting: Map<string, () => void> };
  const sockets: BareSocket[][] = [];
  for (const room of world) {
    const roomSockets = await Promise.all(room.members.map(() => new Promise<BareSocket>((resolve, reject) => {
      const s = Object.assign(new WebSocket(`ws://127.0.0.1:${port}/?room=${room.roomId}`), { awaiting: new Map<string, () => void>() });
      s.on('message', (data) => {
        const event = JSON.parse(data.toString()) as { message: { body: string; clientId: string } };
        const at = sentAt.get(event.message.clientId);
        if (at !== undefined) latencies.values.push(performance.now() - at);
        // The sender's own copy is its acknowledgement.
        s.awaiting.get(event.message.clientId)?.();
      });
      s.once('open', () => resolve(s));
      s.once('error', reject);
    })));
    sockets.push(roomSockets);
  }
  const target: Target = {
    send(i, clientId) {
      const r = i % world.length;
      const socket = sockets[r]![Math.floor(i / world.length) % sockets[r]!.length]!;
      return new Promise<void>((resolve) => {
        socket.awaiting.set(clientId, () => {
          socket.awaiting.delete(clientId);
          resolve();
        });
        socket.send(JSON.stringify({ body: BODY, clientId }));
      });
    },
    close() {
      for (const s of sockets.flat()) s.close();
      child.kill('SIGKILL');
    },
  };
  try {
    return await runPhases(target, latencies, options);
  } finally {
    target.close();
  }
}
