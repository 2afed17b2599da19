import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort } from '../platform/db/index.ts';

export const INSTALL_REDIS_HINT = 'install redis-server: apt-get install -y redis-server';

/** A redis-server this process started, on loopback, without persistence (it only carries pub/sub and counters). */
export type LocalRedis = {
  url: string;
  port: number;
  /** Stops it as a crash would (SIGKILL): connections drop at once. */
  kill(): Promise<void>;
  /** Starts it again on the same port after `kill`. */
  start(): Promise<void>;
  stop(): Promise<void>;
};

/** Finds Debian's redis-server (or REDIS_SERVER_BIN); throws telling what to install when it is missing. */
export function findRedisServer(): string {
  const candidates = [process.env.REDIS_SERVER_BIN, '/usr/bin/redis-server', '/usr/local/bin/redis-server', '/usr/sbin/redis-server'];
  for (const bin of candidates) if (bin && fs.existsSync(bin)) return bin;
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error(`redis-server was not found. Multi-node Hearth needs it: ${INSTALL_REDIS_HINT}`);
}

/** Starts a private redis-server on a free loopback port and waits until it answers. */
export async function startLocalRedis(options: { port?: number } = {}): Promise<LocalRedis> {
  const bin = findRedisServer();
  const port = options.port ?? (await findFreePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-redis-'));
  let child: ChildProcess | null = null;

  async function start() {
    const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout!.on('data', (d) => (output = (output + d.toString()).slice(-4000)));
    proc.stderr!.on('data', (d) => (output = (output + d.toString()).slice(-4000)));
    const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`))));
    exited.catch(() => {});
    await Promise.race([waitForRedis(port), exited]);
  }

  async function kill() {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const gone = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await gone;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    async stop() {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForRedis(port: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      probe.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port} within 10 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
