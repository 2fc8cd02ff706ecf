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
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPostgres, type PostgresServer } from '../postgres-server.ts';
import { allUp, type ServerStat } from './haproxy-stats.ts';
import { BACKENDS, MAX_REPLICAS, requireHaproxy, startHaproxy, type Haproxy } from './haproxy-process.ts';
import { exited, exitOf, tail, terminate } from './processes.ts';
import { startReplica, untilWarm } from './replica.ts';

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

/** A replica as the launcher holds it: the Replica view plus its process. */
interface Running {
  name: string;
  index: number;
  base: string;
  child: ChildProcess;
  log: string;
}

/** Starts PostgreSQL (unless given), the replicas and HAProxy; resolves once HAProxy has them all UP. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const count = options.replicas;
  if (!Number.isInteger(count) || count < 1 || count > MAX_REPLICAS)
    throw new Error(`deploy/haproxy.cfg has server lines for 1 to ${MAX_REPLICAS} replicas, not ${count}`);
  requireHaproxy(); // before anything starts: no HAProxy is an error naming the install command
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-cluster-'));
  const replicas: Running[] = [];
  let database: PostgresServer | null = null;
  let lb: Haproxy | null = null;
  // If the process ends without stop() (a crash, a failed test run), nothing started here outlives it.
  const onExit = (): void => {
    for (const r of replicas) if (!exited(r.child)) r.child.kill('SIGKILL');
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
    const site = options.siteDir ?? standInSite(dir);
    for (let index = 0; index < count; index++) {
      const replica = await startClusterReplica(options, index, { dir, site, databaseUrl });
      replicas.push(replica);
      if (options.waitForWarm ?? true) await untilWarm(replica.base, replica.child);
    }
    lb = await startHaproxy(
      replicas.map((r) => new URL(r.base).host),
      dir,
    );
    const names = replicas.map((r) => r.name);
    const cluster = clusterHandle(lb, replicas, { dir, databaseUrl, stop });
    await cluster.waitFor((s) => allUp(s, BACKENDS, names));
    return cluster;
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** A one-page stand-in for the built site (the lab API needs no site). */
function standInSite(dir: string): string {
  const site = join(dir, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Lockstep</title>');
  return site;
}

/** Starts replica `index` on the cluster's database and data dir; resolves once it listens. */
async function startClusterReplica(
  options: ClusterOptions,
  index: number,
  where: { dir: string; site: string; databaseUrl: string },
): Promise<Running> {
  const name = `replica-${index + 1}`;
  const log = join(where.dir, `${name}.log`);
  const { child, base } = await startReplica(
    index,
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOCKSTEP_SITE_DIR: where.site,
      LOCKSTEP_DATA_DIR: resolve(options.dataDir ?? '.data/cluster'),
      LOCKSTEP_DATABASE_URL: where.databaseUrl,
      // HAProxy is on loopback: its X-Forwarded-For names the learner.
      LOCKSTEP_TRUSTED_PROXIES: 'loopback',
      ...options.env?.(index),
    },
    log,
  );
  return { name, index, base, child, log };
}

/** The caller's handle on a started cluster. */
function clusterHandle(
  lb: Haproxy,
  replicas: readonly Running[],
  rest: { dir: string; databaseUrl: string; stop: () => Promise<void> },
): Cluster {
  return {
    base: lb.base,
    databaseUrl: rest.databaseUrl,
    dir: rest.dir,
    haproxyPid: lb.pid,
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
    stats: lb.stats,
    waitFor: lb.waitFor,
    tail,
    stop: rest.stop,
  };
}
