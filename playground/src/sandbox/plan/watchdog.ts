/**
 * The deadlock watchdog's decision rule, with no I/O. A Go program built with -race never prints
 * "all goroutines are asleep" (golang/go#20588), so the host decides from outside whether it can
 * still make progress: every thread must be parked with no timeout, and no CPU may be spent, for a
 * whole window. Why this works and where it stops working: README.md, "Deadlock watchdog".
 */

/** What one thread of the program is doing, from /proc/<pid>/task/<tid>/syscall. */
export type ThreadWait =
  /** Parked until another thread of the program wakes it (futex without timeout, epoll with -1). */
  | 'parked'
  /** A futex wait with a timeout: the Go runtime's sysmon thread sleeps like this when idle. */
  | 'timed-futex'
  /** Will wake by itself: a timer is pending (epoll with a timeout) or it sleeps (nanosleep). */
  | 'timer'
  /** Running, faulting, or in any other syscall (read, wait4, …) that something outside may end. */
  | 'active';

// x86-64 syscall numbers (the only architecture with a known table here; others read as 'active').
const SYS_NANOSLEEP = 35;
const SYS_EPOLL_WAIT = 232;
const SYS_CLOCK_NANOSLEEP = 230;
const SYS_FUTEX = 202;
const SYS_EPOLL_PWAIT = 281;
const SYS_EPOLL_PWAIT2 = 441;
const FUTEX_CMD_MASK = 0x7f; // drops FUTEX_PRIVATE_FLAG (128) and FUTEX_CLOCK_REALTIME (256)
const FUTEX_WAIT = 0;
const FUTEX_WAIT_BITSET = 9;

/** Classifies one line of /proc/<pid>/task/<tid>/syscall ("202 0x… 0x80 0x0 …", "running", "-1 …"). */
export function classifySyscall(line: string, arch: string = process.arch): ThreadWait {
  const fields = line.trim().split(/\s+/);
  if (arch !== 'x64' || fields.length < 5) return 'active';
  const nr = Number(fields[0]);
  const arg = (i: number): bigint => {
    try {
      return BigInt(fields[1 + i] ?? 'x');
    } catch {
      return -1n;
    }
  };
  switch (nr) {
    case SYS_FUTEX: {
      const cmd = Number(arg(1) & BigInt(FUTEX_CMD_MASK));
      if (cmd !== FUTEX_WAIT && cmd !== FUTEX_WAIT_BITSET) return 'active';
      return arg(3) === 0n ? 'parked' : 'timed-futex';
    }
    case SYS_EPOLL_WAIT:
    case SYS_EPOLL_PWAIT:
      // The timeout is a C int; /proc prints the register, so -1 may show as 32 or 64 set bits.
      return (arg(3) & 0xffffffffn) === 0xffffffffn ? 'parked' : 'timer';
    case SYS_EPOLL_PWAIT2:
      return arg(3) === 0n ? 'parked' : 'timer';
    case SYS_NANOSLEEP:
    case SYS_CLOCK_NANOSLEEP:
      return 'timer';
    default:
      return 'active';
  }
}

/** True when no thread of one process can wake the program by itself. */
export function processLooksStuck(threads: readonly ThreadWait[]): boolean {
  let timedFutexes = 0;
  for (const t of threads) {
    if (t === 'active' || t === 'timer') return false;
    if (t === 'timed-futex') timedFutexes++;
  }
  // One timed futex is sysmon (its timeout is at most 60 s and only feeds the GC); a second one is
  // something we do not understand, so we assume it may wake the program.
  return timedFutexes <= 1;
}

/** One observation of the whole program. */
export interface StallSample {
  atMs: number;
  /** Every process of the program looks stuck (see processLooksStuck). */
  stuck: boolean;
  /** CPU time used by the program's processes so far, in clock ticks (utime + stime). */
  cpuTicks: number;
}

/** Tunables of the rule. */
export interface StallRule {
  windowMs: number;
  /** CPU ticks the program may use during the window and still count as stuck (runtime noise). */
  cpuSlackTicks: number;
}

/** Stateful but pure: feed samples in time order; `stalled` turns true once and stays true. */
export class StallDetector {
  private quietSince: StallSample | null = null;
  stalled = false;
  private readonly rule: StallRule;
  constructor(rule: StallRule) {
    this.rule = rule;
  }

  /** Returns true on the sample that decides the program is stalled. */
  observe(sample: StallSample): boolean {
    if (this.stalled) return false;
    if (!sample.stuck) {
      this.quietSince = null;
      return false;
    }
    const since = this.quietSince;
    if (since === null || sample.cpuTicks - since.cpuTicks > this.rule.cpuSlackTicks) {
      this.quietSince = sample;
      return false;
    }
    if (sample.atMs - since.atMs >= this.rule.windowMs) {
      this.stalled = true;
      return true;
    }
    return false;
  }
}

/** ppid and CPU ticks from /proc/<pid>/stat (the command name may contain spaces and parentheses). */
export function parseStat(text: string): { ppid: number; cpuTicks: number } | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const f = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const ppid = Number(f[1]);
  const cpuTicks = Number(f[11]) + Number(f[12]);
  return Number.isFinite(ppid) && Number.isFinite(cpuTicks) ? { ppid, cpuTicks } : null;
}

/** Pids at depth ≥ minDepth below root (root has depth 0), given each candidate's parent. */
export function descendantsAtDepth(
  root: number,
  parents: ReadonlyMap<number, number>,
  minDepth: number,
): number[] {
  const depth = new Map<number, number>([[root, 0]]);
  const resolve = (pid: number, seen: number): number | undefined => {
    const known = depth.get(pid);
    if (known !== undefined) return known;
    const parent = parents.get(pid);
    if (parent === undefined || seen > 64) return undefined;
    const d = resolve(parent, seen + 1);
    if (d === undefined) return undefined;
    depth.set(pid, d + 1);
    return d + 1;
  };
  const out: number[] = [];
  for (const pid of parents.keys()) {
    const d = resolve(pid, 0);
    if (d !== undefined && d >= minDepth) out.push(pid);
  }
  return out.sort((a, b) => a - b);
}
