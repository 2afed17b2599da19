/**
 * Soak: a two-node cluster (real PostgreSQL 18, real redis-server) under a steady chat load for a long time, with each
 * node's memory and the delivery latency sampled every minute. At the end every acknowledged message is checked
 * against every reader (loss, duplicates), and a report with an SVG chart is written.
 *
 *   npm run bench:soak -- [--minutes 30] [--nodes 2] [--rooms 20] [--members 10] [--rate 20] [--out bench/reports/soak]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile, rssMiB, startBenchCluster } from './support/cluster.ts';
import { connectReaders, startSteadyLoad } from './support/load.ts';
import { createChatWorld } from './support/world.ts';
import { numberArg } from './support/args.ts';

const arg = numberArg;
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 ? process.argv[outIndex + 1]! : 'bench/reports/soak';
const MINUTES = arg('minutes', 30);
const NODES = arg('nodes', 2);
const ROOMS = arg('rooms', 20);
const MEMBERS = arg('members', 10);
const RATE = arg('rate', 20);
const SAMPLE_MS = arg('sample-seconds', 60) * 1000;

type Sample = { minute: number; load: number; rss: number[]; p50: number; p99: number; deliveries: number; acked: number; errors: number };

async function main() {
  const cluster = await startBenchCluster(NODES);
  try {
    const world = await createChatWorld(cluster.database.db, { rooms: ROOMS, membersPerRoom: MEMBERS });
    const urls = cluster.nodes.map((n) => n.url);
    let window: number[] = [];
    const readers = await connectReaders(world, urls, (ms) => window.push(ms));
    const startRss = cluster.nodes.map((n) => rssMiB(n.child.pid));
    console.log(`soak: ${NODES} nodes, ${ROOMS} rooms × ${MEMBERS} members, ${RATE} messages/s for ${MINUTES} min; RSS at start ${startRss.map((r) => r.toFixed(0)).join(' / ')} MiB`);
    const load = startSteadyLoad(world, urls, RATE);
    const samples: Sample[] = [];
    const began = performance.now();
    let lastAcked = 0;
    for (let minute = 1; minute <= MINUTES; minute++) {
      await new Promise((r) => setTimeout(r, began + minute * SAMPLE_MS - performance.now()));
      const latencies = window;
      window = [];
      const sample: Sample = {
        minute,
        load: os.loadavg()[0]!,
        rss: cluster.nodes.map((n) => rssMiB(n.child.pid)),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        deliveries: latencies.length,
        acked: load.stats.acked - lastAcked,
        errors: load.stats.errors,
      };
      lastAcked = load.stats.acked;
      samples.push(sample);
      console.log(`  min ${String(minute).padStart(2)}  load ${sample.load.toFixed(1)}  RSS ${sample.rss.map((r) => r.toFixed(0).padStart(4)).join(' ')} MiB  p50 ${sample.p50.toFixed(1)} ms  p99 ${sample.p99.toFixed(1)} ms  ${sample.acked} sent, ${sample.deliveries} delivered, ${sample.errors} errors`);
    }
    await load.stop();
    // Let the last messages arrive, then account for every acknowledged one.
    let lost = 0;
    const deadline = Date.now() + 15_000;
    for (const { room, reader } of readers.readers) {
      const expected = load.acked.get(room.roomId)!;
      await reader.waitFor(expected, Math.max(1000, deadline - Date.now())).catch(() => {});
      lost += expected.filter((s) => !reader.seqs.has(s)).length;
    }
    const duplicates = readers.readers.reduce((n, r) => n + r.reader.duplicates, 0);
    readers.close();
    const report = writeReport(samples, { lost, duplicates, acked: load.stats.acked, errors: load.stats.errors, startRss });
    console.log(`soak done: ${load.stats.acked} messages acknowledged, ${lost} deliveries lost, ${duplicates} duplicates; report ${report}`);
  } finally {
    await cluster.stop();
  }
}

function writeReport(samples: Sample[], totals: { lost: number; duplicates: number; acked: number; errors: number; startRss: number[] }) {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(`${OUT}.svg`, chart(samples));
  const rows = samples.map((s) => `| ${s.minute} | ${s.load.toFixed(1)} | ${s.rss.map((r) => r.toFixed(0)).join(' / ')} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.acked} | ${s.deliveries} | ${s.errors} |`);
  const first = samples[0];
  const last = samples.at(-1);
  const md = [
    `# Soak: ${MINUTES} minutes on ${NODES} nodes`,
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:soak -- --minutes ${MINUTES} --nodes ${NODES} --rooms ${ROOMS} --members ${MEMBERS} --rate ${RATE}\`.`,
    `${NODES} Hearth nodes (child processes) on one embedded PostgreSQL 18 and one redis-server, all on this 2-core machine`,
    `together with the load generator; ${ROOMS * MEMBERS} members connected over real WebSockets, spread over the nodes; ${RATE} messages`,
    'per second through the full path (HTTP, session, safety assessment, storage, Redis fan-out).',
    '',
    `- Acknowledged messages: **${totals.acked}**; deliveries lost: **${totals.lost}**; duplicates: **${totals.duplicates}**; failed sends: ${totals.errors}.`,
    `- Node memory (RSS, MiB) at start ${totals.startRss.map((r) => r.toFixed(0)).join(' / ')}, after minute 1 ${first?.rss.map((r) => r.toFixed(0)).join(' / ')}, at the end ${last?.rss.map((r) => r.toFixed(0)).join(' / ')}.`,
    `- The machine is shared: its 1-minute load average ran from ${Math.min(...samples.map((s) => s.load)).toFixed(1)} to ${Math.max(...samples.map((s) => s.load)).toFixed(1)} on 2 cores (other work ran beside the soak), which shows in the latency.`,
    `- Delivery latency p99 in the first minute ${first?.p99.toFixed(1)} ms, in the last ${last?.p99.toFixed(1)} ms.`,
    '',
    `![memory and latency per minute](${path.basename(OUT)}.svg)`,
    '',
    '| minute | machine load (1-min avg, 2 cores) | RSS per node (MiB) | p50 (ms) | p99 (ms) | sent | delivered | failed sends (total) |',
    '|---:|---:|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
  fs.writeFileSync(`${OUT}.md`, md);
  return `${OUT}.md`;
}

/** Two small line charts: RSS per node and p50/p99 latency, per minute. */
function chart(samples: Sample[]) {
  const W = 640;
  const H = 200;
  const pad = { l: 50, r: 20, t: 28, b: 28 };
  const colors = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1'];
  const panel = (y0: number, title: string, unit: string, series: Array<{ name: string; values: number[] }>) => {
    const all = series.flatMap((s) => s.values).filter(Number.isFinite);
    const max = Math.max(1, ...all) * 1.1;
    const x = (i: number) => pad.l + (samples.length <= 1 ? 0 : (i / (samples.length - 1)) * (W - pad.l - pad.r));
    const y = (v: number) => y0 + pad.t + (1 - v / max) * (H - pad.t - pad.b);
    const lines = series.map((s, k) => {
      const points = s.values.map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : '')).filter(Boolean).join(' ');
      return `<polyline fill="none" stroke="${colors[k % colors.length]}" stroke-width="2" points="${points}"/>` +
        `<text x="${W - pad.r - 150 + k * 70}" y="${y0 + 16}" fill="${colors[k % colors.length]}" font-size="11">${s.name}</text>`;
    });
    const ticks = [0, 0.5, 1].map((f) => `<text x="${pad.l - 6}" y="${y(max * f) + 4}" text-anchor="end" font-size="10">${(max * f).toFixed(0)}</text>` +
      `<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(max * f)}" y2="${y(max * f)}" stroke="#ddd"/>`);
    return [
      `<text x="${pad.l}" y="${y0 + 16}" font-size="12" font-weight="bold">${title} (${unit})</text>`,
      ...ticks,
      ...lines,
      `<text x="${W / 2}" y="${y0 + H - 6}" text-anchor="middle" font-size="10">minute 1 … ${samples.length}</text>`,
    ].join('\n');
  };
  const rss = samples[0]?.rss.map((_, i) => ({ name: `node ${i + 1}`, values: samples.map((s) => s.rss[i]!) })) ?? [];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${2 * H}" viewBox="0 0 ${W} ${2 * H}" font-family="sans-serif" role="img" aria-label="Soak: memory per node and delivery latency per minute">`,
    '<rect width="100%" height="100%" fill="#fff"/>',
    panel(0, 'Memory per node', 'RSS MiB', rss),
    panel(H, 'Delivery latency', 'ms', [{ name: 'p50', values: samples.map((s) => s.p50) }, { name: 'p99', values: samples.map((s) => s.p99) }]),
    '</svg>',
    '',
  ].join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
