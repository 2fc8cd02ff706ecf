/**
 * Deciding whether a stuck program is deadlocked, from the goroutine dump taken after it stopped
 * making progress (the sandbox watchdog's SIGQUIT, or a test binary's -timeout panic).
 *
 * Needed because the runtime's own "all goroutines are asleep - deadlock!" never fires under
 * -race (golang/go#20588; seed-errata "deadlock detection is off under -race").
 *
 * Rule: deadlocked when there is at least one user goroutine and EVERY user goroutine is parked
 * on a wait that only another goroutine could end (see BLOCKING_STATES), and none is sleeping,
 * in a syscall, in IO wait, runnable or running. Unknown states count as "could progress": a false
 * "deadlock" verdict is worse than a plain timeout.
 *
 * Limits (why the caller must be careful about WHEN to ask):
 * - A receive from a timer channel (`<-time.After(d)`, a Ticker's C, a `select` with a
 *   time.After case) is printed exactly like any other `[chan receive]` / `[select]`; the dump
 *   cannot tell that a timer will end it. The sandbox's deadlock watchdog handles this by not
 *   stalling programs that have timers pending (see playground/src/sandbox), so a stalled dump
 *   should not contain such waits. A test's -timeout dump can: a test that waits on a timer
 *   longer than the test timeout is judged deadlocked, which is a fair reading of "stuck".
 * - Goroutines blocked in cgo or syscalls (e.g. reading stdin) are "in a syscall": not deadlocked.
 * - Runtime-internal goroutines and the testing package's timeout alarm are ignored.
 */
import type { Goroutine } from '../../../contract/run.ts';
import { firstUserFrame } from './frames.ts';
import { isSystemGoroutine, isTestAlarm } from './goroutines.ts';

/** Wait reasons that only another goroutine can end (runtime2.go waitReasonStrings). */
export const BLOCKING_STATES: ReadonlySet<string> = new Set([
  'sync.Mutex.Lock',
  'sync.RWMutex.Lock',
  'sync.RWMutex.RLock',
  'sync.WaitGroup.Wait',
  'sync.Cond.Wait',
  'semacquire',
  'chan send',
  'chan receive',
  'chan send (nil chan)',
  'chan receive (nil chan)',
  'select',
  'select (no cases)',
]);

export interface StallVerdict {
  deadlocked: boolean;
  /**
   * The dump has goroutines but not goroutine 1, main's (runtime/crash_test.go TestMainGoroutineID):
   * main called runtime.Goexit. Nothing else removes it from a live program: main returning ends
   * the process (runtime/proc.go runtime.main calls exit(0)), so does an unrecovered panic
   * (runtime/panic.go fatalpanic calls exit(2)), and a dump lists every goroutine that has not
   * exited (runtime/traceback.go tracebackothers skips only dead ones, and system ones below
   * GOTRACEBACK=system; the SIGQUIT dump is at that level, runtime/signal_unix.go sighandler).
   */
  mainExited: boolean;
  /** The user goroutines in a blocking wait (all of them when deadlocked). */
  blocked: Goroutine[];
  /** A plain-language sentence explaining the verdict. */
  reason: string;
}

/**
 * Returns "goroutine 6 (sync.Mutex.Lock at main.go:14)" for messages; without a learner frame,
 * the first non-runtime function ("goroutine 1 (chan receive in testing.(*T).Run)").
 */
export function describeGoroutine(g: Goroutine): string {
  const at = firstUserFrame(g.frames);
  if (at) return `goroutine ${g.id} (${g.state} at ${at.file}:${at.line})`;
  const fn = g.frames.find((f) => !f.func.startsWith('runtime.') && !f.func.startsWith('internal/'));
  return `goroutine ${g.id} (${g.state}${fn ? ` in ${fn.func}` : ''})`;
}

/**
 * Returns whether the dump shows a deadlock, which goroutines are blocked, and why.
 * `timerMayBePending`: the program was stopped by the wall clock, not by the watchdog (which never
 * stops a program with a timer pending). It matters only when no goroutine of the program is left.
 */
export function judgeStall(
  goroutines: readonly Goroutine[],
  { timerMayBePending = false }: { timerMayBePending?: boolean } = {},
): StallVerdict {
  const user = goroutines.filter((g) => !isSystemGoroutine(g) && !isTestAlarm(g));
  const blocked = user.filter((g) => BLOCKING_STATES.has(g.state));
  const mainExited = goroutines.length > 0 && !goroutines.some((g) => g.id === 1);
  if (user.length === 0) {
    if (!mainExited) {
      return {
        deadlocked: false,
        mainExited,
        blocked,
        reason: 'The dump shows no goroutines of the program.',
      };
    }
    if (timerMayBePending) {
      // A pending timer (time.AfterFunc) may still start a goroutine, and without -race the
      // runtime waits for it too: findRunnable parks an M in netpoll(delay) for the timer without
      // putting it on the idle list, so checkdead counts a running M and returns before its
      // goroutine count (runtime/proc.go; measured: such a program hangs). A timeout, then.
      return {
        deadlocked: false,
        mainExited,
        blocked,
        reason:
          'main called runtime.Goexit and no goroutine of the program is left, but a timer was pending.',
      };
    }
    // runtime/proc.go checkdead's "no goroutines (main called runtime.Goexit) - deadlock!"; under
    // -race that check is off (golang/go#20588), and the watchdog stopped the program instead.
    return {
      deadlocked: true,
      mainExited,
      blocked,
      reason:
        'main called runtime.Goexit, so the program could only go on in other goroutines, and none is left.',
    };
  }
  const free = user.find((g) => !BLOCKING_STATES.has(g.state));
  if (free) {
    return {
      deadlocked: false,
      mainExited,
      blocked,
      reason: `Not a deadlock: ${describeGoroutine(free)} could still make progress.`,
    };
  }
  const n = user.length;
  const list = blocked.map(describeGoroutine).join(', ');
  const rest = `blocked waiting for something only another goroutine could do: ${list}.`;
  if (mainExited) {
    const left = n === 1 ? 'the only goroutine left is' : `all ${n} goroutines left are`;
    return {
      deadlocked: true,
      mainExited,
      blocked,
      reason: `main called runtime.Goexit, and ${left} ${rest}`,
    };
  }
  const who = n === 1 ? 'The only goroutine is' : `All ${n} goroutines are`;
  return { deadlocked: true, mainExited, blocked, reason: `${who} ${rest}` };
}
