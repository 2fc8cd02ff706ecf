/**
 * Launchers started ahead of time, each already inside its own fresh job cgroup and already
 * running as nobody, waiting for the argv of the step it will become (waitingLauncherArgv).
 * Measured on 2 vCPUs with cgroup v1: writing a pid into a cgroup waits for an RCU grace period
 * (~11 ms) and Node's spawn() forks the ~190 MB server (5-7 ms); an edited run has two steps, so a
 * ready launcher takes ~30 ms off each edited run. Refills are idle work (idle-work.ts).
 * When no launcher is ready, the caller creates a group and spawns one as before.
 */
import { execFileSync, spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import {
  ARGV_FD,
  LAUNCHER_ENV,
  waitingLauncherArgv,
  waitingLauncherInput,
  type HostLayout,
} from '../plan/bwrap-args.ts';
import { JobCgroup } from './cgroup.ts';
import type { CgroupSupport } from './cgroup-detect.ts';
import type { IdleTask, IdleWork } from './idle-work.ts';
import { SECCOMP_FD, SECCOMP_SUPPORTED } from '../plan/seccomp.ts';
import { sendSeccompFilter } from './seccomp-pipe.ts';

/** A launcher process with the three standard pipes, as runStep uses it. */
export type LauncherProcess = ChildProcessByStdio<Writable, Readable, Readable>;

/** A launcher handed to one step: its group (the step owns it now) and its process. */
export interface ReadyLauncher {
  group: JobCgroup;
  /** Sends the step's argv (Launch.sandboxArgv); the launcher execs it at once. */
  start(sandboxArgv: readonly string[]): LauncherProcess;
}

interface Waiting {
  group: JobCgroup;
  child: LauncherProcess;
  argvPipe: Writable;
  alive: boolean;
  /** The pool's handler for a launcher that dies while waiting. */
  died: () => void;
}

export interface LauncherPoolOptions {
  support: Exclude<CgroupSupport, { version: 'none' }>;
  layout: HostLayout;
  pids: number;
  /** The memory limits steps ask for (build and run); a separate set is kept for each. */
  memoryLimits: number[];
  /** Waiting launchers per memory limit. */
  size: number;
  idle: IdleWork;
}

export class LauncherPool implements IdleTask {
  private readonly waiting = new Map<number, Waiting[]>();
  private readonly opts: LauncherPoolOptions;
  private closed = false;

  constructor(opts: LauncherPoolOptions) {
    this.opts = opts;
    for (const limit of new Set(opts.memoryLimits)) this.waiting.set(limit, []);
  }

  /** Whether this host can run waiting launchers (bash with `mapfile -d`, i.e. bash >= 4.4). */
  static supported(): boolean {
    try {
      execFileSync('/bin/bash', ['-c', 'mapfile -t -d "" x < /dev/null'], {
        stdio: 'ignore',
        timeout: 5_000,
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Starts filling the pool when the server is idle. */
  fill(): void {
    if (!this.closed) this.opts.idle.request(this);
  }

  /** A waiting launcher for this memory limit, or null (then the caller spawns one itself). */
  take(memoryBytes: number): ReadyLauncher | null {
    const list = this.waiting.get(memoryBytes);
    if (!list) return null;
    this.fill();
    for (let entry = list.shift(); entry; entry = list.shift()) {
      // A launcher that died is removed by its exit handler; one whose exit is not handled yet is skipped.
      if (entry.child.exitCode !== null || entry.child.signalCode !== null) continue;
      const { group, child, argvPipe, died } = entry;
      child.off('exit', died).off('error', died); // from here on the step owns the process and group
      return {
        group,
        start(sandboxArgv) {
          argvPipe.end(waitingLauncherInput(sandboxArgv));
          return child;
        },
      };
    }
    return null;
  }

  /** Starts one missing launcher (IdleWork calls this); false when the pool is full. */
  step(): boolean {
    if (this.closed) return false;
    const short = [...this.waiting].find(([, list]) => list.length < this.opts.size);
    if (short === undefined) return false;
    const [limit, list] = short;
    const entry = this.spawnWaiting(limit);
    if (entry === null) return false; // cannot create groups right now; retried on the next take
    list.push(entry);
    return [...this.waiting.values()].some((l) => l.length < this.opts.size);
  }

  /** Ends every waiting launcher; resolves once their groups are removed. */
  async close(): Promise<void> {
    this.closed = true;
    const entries = [...this.waiting.values()].flatMap((list) => list.splice(0));
    await Promise.all(entries.map((entry) => this.discard(entry)));
  }

  private spawnWaiting(memoryBytes: number): Waiting | null {
    let group: JobCgroup;
    try {
      group = JobCgroup.create(this.opts.support, { memoryBytes, pids: this.opts.pids });
    } catch {
      return null;
    }
    const stdio: ('pipe' | 'ignore')[] = [
      'pipe',
      'pipe',
      'pipe',
      SECCOMP_SUPPORTED ? 'pipe' : 'ignore',
      'pipe',
    ];
    const child = spawn('/bin/sh', waitingLauncherArgv(group.procFiles, this.opts.layout).slice(1), {
      cwd: '/',
      env: { ...LAUNCHER_ENV },
      stdio,
    }) as unknown as LauncherProcess;
    const argvPipe = child.stdio[ARGV_FD] as Writable;
    argvPipe.on('error', () => undefined);
    child.stdin.on('error', () => undefined);
    if (SECCOMP_SUPPORTED) sendSeccompFilter(child.stdio[SECCOMP_FD] as Writable);
    const entry: Waiting = {
      group,
      child,
      argvPipe,
      alive: true,
      died: () => {
        if (!entry.alive) return;
        entry.alive = false;
        this.remove(entry);
        void group.destroy();
      },
    };
    child.on('exit', entry.died);
    child.on('error', entry.died);
    return entry;
  }

  private remove(entry: Waiting): void {
    for (const list of this.waiting.values()) {
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
    }
  }

  private discard(entry: Waiting): Promise<void> {
    entry.alive = false;
    entry.argvPipe.destroy(); // EOF without the end marker: the launcher exits without running anything
    entry.child.stdout.destroy();
    entry.child.stderr.destroy();
    return entry.group.destroy();
  }
}
