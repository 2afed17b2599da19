/**
 * The rooms workload, run the same way against Hearth and against the bare `ws` reference: every member of every room
 * connected over a real WebSocket; members post to their room; each message goes to everyone in that room.
 * Two phases: saturation (closed loop, `concurrency` sends in flight) for delivered messages per second, then a steady
 * rate for p50/p99 delivery latency.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ServerEvent } from '@hearth/contracts';
import { sendWithRetry } from '../../server/src/scale/sender.ts';
import { percentile } from './cluster.ts';
import { connectReaders, sentAt } from './load.ts';
import type { BenchRoom } from './world.ts';

export type PhaseResult = {
  deliveriesPerSec: number; messagesPerSec: number; p50: number; p99: number; deliveries: number;
  /** CPU time the server process used per message sent in the phase (load-independent, unlike wall-clock rates). */
  serverCpuMsPerMessage?: number;
};
export type WorkloadResult = { saturated: PhaseResult; steady: PhaseResult };
export type WorkloadOptions = { seconds: number; concurrency: number; steadyRate: number };

export type Target = {
  /** Sends message `i` and resolves when the sender has its acknowledgement. */
  send(i: number, clientId: string): Promise<void>;
  close(): void;
  /** CPU milliseconds the server process has used so far (user + system), when it runs in a process we know. */
  serverCpuMs?(): number;
};

/** CPU milliseconds (user + system) a process has used, from /proc (Linux); NaN when unreadable. */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line (12 and 13 after the command name), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS = 100;

const BODY = 'A message of ordinary length, a sentence or two.';
let run = 0;
/** A client id unique across runs in this process, with its send time recorded for the latency figures. */
function stamp(i: number) {
  const clientId = `w${run}-${i}`;
  sentAt.set(clientId, performance.now());
  return clientId;
}

/** How many sends of the fixed-load phase may wait for their acknowledgement at once. */
const MAX_WAITING_SENDS = 64;
/** Sends of the fixed-load phases that were not offered (too many waiting) or failed, since this process started. */
export let steadySkipped = 0;
export let steadyFailed = 0;
export let saturatedFailed = 0;

export async function runPhases(target: Target, latencies: { values: number[] }, options: WorkloadOptions): Promise<WorkloadResult> {
  run++;
  let i = 0;
  const measure = async (run: (until: number) => Promise<number>): Promise<PhaseResult> => {
    latencies.values = [];
    const cpuBefore = target.serverCpuMs?.() ?? Number.NaN;
    const start = performance.now();
    const sent = await run(start + options.seconds * 1000);
    // Deliveries still in flight at the end are counted only if they arrive within the phase's time, like the rest.
    const seconds = (performance.now() - start) / 1000;
    const values = latencies.values;
    const cpu = (target.serverCpuMs?.() ?? Number.NaN) - cpuBefore;
    return {
      deliveriesPerSec: values.length / seconds, messagesPerSec: sent / seconds, p50: percentile(values, 50), p99: percentile(values, 99), deliveries: values.length,
      ...(Number.isFinite(cpu) ? { serverCpuMsPerMessage: cpu / Math.max(1, sent) } : {}),
    };
  };
  // Warm-up: JIT, connection pools, prepared plans.
  await Promise.all(Array.from({ length: 50 }, () => target.send(i, stamp(i++))));
  const saturated = await measure(async (until) => {
    let sent = 0;
    await Promise.all(Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < until) {
        await target.send(i, stamp(i++)).catch(() => {
          saturatedFailed++;
        });
        sent++;
      }
    }));
    return sent;
  });
  await new Promise((r) => setTimeout(r, 1000));
  const steady = await measure(async (until) => {
    let sent = 0;
    let offered = 0;
    let open = 0;
    const inFlight: Promise<void>[] = [];
    const begin = performance.now();
    while (performance.now() < until) {
      const due = Math.floor(((performance.now() - begin) / 1000) * options.steadyRate);
      while (offered < due) {
        offered++;
        // A server that cannot keep up is not buried: beyond this many waiting sends, the message is not sent (and
        // the phase's "sent msg/s" shows it), as a person would stop typing into a chat that does not answer.
        if (open >= MAX_WAITING_SENDS) {
          steadySkipped++;
          continue;
        }
        open++;
        inFlight.push(target.send(i, stamp(i++)).catch(() => {
          steadyFailed++;
        }).finally(() => open--));
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
export async function runHearthWorkload(nodes: string[], world: BenchRoom[], options: WorkloadOptions, serverPid?: number): Promise<WorkloadResult> {
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
    ...(serverPid ? { serverCpuMs: () => processCpuMs(serverPid) } : {}),
  };
  try {
    return await runPhases(target, latencies, options);
  } finally {
    target.close();
  }
}

/**
 * Hearth with messages sent over the websocket (`send`, acknowledged by `sent` once stored): each member has one socket,
 * subscribed to their room, and sends on it, exactly like the bare reference. Same session, safety assessment,
 * moderation, storage and fan-out as the HTTP send; no HTTP request per message.
 */
export async function runHearthSocketWorkload(node: string, world: BenchRoom[], options: WorkloadOptions, serverPid?: number): Promise<WorkloadResult> {
  const latencies = { values: [] as number[] };
  type HearthSocket = WebSocket & { awaiting: Map<string, (failure?: string) => void> };
  const sockets: HearthSocket[][] = [];
  const url = `${node.replace(/^http/, 'ws')}/ws`;
  /** Opens one member's socket; a node still busy with the previous phase's 2,000 goodbyes may answer 503: retry. */
  async function openSocket(member: BenchRoom['members'][number], topic: string): Promise<HearthSocket> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await connectOne(member, topic);
      } catch (err) {
        if (attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 500 * attempt));
      }
    }
  }
  for (const room of world) {
    const topic = `room:${room.roomId}`;
    sockets.push(await Promise.all(room.members.map((member) => openSocket(member, topic))));
  }
  function connectOne(member: BenchRoom['members'][number], topic: string) {
    return new Promise<HearthSocket>((resolve, reject) => {
      const s = Object.assign(new WebSocket(url, { headers: { cookie: `hearth_sid=${member.cookie}` } }), { awaiting: new Map<string, (failure?: string) => void>() });
      s.on('message', (data) => {
        const event = JSON.parse(data.toString()) as ServerEvent;
        if (event.type === 'message.created') {
          const at = sentAt.get(event.message.clientId);
          if (at !== undefined) latencies.values.push(performance.now() - at);
        } else if (event.type === 'sent') {
          s.awaiting.get(event.clientId)?.();
        } else if (event.type === 'send_failed') {
          s.awaiting.get(event.clientId)?.(`${event.status} ${event.code}: ${event.message}`);
        } else if (event.type === 'subscribed') {
          resolve(s);
        } else if (event.type === 'error') {
          reject(new Error(`${event.code}: ${event.message}`));
        }
      });
      s.once('open', () => s.send(JSON.stringify({ type: 'subscribe', room: topic })));
      s.once('error', reject);
    });
  }
  const target: Target = {
    send(i, clientId) {
      const r = i % world.length;
      const socket = sockets[r]![Math.floor(i / world.length) % sockets[r]!.length]!;
      return new Promise<void>((resolve, reject) => {
        socket.awaiting.set(clientId, (failure) => {
          socket.awaiting.delete(clientId);
          setTimeout(() => sentAt.delete(clientId), 30_000).unref();
          if (failure) reject(new Error(`message ${clientId} was refused: ${failure}`));
          else resolve();
        });
        socket.send(JSON.stringify({ type: 'send', room: `room:${world[r]!.roomId}`, clientId, body: BODY }));
      });
    },
    close() {
      for (const s of sockets.flat()) s.close();
    },
    ...(serverPid ? { serverCpuMs: () => processCpuMs(serverPid) } : {}),
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
    serverCpuMs: () => processCpuMs(child.pid),
  };
  try {
    return await runPhases(target, latencies, options);
  } finally {
    target.close();
  }
}
