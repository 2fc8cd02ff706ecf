/**
 * Debian's HAProxy running deploy/haproxy.cfg on a free loopback port in front of the replicas,
 * with its stats socket (`show stat`) and its log in the cluster's directory.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { HAPROXY_INSTALL, haproxyPath } from '../haproxy.ts';
import { parseShowStat, type ServerStat } from './haproxy-stats.ts';
import { exited, exitOf, freePort, pause, tail, terminate } from './processes.ts';

/** The configuration every cluster runs: the one an operator deploys. */
export const HAPROXY_CONFIG = resolve('deploy/haproxy.cfg');
/** deploy/haproxy.cfg has a server line for this many replicas. */
export const MAX_REPLICAS = 2;
/** Its backends. */
export const BACKENDS = ['runners', 'web'] as const;

/** Sends a command to HAProxy's stats socket and resolves with the whole answer. */
function askHaproxy(socket: string, command: string): Promise<string> {
  return new Promise((done, fail) => {
    const conn = createConnection(socket);
    let answer = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => (answer += chunk));
    conn.once('error', fail);
    conn.once('end', () => done(answer));
    conn.once('connect', () => conn.end(`${command}\n`));
  });
}

/** HAProxy's path; throws naming the install command when it is not installed. */
export function requireHaproxy(): string {
  const haproxy = haproxyPath();
  if (!haproxy)
    throw new Error(
      `HAProxy is not installed: the cluster runs Debian's haproxy with deploy/haproxy.cfg. Install it with: ${process.getuid?.() === 0 ? '' : 'sudo '}${HAPROXY_INSTALL}`,
    );
  return haproxy;
}

/** HAProxy running deploy/haproxy.cfg. */
export interface Haproxy {
  /** Where it listens: http://127.0.0.1:<port>. */
  readonly base: string;
  readonly pid: number;
  /** Its output: the request log and its warnings (a server going DOWN…). */
  readonly log: string;
  /** Its `show stat`, parsed. */
  stats(): Promise<ServerStat[]>;
  /** Asks again and again (200 ms apart) until `done` holds; rejects if HAProxy exits. */
  waitFor(done: (stats: ServerStat[]) => boolean): Promise<ServerStat[]>;
  stop(): Promise<void>;
}

/**
 * Starts Debian's HAProxy with deploy/haproxy.cfg on a free loopback port in front of
 * `replicas` (host:port each, replica-1 first), its stats socket and log in `dir`; resolves once
 * the stats socket answers (the servers' health checks may still be running).
 */
export async function startHaproxy(replicas: readonly string[], dir: string): Promise<Haproxy> {
  if (replicas.length < 1 || replicas.length > MAX_REPLICAS)
    throw new Error(
      `deploy/haproxy.cfg has server lines for 1 to ${MAX_REPLICAS} replicas, not ${replicas.length}`,
    );
  const haproxy = requireHaproxy();
  const socket = join(dir, 'haproxy.sock');
  const log = join(dir, 'haproxy.log');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (let i = 1; i <= MAX_REPLICAS; i++) delete env[`LOCKSTEP_REPLICA_${i}`];
  replicas.forEach((address, i) => (env[`LOCKSTEP_REPLICA_${i + 1}`] = address));
  env.LOCKSTEP_HAPROXY_STATS = socket;
  env.LOCKSTEP_HAPROXY_LOG = 'stdout';
  const stats = async () => parseShowStat(await askHaproxy(socket, 'show stat'));
  // A free port can be taken between the probe and HAProxy's bind: try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    env.LOCKSTEP_LB_BIND = `127.0.0.1:${port}`;
    const out = createWriteStream(log, { flags: 'a' });
    const child = spawn(haproxy, ['-db', '-f', HAPROXY_CONFIG], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.once('exit', () => out.end());
    // It must not outlive this process (a crash, a failed test run).
    const onExit = (): void => {
      if (!exited(child)) child.kill('SIGKILL');
    };
    process.once('exit', onExit);
    // Up when the stats socket answers; a bind failure ends the process first.
    const started = await Promise.race([
      exitOf(child).then(() => false),
      (async () => {
        for (;;) {
          if (existsSync(socket)) {
            try {
              await stats();
              return true;
            } catch {
              // not ready yet
            }
          }
          if (exited(child)) return false;
          await pause(100);
        }
      })(),
    ]);
    if (started) {
      const lb: Haproxy = {
        base: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        log,
        stats,
        async waitFor(done) {
          for (;;) {
            if (exited(child)) throw new Error(`HAProxy exited:\n${tail(log)}`);
            const s = await stats();
            if (done(s)) return s;
            await pause(200);
          }
        },
        async stop() {
          await terminate(child, 'SIGTERM', 5_000);
          process.removeListener('exit', onExit);
        },
      };
      return lb;
    }
    process.removeListener('exit', onExit);
    const said = existsSync(log) ? readFileSync(log, 'utf8') : '';
    if (attempt >= 3 || !/cannot bind|Address already in use/i.test(said))
      throw new Error(`haproxy -f ${HAPROXY_CONFIG} exited at start:\n${said.slice(-3000)}`);
  }
}
