/**
 * One job's cgroups (v1 memory + pids hierarchies, or v2 unified): memory limit with swap off, a
 * pids limit, OOM-kill detection, kill-all and removal. Where they go is cgroup-detect.ts.
 */
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { jobCgroupName, oomKills } from '../plan/cgroup-paths.ts';
import { SANDBOX_CPU_WEIGHT } from '../plan/cpu-weight.ts';
import type { CgroupSupport } from './cgroup-detect.ts';
import { KILL_ROUNDS, optionalWrite, read, readPids, signalMembers } from './cgroup-members.ts';

const DESTROY_PATIENCE_MS = 30_000;

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
