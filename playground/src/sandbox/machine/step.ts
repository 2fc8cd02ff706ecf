/**
 * Runs one sandboxed step: spawns the launcher, feeds stdin and closes it, reads both pipes up to
 * the output limit, enforces the wall clock (SIGQUIT first so a goroutine dump lands in stderr,
 * then SIGKILL), runs the deadlock watchdog, and kills everything on any limit or abort.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
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

/** What the limits, the watchdog and the client did to the step so far. */
interface StepState {
  timedOut: boolean;
  stalled: boolean;
  aborted: boolean;
  /** We SIGKILLed it (any limit, an abort, the end of a grace period). */
  killed: boolean;
}

type StepChild = ChildProcessByStdio<Writable, Readable, Readable>;

/** Runs the step to its end (or its limit) and reports the raw facts. */
export function runStep(spec: StepSpec): Promise<StepResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const state: StepState = { timedOut: false, stalled: false, aborted: false, killed: false };
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const child = spec.launcher ?? spawnStep(spec);
    const output = new OutputCollector(spec.outputBytes, spec.onOutput);

    const { killAll, quitThenKill } = killers(spec, child, state, timers);

    child.stdout.on('data', (chunk: Buffer) => onChunk('stdout', chunk));
    child.stderr.on('data', (chunk: Buffer) => onChunk('stderr', chunk));
    function onChunk(stream: StreamName, chunk: Buffer): void {
      if (!output.push(stream, chunk) && !state.killed) killAll();
    }
    child.stdin.on('error', () => undefined); // the program may exit without reading its input
    child.stdin.end(spec.stdin ?? '');

    timers.push(
      setTimeout(() => {
        if (state.killed) return;
        state.timedOut = true;
        if (spec.watchdog) quitThenKill(spec.quitGraceMs);
        else killAll();
      }, spec.wallMs),
    );
    if (spec.watchdog?.armed) {
      timers.push(
        watchForStall(spec, child, state, () =>
          quitThenKill(Math.max(spec.quitGraceMs, STALL_DUMP_GRACE_MS)),
        ),
      );
    }

    const onAbort = (): void => {
      state.aborted = true;
      killAll();
    };
    if (spec.signal?.aborted) onAbort();
    else spec.signal?.addEventListener('abort', onAbort, { once: true });

    let exit: ExitFacts = { code: null, signal: null };
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
      resolve({
        ...exitStatus(exit, state.killed || memoryLimited),
        stdout: output.text('stdout'),
        stderr: output.text('stderr'),
        outputLimited: output.overflowed,
        timedOut: state.timedOut,
        memoryLimited,
        stalled: state.stalled,
        durationMs: Math.round(performance.now() - started),
        aborted: state.aborted,
      });
    }
  });
}

/** Spawns the launcher itself (no ready one from the pool), with the seccomp pipe when bwrap asks for it. */
function spawnStep(spec: StepSpec): StepChild {
  const usesSeccomp = spec.argv.includes('--seccomp');
  const child = spawn(spec.argv[0] ?? '', spec.argv.slice(1), {
    cwd: spec.cwd,
    env: spec.env,
    // bwrap reads its seccomp filter from fd 3 (see ../plan/seccomp.ts) before it starts the program.
    stdio: usesSeccomp ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
    detached: detached(spec),
  }) as StepChild;
  if (usesSeccomp) sendSeccompFilter(child.stdio[SECCOMP_FD] as Writable);
  return child;
}

/** Without a cgroup, a process group is how we kill all. */
const detached = (spec: StepSpec): boolean => spec.cgroup === null;

/**
 * SIGKILL for everything of the step (the cgroup, or the process group), and SIGQUIT to the
 * program first so a goroutine dump lands in stderr, then SIGKILL after `graceMs`.
 */
function killers(
  spec: StepSpec,
  child: StepChild,
  state: StepState,
  timers: NodeJS.Timeout[],
): { killAll: () => void; quitThenKill: (graceMs: number) => void } {
  const killAll = (): void => {
    state.killed = true;
    void spec.cgroup?.killAll();
    try {
      if (detached(spec) && child.pid) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  };
  const quitThenKill = (graceMs: number): void => {
    for (const pid of programMain(spec, child)) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // exited meanwhile
      }
    }
    timers.push(setTimeout(killAll, graceMs));
  };
  return { killAll, quitThenKill };
}

/** The program's main process: the lowest pid at its depth below the launcher (children come later). */
function programMain(spec: StepSpec, child: StepChild): number[] {
  if (!child.pid || !spec.watchdog) return [];
  const pids = programPids(child.pid, spec.watchdog.programDepth, spec.cgroup?.pids() ?? null);
  return pids.slice(0, 1);
}

/** Samples the program every sampleMs; on a stall verdict marks it stalled and calls `onStall` once. */
function watchForStall(
  spec: StepSpec,
  child: StepChild,
  state: StepState,
  onStall: () => void,
): NodeJS.Timeout {
  const wd = spec.watchdog!;
  const detector = new StallDetector({ windowMs: wd.windowMs, cpuSlackTicks: 2 });
  const tick = setInterval(() => {
    if (state.killed || state.timedOut || state.stalled || !child.pid) return;
    const pids = programPids(child.pid, wd.programDepth, spec.cgroup?.pids() ?? null);
    if (detector.observe(sampleProgram(pids, performance.now()))) {
      state.stalled = true;
      clearInterval(tick);
      onStall();
    }
  }, wd.sampleMs);
  return tick;
}

type ExitFacts = { code: number | null; signal: NodeJS.Signals | null };

/**
 * The exit as the learner should see it. bwrap's pid 1 reports a child killed by signal N as
 * 128+N; those become the signal with exit code -1 (137, SIGKILL, only when we or the OOM killer
 * killed it: a program may exit 137 by itself).
 */
function exitStatus(exit: ExitFacts, weKilled: boolean): { exitCode: number; signal: string | null } {
  let exitCode = exit.code ?? -1;
  let signal: string | null = exit.signal;
  const mapped = SIGNAL_EXITS[exitCode];
  if (signal === null && mapped && (weKilled || mapped !== 'SIGKILL')) {
    signal = mapped;
    exitCode = -1;
  }
  if (signal !== null) exitCode = -1;
  return { exitCode, signal };
}
