/**
 * Lockstep as a cluster on one machine, for the failover test and `npm run bench:classroom`:
 * a PostgreSQL (a throw-away one from Debian's package, or the caller's), N replicas of the real
 * server (`node playground/src/server.ts`, each its own process and port, all on that database),
 * and Debian's HAProxy running deploy/haproxy.cfg in front of them, on loopback only.
 *
 *   const cluster = await startCluster({ replicas: 2 });
 *   await fetch(`${cluster.base}/api/health`);   // through HAProxy
 *   await cluster.kill(0);                       // SIGKILL replica-1
 *   await cluster.waitFor((s) => …);             // HAProxy's own view (show stat)
 *   await cluster.stop();                        // everything, also on exit when forgotten
 *
 * The replicas share one data dir (job dirs, cgroups and temp files carry the server's pid, so
 * servers on one machine keep out of each other's way, and they share the warm Go build cache);
 * they are started one after another and each is warm before HAProxy starts. Each replica's and
 * HAProxy's output goes to a log file in `cluster.dir`, which is removed by stop() unless
 * `keepLogs` is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPostgres, type PostgresServer } from '../postgres-server.ts';
import { HAPROXY_INSTALL, haproxyPath } from '../haproxy.ts';
import { allUp, parseShowStat, type ServerStat } from './haproxy-stats.ts';

/** The configuration every cluster runs: the one an operator deploys. */
export const HAPROXY_CONFIG = resolve('deploy/haproxy.cfg');
/** deploy/haproxy.cfg has a server line for this many replicas. */
export const MAX_REPLICAS = 2;
/** Its backends. */
export const BACKENDS = ['runners', 'web'] as const;

export interface ClusterOptions {
  /** How many replicas (1 or 2: the server lines deploy/haproxy.cfg has). */
  replicas: number;
  /** More environment for each replica (index from 0), on top of what the launcher sets. */
  env?: (index: number) => Record<string, string>;
  /** The replicas' shared LOCKSTEP_DATA_DIR (default .data/cluster). */
  dataDir?: string;
  /** The built site; default: a one-page stand-in (the lab API needs no site). */
  siteDir?: string;
  /** An existing database for the labs; default: a throw-away PostgreSQL started here. */
  databaseUrl?: string;
  /** Wait until each replica's Go build cache is warm before starting the next (default true). */
  waitForWarm?: boolean;
  /** Keep cluster.dir (the logs) after stop(). */
  keepLogs?: boolean;
}

export interface Replica {
  /** The name HAProxy knows it by (replica-1, replica-2), which X-Lockstep-Replica carries. */
  readonly name: string;
  readonly index: number;
  /** Its own address, bypassing HAProxy. */
  readonly base: string;
  readonly pid: number;
  readonly running: boolean;
  /** Its log file (stdout and stderr). */
  readonly log: string;
}

export interface Cluster {
  /** HAProxy's address: what learners and instructors use. */
  readonly base: string;
  readonly databaseUrl: string;
  readonly replicas: readonly Replica[];
  /** Logs, the stats socket, the stand-in site. */
  readonly dir: string;
  /** HAProxy's process id (for its memory). */
  readonly haproxyPid: number;
  /** Sends the signal to replica `index` and resolves once it has exited. */
  kill(index: number, signal?: NodeJS.Signals): Promise<void>;
  /** HAProxy's `show stat`, parsed. */
  stats(): Promise<ServerStat[]>;
  /** Asks HAProxy again and again (200 ms apart) until `done` holds; rejects if HAProxy exits. */
  waitFor(done: (stats: ServerStat[]) => boolean): Promise<ServerStat[]>;
  /** The last lines of a log, for error messages. */
  tail(log: string, lines?: number): string;
  /** Stops HAProxy, the replicas (SIGTERM, then SIGKILL after 15 s) and a PostgreSQL started here. */
  stop(): Promise<void>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Resolves when the child has exited (at once if it has). */
function exitOf(child: ChildProcess): Promise<void> {
  return exited(child) ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
}

/** Sends `signal`, and SIGKILL after `graceMs` if it is still running; resolves when it has exited. */
async function terminate(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (exited(child)) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exitOf(child);
  clearTimeout(timer);
}

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

/** Starts one replica on a free port; resolves with its address once it listens. */
async function startReplica(
  index: number,
  env: Record<string, string>,
  log: string,
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['playground/src/server.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const file = createWriteStream(log);
  child.stdout.pipe(file, { end: false });
  child.stderr.pipe(file, { end: false });
  child.once('exit', () => file.end());
  return new Promise((done, fail) => {
    let seen = '';
    const look = (chunk: Buffer): void => {
      if (seen.length > 64 * 1024) return; // it logged that it listens long ago, or never will
      seen += chunk.toString();
      const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(seen);
      if (m) done({ child, base: m[1]! });
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', (code, signal) =>
      fail(new Error(`replica-${index + 1} exited (${code ?? signal}) before listening:\n${seen}`)),
    );
  });
}

/** Asks a replica's health until its Go build cache is warm (or its warm-up failed). */
async function untilWarm(base: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (exited(child)) throw new Error(`${base} exited while warming up`);
    try {
      const health = (await (await fetch(`${base}/api/health`)).json()) as { cache?: { state?: string } };
      if (health.cache?.state === 'warm' || health.cache?.state === 'failed') return;
    } catch {
      // not answering yet
    }
    await pause(500);
  }
}

/** The last lines of a log file, for error messages. */
function tail(log: string, lines = 30): string {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-lines).join('\n') : '';
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
  const haproxy = haproxyPath();
  if (!haproxy)
    throw new Error(
      `HAProxy is not installed: the cluster runs Debian's haproxy with deploy/haproxy.cfg. Install it with: ${process.getuid?.() === 0 ? '' : 'sudo '}${HAPROXY_INSTALL}`,
    );
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

/** Starts PostgreSQL (unless given), the replicas and HAProxy; resolves once HAProxy has them all UP. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const count = options.replicas;
  if (!Number.isInteger(count) || count < 1 || count > MAX_REPLICAS)
    throw new Error(`deploy/haproxy.cfg has server lines for 1 to ${MAX_REPLICAS} replicas, not ${count}`);
  // Before anything starts: no HAProxy is an error naming the install command.
  if (!haproxyPath())
    throw new Error(
      `HAProxy is not installed: the cluster runs Debian's haproxy with deploy/haproxy.cfg. Install it with: ${process.getuid?.() === 0 ? '' : 'sudo '}${HAPROXY_INSTALL}`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-cluster-'));
  let site = options.siteDir;
  if (!site) {
    site = join(dir, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Lockstep</title>');
  }
  const children: ChildProcess[] = [];
  const replicas: { name: string; index: number; base: string; child: ChildProcess; log: string }[] = [];
  let database: PostgresServer | null = null;
  let lb: Haproxy | null = null;
  // If the process ends without stop() (a crash, a failed test run), nothing started here outlives it.
  const onExit = (): void => {
    for (const child of children) if (!exited(child)) child.kill('SIGKILL');
  };
  process.once('exit', onExit);

  const stop = async (): Promise<void> => {
    try {
      if (lb) await lb.stop();
      await Promise.all(replicas.map((r) => terminate(r.child, 'SIGTERM', 15_000)));
      await database?.remove();
    } finally {
      process.removeListener('exit', onExit);
      if (!options.keepLogs) rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    if (!options.databaseUrl) database = await startPostgres();
    const databaseUrl = options.databaseUrl ?? database!.url;
    const dataDir = resolve(options.dataDir ?? '.data/cluster');
    for (let index = 0; index < count; index++) {
      const name = `replica-${index + 1}`;
      const log = join(dir, `${name}.log`);
      const { child, base } = await startReplica(
        index,
        {
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          LOCKSTEP_SITE_DIR: site,
          LOCKSTEP_DATA_DIR: dataDir,
          LOCKSTEP_DATABASE_URL: databaseUrl,
          // HAProxy is on loopback: its X-Forwarded-For names the learner.
          LOCKSTEP_TRUSTED_PROXIES: 'loopback',
          ...options.env?.(index),
        },
        log,
      );
      children.push(child);
      replicas.push({ name, index, base, child, log });
      if (options.waitForWarm ?? true) await untilWarm(base, child);
    }

    lb = await startHaproxy(
      replicas.map((r) => new URL(r.base).host),
      dir,
    );

    const names = replicas.map((r) => r.name);
    const balancer = lb;
    const cluster: Cluster = {
      base: balancer.base,
      databaseUrl,
      dir,
      haproxyPid: balancer.pid,
      replicas: replicas.map((r) => ({
        name: r.name,
        index: r.index,
        base: r.base,
        pid: r.child.pid!,
        log: r.log,
        get running() {
          return !exited(r.child);
        },
      })),
      async kill(index, signal = 'SIGKILL') {
        const r = replicas[index];
        if (!r) throw new Error(`no replica ${index}`);
        if (exited(r.child)) return;
        r.child.kill(signal);
        await exitOf(r.child);
      },
      stats: balancer.stats,
      waitFor: balancer.waitFor,
      tail,
      stop,
    };
    await cluster.waitFor((s) => allUp(s, BACKENDS, names));
    return cluster;
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
