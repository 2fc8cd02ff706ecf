/**
 * Per-job cgroups (v1 memory + pids hierarchies, or v2 unified): memory limit with swap off, a
 * pids limit, OOM-kill detection, kill-all and removal. Detection says exactly why cgroups are
 * unusable when they are.
 */
import { existsSync, readFileSync, rmdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  CGROUP_PREFIX,
  cgroupDir,
  jobCgroupName,
  oomKills,
  ownerPidOf,
  parseProcCgroup,
} from '../plan/cgroup-paths.ts';
import { safeReaddir } from './jobdir.ts';

const ROOT = '/sys/fs/cgroup';
// A fork bomb can refill the group while it is being killed; give up after this many passes.
const KILL_ROUNDS = 100;
const DESTROY_PATIENCE_MS = 30_000;

/**
 * Where job groups go, or why there are none. `cpuGroup` (v1): the one cpu group every sandbox on
 * this machine shares, or null where the cpu hierarchy cannot be written.
 */
export type CgroupSupport =
  | { version: 'v1'; memoryParent: string; pidsParent: string; cpuGroup: string | null }
  | { version: 'v2'; parent: string }
  | { version: 'none'; reason: string };

/**
 * CPU weight of sandboxed work against the server, out of the default 1024 (v1 cpu.shares) or 100
 * (v2 cpu.weight). The server accepts a class's submissions and answers pages while it builds and
 * runs their code; when both want the cores, the server gets about nine tenths, and with nothing
 * else to do the builds still take every idle cycle. Niceness alone cannot do this: bwrap starts
 * each sandbox in a new session, and with the kernel's autogroup scheduling
 * (/proc/sys/kernel/sched_autogroup_enabled) every session is weighed as one equal group, whatever
 * the nice value of the processes inside it. A cpu cgroup is weighed above autogroups.
 */
export const SANDBOX_CPU_SHARES = 128;
export const SANDBOX_CPU_WEIGHT = 12;
/** The shared v1 cpu group of all sandboxes (no owner pid in its name: never removed as a leftover). */
export const SANDBOX_CPU_GROUP = `${CGROUP_PREFIX}sandboxes`;

const read = (path: string): string => readFileSync(path, 'utf8');

/** Finds a writable place for job groups; on v2 it may move this server into a leaf group first. */
export function detectCgroups(): CgroupSupport {
  let own;
  try {
    own = parseProcCgroup(read('/proc/self/cgroup'));
  } catch (error) {
    return { version: 'none', reason: `cannot read /proc/self/cgroup: ${String(error)}` };
  }
  if (existsSync(join(ROOT, 'cgroup.controllers'))) return detectV2(own.unified ?? '/');
  if (existsSync(join(ROOT, 'memory')) && existsSync(join(ROOT, 'pids'))) {
    const memoryParent = existingDir(join(ROOT, 'memory'), own.v1.memory ?? '/');
    const pidsParent = existingDir(join(ROOT, 'pids'), own.v1.pids ?? '/');
    const problem = tryCreate(memoryParent) ?? tryCreate(pidsParent);
    if (problem) return { version: 'none', reason: `cgroup v1 is not writable: ${problem}` };
    removeLeftovers([memoryParent, pidsParent]);
    return { version: 'v1', memoryParent, pidsParent, cpuGroup: sharedCpuGroup(own.v1.cpu) };
  }
  return {
    version: 'none',
    reason: 'no cgroup memory and pids controllers are mounted under /sys/fs/cgroup (neither v1 nor v2)',
  };
}

function detectV2(ownPath: string): CgroupSupport {
  const own = cgroupDir(ROOT, ownPath);
  const hint =
    'run the server with a delegated cgroup (systemd Delegate=yes, or a container with its own cgroup)';
  try {
    const enabled = read(join(own, 'cgroup.subtree_control'));
    if (!/\bmemory\b/.test(enabled) || !/\bpids\b/.test(enabled)) {
      const available = read(join(own, 'cgroup.controllers'));
      if (!/\bmemory\b/.test(available) || !/\bpids\b/.test(available)) {
        return {
          version: 'none',
          reason: `cgroup v2: memory and pids controllers are not delegated to ${own}; ${hint}`,
        };
      }
      // "No internal processes": the server must leave its group before the group can have
      // controllers for children. Move every process of the group into a leaf.
      const leaf = join(own, `${CGROUP_PREFIX}server`);
      mkdirSync(leaf, { recursive: true });
      for (const pid of read(join(own, 'cgroup.procs')).split('\n').filter(Boolean)) {
        try {
          writeFileSync(join(leaf, 'cgroup.procs'), pid);
        } catch {
          // a process that exited meanwhile
        }
      }
      writeFileSync(join(own, 'cgroup.subtree_control'), '+memory +pids');
    }
    // The cpu controller, where delegated, lets job groups weigh less than the server (SANDBOX_CPU_WEIGHT).
    if (!/\bcpu\b/.test(read(join(own, 'cgroup.subtree_control'))))
      optionalWrite(join(own, 'cgroup.subtree_control'), '+cpu');
    const problem = tryCreate(own);
    if (problem) return { version: 'none', reason: `cgroup v2 is not writable: ${problem}; ${hint}` };
    removeLeftovers([own]);
    return { version: 'v2', parent: own };
  } catch (error) {
    return { version: 'none', reason: `cgroup v2 at ${own} is not usable (${errorText(error)}); ${hint}` };
  }
}

/** The shared cpu group with its low weight, or null if the v1 cpu hierarchy is absent or read-only. */
function sharedCpuGroup(ownPath: string | undefined): string | null {
  const mount = join(ROOT, 'cpu');
  if (!existsSync(join(mount, 'cpu.shares'))) return null;
  const group = join(existingDir(mount, ownPath ?? '/'), SANDBOX_CPU_GROUP);
  try {
    mkdirSync(group, { recursive: true });
    writeFileSync(join(group, 'cpu.shares'), String(SANDBOX_CPU_SHARES));
    return group;
  } catch {
    return null;
  }
}

function existingDir(mount: string, path: string): string {
  const dir = cgroupDir(mount, path);
  return existsSync(dir) ? dir : mount; // inside a cgroup namespace the own path may be the mount root
}

function tryCreate(parent: string): string | null {
  const probe = join(parent, `${CGROUP_PREFIX}probe-${process.pid}`);
  try {
    mkdirSync(probe);
    rmdirSync(probe);
    return null;
  } catch (error) {
    return `cannot create a group under ${parent} (${errorText(error)})`;
  }
}

/** Groups left by a server that crashed: kill their members and remove them. */
function removeLeftovers(parents: string[]): void {
  for (const parent of parents) {
    for (const name of safeReaddir(parent)) {
      const owner = ownerPidOf(name);
      if (owner === null || owner === process.pid || isAlive(owner)) continue;
      killMembers(join(parent, name));
      try {
        rmdirSync(join(parent, name));
      } catch {
        // still busy; the next start tries again
      }
    }
  }
}

let sequence = 0;
const instanceTag = Math.random().toString(36).slice(2, 8);

// Removals still under way, so that a closing server can wait for them before it exits.
const removals = new Set<Promise<void>>();

/** Resolves once every group removal started so far has finished. */
export async function groupRemovalsDone(): Promise<void> {
  await Promise.all([...removals]);
}

/** One job's groups. Create, launch with `procFiles`, then `destroy()` in a finally. */
export class JobCgroup {
  readonly dirs: string[];
  private readonly support: Exclude<CgroupSupport, { version: 'none' }>;

  private constructor(support: Exclude<CgroupSupport, { version: 'none' }>, dirs: string[]) {
    this.support = support;
    this.dirs = dirs;
  }

  /** Creates the group(s) with the memory limit (swap included) and the pids limit. */
  static create(
    support: Exclude<CgroupSupport, { version: 'none' }>,
    limits: { memoryBytes: number; pids: number },
  ): JobCgroup {
    const name = jobCgroupName(process.pid, instanceTag, ++sequence);
    if (support.version === 'v1') {
      const memory = join(support.memoryParent, name);
      const pids = join(support.pidsParent, name);
      mkdirSync(memory);
      mkdirSync(pids);
      const group = new JobCgroup(support, [memory, pids]);
      try {
        writeFileSync(join(memory, 'memory.limit_in_bytes'), String(limits.memoryBytes));
        optionalWrite(join(memory, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
        optionalWrite(join(memory, 'memory.swappiness'), '0');
        writeFileSync(join(pids, 'pids.max'), String(limits.pids));
      } catch (error) {
        void group.destroy();
        throw error;
      }
      return group;
    }
    const dir = join(support.parent, name);
    mkdirSync(dir);
    const group = new JobCgroup(support, [dir]);
    try {
      writeFileSync(join(dir, 'memory.max'), String(limits.memoryBytes));
      optionalWrite(join(dir, 'memory.swap.max'), '0');
      writeFileSync(join(dir, 'pids.max'), String(limits.pids));
      if (existsSync(join(dir, 'cpu.weight')))
        optionalWrite(join(dir, 'cpu.weight'), String(SANDBOX_CPU_WEIGHT));
    } catch (error) {
      void group.destroy();
      throw error;
    }
    return group;
  }

  /** The cgroup.procs files the launcher writes its own pid into (its groups, and the shared cpu group). */
  get procFiles(): string[] {
    const cpu = this.support.version === 'v1' ? this.support.cpuGroup : null;
    return [...this.dirs, ...(cpu ? [cpu] : [])].map((d) => join(d, 'cgroup.procs'));
  }

  /** Pids currently in the group. */
  pids(): number[] {
    const dir = this.dirs[this.dirs.length - 1] ?? '';
    return readPids(dir);
  }

  /** The kernel's OOM killer fired inside the group. */
  oomKilled(): boolean {
    const file = this.support.version === 'v1' ? 'memory.oom_control' : 'memory.events';
    try {
      return oomKills(read(join(this.dirs[0] ?? '', file))) > 0;
    } catch {
      return false;
    }
  }

  private killing: Promise<void> | null = null;

  /**
   * SIGKILLs every member, again and again until the group is empty (cgroup.kill on v2 when the
   * kernel has it). Never blocks: a job ending must not stall the server's other jobs.
   */
  killAll(): Promise<void> {
    if (this.support.version === 'v2' && optionalWrite(join(this.dirs[0] ?? '', 'cgroup.kill'), '1')) {
      return Promise.resolve();
    }
    this.killing ??= (async () => {
      for (let round = 0; round < KILL_ROUNDS; round++) {
        let signalled = 0;
        for (const dir of this.dirs) signalled += signalMembers(dir);
        if (signalled === 0) return;
        await delay(round < 5 ? 1 : 5); // killed processes usually vanish within a millisecond
      }
    })().finally(() => {
      this.killing = null;
    });
    return this.killing;
  }

  /**
   * Kills what is left and removes the group(s); safe to call twice; never throws. A process
   * that used gigabytes can take seconds to die, and only a closing server waits for this
   * (groupRemovalsDone), so it is patient.
   */
  destroy(): Promise<void> {
    if (this.removal === null) {
      const removal = this.remove();
      this.removal = removal;
      removals.add(removal);
      void removal.finally(() => removals.delete(removal));
    }
    return this.removal;
  }

  private removal: Promise<void> | null = null;

  private async remove(): Promise<void> {
    await this.killAll();
    for (const dir of this.dirs) {
      const giveUpAt = Date.now() + DESTROY_PATIENCE_MS;
      for (let attempt = 0; ; attempt++) {
        try {
          rmdirSync(dir);
          break;
        } catch (error) {
          // What is still busy after this is removed at the next start (removeLeftovers).
          if ((error as NodeJS.ErrnoException).code === 'ENOENT' || Date.now() > giveUpAt) break;
          await this.killAll();
          await delay(Math.min(10 * 2 ** attempt, 250));
        }
      }
    }
  }
}

function readPids(dir: string): number[] {
  try {
    return read(join(dir, 'cgroup.procs')).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Startup only (nothing else runs yet): kills a leftover group's members, waiting until gone. */
function killMembers(dir: string): void {
  for (let round = 0; round < KILL_ROUNDS; round++) {
    if (signalMembers(dir) === 0) return;
    sleepSync(5);
  }
}

/** One SIGKILL to each current member; returns how many there were. */
function signalMembers(dir: string): number {
  const pids = readPids(dir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return pids.length;
}

function optionalWrite(path: string, value: string): boolean {
  try {
    writeFileSync(path, value);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
