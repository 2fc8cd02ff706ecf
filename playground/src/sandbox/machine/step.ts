/**
 * Runs one sandboxed step: spawns the launcher, feeds stdin and closes it, reads both pipes up to
 * the output limit, enforces the wall clock (SIGQUIT first so a goroutine dump lands in stderr,
 * then SIGKILL), runs the deadlock watchdog, and kills everything on any limit or abort.
 */
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { SECCOMP_FD } from '../plan/seccomp.ts';
import { sendSeccompFilter } from './seccomp-pipe.ts';
import type { LauncherProcess } from './launcher-pool.ts';
import type { StepOutcome } from '../plan/outcome.ts';
import { OutputCollector, type StreamName } from '../plan/output.ts';
import type { JobCgroup } from './cgroup.ts';
import { programPids, sampleProgram } from './procs.ts';
import { StallDetector } from '../plan/watchdog.ts';

/** Everything one step needs. */
export interface StepSpec {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  stdin?: string | undefined;
  wallMs: number;
  outputBytes: number;
  cgroup: JobCgroup | null;
  /**
   * Where the program sits (programDepth: launcher processes above it) so it can get SIGQUIT at the
   * wall clock; `armed` also runs the deadlock watchdog. Absent for build steps (plain SIGKILL).
   */
  watchdog?: { programDepth: number; armed: boolean; windowMs: number; sampleMs: number } | undefined;
  quitGraceMs: number;
  onOutput?: ((stream: StreamName, text: string) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** A launcher from the pool that was just given this step's argv; argv/env/cwd are then unused. */
  launcher?: LauncherProcess | undefined;
}

/** A StepOutcome plus whether the client gave up on it. */
export type StepResult = StepOutcome & { aborted: boolean };

// Exit statuses a pid-1 reaper (bwrap) reports for a child killed by a signal: 128 + number.
const SIGNAL_EXITS: Record<number, string> = { 134: 'SIGABRT', 137: 'SIGKILL', 139: 'SIGSEGV' };
// After a stall verdict the dump of many goroutines may take a moment; bounded by the wall clock.
const STALL_DUMP_GRACE_MS = 2_000;
// Pipes can outlive the killed process briefly; never wait for them longer than this.
const CLOSE_WAIT_MS = 3_000;

/** Runs the step to its end (or its limit) and reports the raw facts. */
export function runStep(spec: StepSpec): Promise<StepResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let timedOut = false;
    let stalled = false;
    let aborted = false;
    let killed = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const detached = spec.cgroup === null; // without a cgroup, a process group is how we kill all
    const usesSeccomp = spec.launcher === undefined && spec.argv.includes('--seccomp');
    const child =
      spec.launcher ??
      spawn(spec.argv[0] ?? '', spec.argv.slice(1), {
        cwd: spec.cwd,
        env: spec.env,
        // bwrap reads its seccomp filter from fd 3 (see ../plan/seccomp.ts) before it starts the program.
        stdio: usesSeccomp ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
        detached,
      });
    if (usesSeccomp) sendSeccompFilter(child.stdio[SECCOMP_FD] as Writable);
    const output = new OutputCollector(spec.outputBytes, spec.onOutput);

    const killAll = (): void => {
      killed = true;
      void spec.cgroup?.killAll();
      try {
        if (detached && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const programMain = (): number[] => {
      if (!child.pid || !spec.watchdog) return [];
      const pids = programPids(child.pid, spec.watchdog.programDepth, spec.cgroup?.pids() ?? null);
      return pids.slice(0, 1); // the lowest pid at that depth is the program (children come later)
    };
    const quitThenKill = (graceMs: number): void => {
      for (const pid of programMain()) {
        try {
          process.kill(pid, 'SIGQUIT');
        } catch {
          // exited meanwhile
        }
      }
      timers.push(setTimeout(killAll, graceMs));
    };

    child.stdout.on('data', (chunk: Buffer) => onChunk('stdout', chunk));
    child.stderr.on('data', (chunk: Buffer) => onChunk('stderr', chunk));
    function onChunk(stream: StreamName, chunk: Buffer): void {
      if (!output.push(stream, chunk) && !killed) killAll();
    }
    child.stdin.on('error', () => undefined); // the program may exit without reading its input
    child.stdin.end(spec.stdin ?? '');

    timers.push(
      setTimeout(() => {
        if (killed) return;
        timedOut = true;
        if (spec.watchdog) quitThenKill(spec.quitGraceMs);
        else killAll();
      }, spec.wallMs),
    );

    if (spec.watchdog?.armed) {
      const wd = spec.watchdog;
      const detector = new StallDetector({ windowMs: wd.windowMs, cpuSlackTicks: 2 });
      const tick = setInterval(() => {
        if (killed || timedOut || stalled || !child.pid) return;
        const pids = programPids(child.pid, wd.programDepth, spec.cgroup?.pids() ?? null);
        if (detector.observe(sampleProgram(pids, performance.now()))) {
          stalled = true;
          clearInterval(tick);
          quitThenKill(Math.max(spec.quitGraceMs, STALL_DUMP_GRACE_MS));
        }
      }, wd.sampleMs);
      timers.push(tick);
    }

    const onAbort = (): void => {
      aborted = true;
      killAll();
    };
    if (spec.signal?.aborted) onAbort();
    else spec.signal?.addEventListener('abort', onAbort, { once: true });

    let exit: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // The sandbox's init is gone; make sure nothing else of the job survives holding the pipes.
      void spec.cgroup?.killAll();
      timers.push(setTimeout(finish, CLOSE_WAIT_MS));
    });
    child.on('error', (error) => {
      output.push('stderr', Buffer.from(`lockstep: cannot start the sandbox: ${error.message}\n`));
      finish();
    });
    child.on('close', finish);

    function finish(): void {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      spec.signal?.removeEventListener('abort', onAbort);
      child.stdout.destroy();
      child.stderr.destroy();
      output.flush();
      const memoryLimited = spec.cgroup?.oomKilled() ?? false;
      let exitCode = exit.code ?? -1;
      let signal: string | null = exit.signal;
      const mapped = SIGNAL_EXITS[exitCode];
      if (signal === null && mapped && (killed || memoryLimited || mapped !== 'SIGKILL')) {
        signal = mapped;
        exitCode = -1;
      }
      if (signal !== null) exitCode = -1;
      resolve({
        exitCode,
        signal,
        stdout: output.text('stdout'),
        stderr: output.text('stderr'),
        outputLimited: output.overflowed,
        timedOut,
        memoryLimited,
        stalled,
        durationMs: Math.round(performance.now() - started),
        aborted,
      });
    }
  });
}
