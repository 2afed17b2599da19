/**
 * A private ejabberd (Debian's `ejabberd` package, installed beforehand: `apt-get install -y ejabberd`) for the
 * group-chat comparison: its own config, spool and logs in a temporary folder, one plain c2s listener on loopback,
 * anonymous SASL (so thousands of members need no registration) and multi-user chat on `conference.localhost`.
 * The bench installs nothing; it says what to install when ejabberd is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { findFreePort } from '../server/src/platform/db/index.ts';

export const INSTALL_EJABBERD_HINT = 'install ejabberd: apt-get install -y ejabberd';
export const XMPP_DOMAIN = 'localhost';
export const MUC_SERVICE = `conference.${XMPP_DOMAIN}`;

export type EjabberdServer = {
  port: number;
  version: string;
  /** The Erlang VM's process id, for its CPU time (undefined when it could not be found in /proc). */
  pid: number | undefined;
  stop(): Promise<void>;
};

function findEjabberdctl(): string {
  for (const bin of [process.env.EJABBERDCTL, '/usr/sbin/ejabberdctl', '/usr/bin/ejabberdctl']) if (bin && fs.existsSync(bin)) return bin;
  throw new Error(`ejabberdctl was not found. The ejabberd comparison needs it: ${INSTALL_EJABBERD_HINT}`);
}

/** Nothing in the room slows or limits a member: no shaper, no history, no archive, no persistence. */
function configYaml(port: number, maxUsers: number) {
  return `loglevel: warning
hosts:
  - ${XMPP_DOMAIN}
auth_method: anonymous
anonymous_protocol: sasl_anon
allow_multiple_connections: true
listen:
  -
    port: ${port}
    ip: "127.0.0.1"
    module: ejabberd_c2s
    max_stanza_size: 65536
    backlog: 1024
    access: c2s
access_rules:
  c2s:
    allow: all
  muc_create:
    allow: all
modules:
  mod_disco: {}
  mod_ping: {}
  mod_muc:
    host: ${MUC_SERVICE}
    access: all
    access_create: muc_create
    history_size: 0
    max_users: ${Math.max(200, maxUsers)}
    max_user_conferences: 10
    default_room_options:
      persistent: false
      logging: false
      mam: false
`;
}

/** Starts ejabberd with a config of its own on a free loopback port and waits until it accepts connections. */
export async function startEjabberd(options: { maxUsersPerRoom: number }): Promise<EjabberdServer> {
  const ctl = findEjabberdctl();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-ejabberd-'));
  for (const sub of ['spool', 'logs']) fs.mkdirSync(path.join(dir, sub));
  const port = await findFreePort();
  fs.writeFileSync(path.join(dir, 'ejabberd.yml'), configYaml(port, options.maxUsersPerRoom));
  // The `ejabberd` user's login limit (1,024 open files) is below 2,000 members: ejabberdctl starts Erlang through
  // this wrapper (its config may name the `erl` to run), which raises the limit up to the hard one first.
  const erl = path.join(dir, 'erl.sh');
  fs.writeFileSync(erl, '#!/bin/sh\nulimit -n "$(ulimit -Hn)" 2>/dev/null\nexec /usr/bin/erl "$@"\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'ejabberdctl.cfg'), `ERL=${erl}\n`);
  if (fs.existsSync('/etc/ejabberd/inetrc')) fs.copyFileSync('/etc/ejabberd/inetrc', path.join(dir, 'inetrc'));
  // ejabberdctl run by root switches to the package's `ejabberd` user, which must own the folder.
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'ejabberd:ejabberd', dir]);
  fs.chmodSync(dir, 0o755);
  const node = `hearthbench${port}@localhost`;
  const ctlArgs = ['--config-dir', dir, '--config', path.join(dir, 'ejabberd.yml'), '--ctl-config', path.join(dir, 'ejabberdctl.cfg'), '--spool', path.join(dir, 'spool'), '--logs', path.join(dir, 'logs'), '--node', node];
  const run = (...args: string[]) => spawnSync(ctl, [...ctlArgs, ...args], { encoding: 'utf8', timeout: 60_000 });
  const logTail = () => {
    try {
      return fs.readFileSync(path.join(dir, 'logs', 'ejabberd.log'), 'utf8').slice(-2000);
    } catch {
      return '';
    }
  };
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const started = run('start');
  if (started.status !== 0) {
    remove();
    throw new Error(`ejabberdctl start failed (${started.status}): ${started.stderr || started.stdout}`);
  }
  const stop = async () => {
    run('stop');
    run('stopped');
    remove();
  };
  const waited = run('started');
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (waited.status !== 0 || Date.now() > deadline) {
      const tail = logTail();
      await stop();
      throw new Error(`ejabberd did not start listening on port ${port}: ${waited.stderr || waited.stdout}\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const status = run('status');
  const version = /ejabberd (\S+) is running/.exec(status.stdout)?.[1] ?? 'unknown';
  return { port, version, pid: findErlangVm(node), stop };
}

/** The `beam.smp` process running `node` (ejabberdctl starts it detached, so it is not our child). */
function findErlangVm(node: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('beam')) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(node)) return Number(entry);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return undefined;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
