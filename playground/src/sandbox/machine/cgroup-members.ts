/**
 * The processes inside a cgroup: reading its members, SIGKILLing them, and the optional control
 * files a kernel may lack. Shared by detection (cgroup-detect.ts) and the job groups (cgroup.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A fork bomb can refill the group while it is being killed; give up after this many passes.
export const KILL_ROUNDS = 100;

export const read = (path: string): string => readFileSync(path, 'utf8');

/** Pids currently in the group at `dir` (none when it is gone). */
export function readPids(dir: string): number[] {
  try {
    return read(join(dir, 'cgroup.procs')).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** One SIGKILL to each current member; returns how many there were. */
export function signalMembers(dir: string): number {
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

/** Writes a control file the kernel may not have; false when it could not. */
export function optionalWrite(path: string, value: string): boolean {
  try {
    writeFileSync(path, value);
    return true;
  } catch {
    return false;
  }
}
