/**
 * Finds, once at start, where per-job cgroups can go (v1 memory + pids hierarchies, or v2
 * unified) and says exactly why cgroups are unusable when they are. Also creates the shared v1 cpu
 * group and removes the groups a crashed server left behind.
 */
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CGROUP_PREFIX, cgroupDir, ownerPidOf, parseProcCgroup } from '../plan/cgroup-paths.ts';
import { SANDBOX_CPU_GROUP, SANDBOX_CPU_SHARES } from '../plan/cpu-weight.ts';
import { KILL_ROUNDS, optionalWrite, read, signalMembers } from './cgroup-members.ts';
import { safeReaddir } from './jobdir.ts';

const ROOT = '/sys/fs/cgroup';

/**
 * Where job groups go, or why there are none. `cpuGroup` (v1): the one cpu group every sandbox on
 * this machine shares, or null where the cpu hierarchy cannot be written.
 */
export type CgroupSupport =
  | { version: 'v1'; memoryParent: string; pidsParent: string; cpuGroup: string | null }
  | { version: 'v2'; parent: string }
  | { version: 'none'; reason: string };

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

/** Startup only (nothing else runs yet): kills a leftover group's members, waiting until gone. */
function killMembers(dir: string): void {
  for (let round = 0; round < KILL_ROUNDS; round++) {
    if (signalMembers(dir) === 0) return;
    sleepSync(5);
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
