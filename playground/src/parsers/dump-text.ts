/**
 * When the sandbox stops a program with SIGQUIT (watchdog or time limit), Go prints a full
 * runtime dump: registers, runtime-internal goroutines, addresses. Learners need the part that
 * is theirs. This replaces the dump in stderr with Go-style text of the user goroutines only.
 */
import type { Cause, Goroutine, RunStatus } from '../contract/run.ts';

/** The line Go's runtime prints first when SIGQUIT stops it; the dump follows. */
export const SIGQUIT_LINE = 'SIGQUIT: quit\n';
const SIGQUIT_MARK = /(^|\n)SIGQUIT: quit\n/;

/** Returns Go-style stack text for goroutines ("goroutine 1 [sync.Mutex.Lock]:\nmain.main()\n\tmain.go:8"). */
export function formatGoroutines(goroutines: Goroutine[]): string {
  return goroutines
    .map((g) =>
      [
        `goroutine ${g.id} [${g.state}]:`,
        ...g.frames.map((f) => `${f.func}(...)\n\t${f.file}:${f.line}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** The line Go itself prints for each deadlock, and what Lockstep saw instead under -race. */
function deadlockHeading(goroutines: Goroutine[], cause: Cause['code'] | undefined): string {
  const seeIssue = ' Go reports this itself only in builds without -race; see golang/go#20588.)';
  if (cause === 'main_goexit' && goroutines.length === 0) {
    // runtime/proc.go checkdead's text when no goroutine is left.
    return (
      'fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n' +
      '(found by Lockstep: main called runtime.Goexit and no goroutine of the program was left.\n' +
      seeIssue
    );
  }
  return (
    'fatal error: all goroutines are asleep - deadlock!\n' +
    '(found by Lockstep: the program stopped making progress with every goroutine blocked.\n' +
    seeIssue
  );
}

/** Returns stderr with a SIGQUIT dump replaced by a short account of why the program was stopped. */
export function replaceQuitDump(
  stderr: string,
  status: RunStatus,
  goroutines: Goroutine[],
  cause?: Cause['code'],
): string {
  const match = SIGQUIT_MARK.exec(stderr);
  if (!match) return stderr;
  const before = stderr.slice(0, match.index + match[1]!.length);
  const heading =
    status === 'deadlock'
      ? deadlockHeading(goroutines, cause)
      : '[stopped by the sandbox: goroutines at that moment]';
  const body = formatGoroutines(goroutines);
  return `${before}${before && !before.endsWith('\n') ? '\n' : ''}${heading}\n\n${body}${body ? '\n' : ''}`;
}
