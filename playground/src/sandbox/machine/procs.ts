/**
 * Reads the sandboxed program's processes and threads from the host's /proc for the deadlock
 * watchdog. Only /proc files of pids we launched are read; nothing in the sandbox is followed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import {
  classifySyscall,
  descendantsAtDepth,
  parseStat,
  processLooksStuck,
  type StallSample,
} from '../plan/watchdog.ts';

function tryRead(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The processes at depth ≥ minDepth under root; candidates are the cgroup's members, or all of /proc. */
export function programPids(root: number, minDepth: number, candidates: number[] | null): number[] {
  const pids =
    candidates ??
    readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  const parents = new Map<number, number>();
  for (const pid of pids) {
    const stat = tryRead(`/proc/${pid}/stat`);
    const parsed = stat === null ? null : parseStat(stat);
    if (parsed) parents.set(pid, parsed.ppid);
  }
  return descendantsAtDepth(root, parents, minDepth);
}

/** One watchdog observation of the given processes (stuck is false when there are none). */
export function sampleProgram(pids: number[], atMs: number): StallSample {
  let cpuTicks = 0;
  let stuck = pids.length > 0;
  for (const pid of pids) {
    const stat = tryRead(`/proc/${pid}/stat`);
    const parsed = stat === null ? null : parseStat(stat);
    if (!parsed) {
      stuck = false; // exiting or unreadable: not a deadlock we can prove
      continue;
    }
    cpuTicks += parsed.cpuTicks;
    if (!stuck) continue;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      stuck = false;
      continue;
    }
    const waits = tids.map((tid) => {
      const line = tryRead(`/proc/${pid}/task/${tid}/syscall`);
      return line === null ? 'active' : classifySyscall(line);
    });
    if (!processLooksStuck(waits)) stuck = false;
  }
  return { atMs, stuck, cpuTicks };
}
