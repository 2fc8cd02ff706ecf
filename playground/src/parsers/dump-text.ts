/**
 * When the sandbox stops a program with SIGQUIT (watchdog or time limit), Go prints a full
 * runtime dump: registers, runtime-internal goroutines, addresses. Learners need the part that
 * is theirs, which the result carries as data (goroutines) with a stop code saying why; the reader
 * words it (components/i18n/run-texts.ts). This cuts the dump from stderr and names the stop.
 */
import type { Cause, Goroutine, RunStatus, StopCode } from '../../../contract/run.ts';

/** The line Go's runtime prints first when SIGQUIT stops it; the dump follows. */
export const SIGQUIT_LINE = 'SIGQUIT: quit\n';
const SIGQUIT_MARK = /(^|\n)SIGQUIT: quit\n/;

/** Why the program was stopped, in the terms Go itself would use without -race. */
export function stopCode(
  status: RunStatus,
  goroutines: Goroutine[],
  cause: Cause['code'] | undefined,
): StopCode {
  if (status !== 'deadlock') return 'stopped';
  // runtime/proc.go checkdead says "no goroutines" only when none is left after runtime.Goexit.
  return cause === 'main_goexit' && goroutines.length === 0 ? 'deadlock_no_goroutines' : 'deadlock';
}

/**
 * Returns stderr without a SIGQUIT dump (what the program wrote before it, which ends a line) and
 * whether there was one.
 */
export function cutQuitDump(stderr: string): { stderr: string; dumped: boolean } {
  const match = SIGQUIT_MARK.exec(stderr);
  if (!match) return { stderr, dumped: false };
  return { stderr: stderr.slice(0, match.index + match[1]!.length), dumped: true };
}
