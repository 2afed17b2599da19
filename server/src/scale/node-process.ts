import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../platform/db/index.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** One Hearth node running `server/src/main.ts` in a child process, so it can be killed like a real one. */
export type NodeProcess = {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** The last lines the node wrote (JSON logs), for a failing test's message. */
  output(): string;
  /** SIGKILL: no goodbye, no drain. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful deploy; resolves with the exit code. */
  terminate(): Promise<number | null>;
};

/** Tuning settings set on the bench's own command line (e.g. `DATABASE_POOL_SIZE=20 npm run bench:fanout`) reach its nodes. */
function tuningFromEnv(): Record<string, string> {
  return Object.fromEntries(['DATABASE_POOL_SIZE', 'MOOD_BATCH_MS'].flatMap((key) => (process.env[key] ? [[key, process.env[key]!]] : [])));
}

/**
 * Starts a node with `env` (DATABASE_URL, REDIS_URL, HEARTH_ENCRYPTION_KEY …) on a free loopback port and waits until
 * `/readyz` answers. The node runs through tsx, exactly as `npm start` runs it.
 */
export async function startNodeProcess(name: string, env: Record<string, string>, options: { port?: number; timeoutMs?: number } = {}): Promise<NodeProcess> {
  const port = options.port ?? (await findFreePort());
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', LOG_LEVEL: 'warn', HEARTH_SEED_DEMO: 'false', HOST: '127.0.0.1', ...tuningFromEnv(), ...env, PORT: String(port), HEARTH_NODE_ID: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 150_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`node ${name} exited during boot (${child.exitCode ?? child.signalCode}):\n${output}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`node ${name} was not ready within the time limit:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    port,
    url,
    child,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
    },
    async terminate() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}
