/**
 * Words a run's codes in a locale, from the UI strings (t.ts): the verdict's summary and the
 * account of a program the sandbox stopped, which the terminal shows where the runtime dump was.
 * Used by the browser and by the command-line tools (check:snippets), so both say the same.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */
import type { Goroutine, StopCode, Summary } from '../../contract/run.ts';
import { t, type Locale } from './index.ts';

/** Returns the one-sentence summary of a verdict. */
export function summaryText(locale: Locale, summary: Summary): string {
  return t(locale, `pg.summary.${summary.code}`, summary.params);
}

/**
 * The line Go's runtime prints for each deadlock (runtime/proc.go checkdead), quoted as Go prints
 * it in every locale: it is what a learner searches for, not a sentence of ours.
 */
export const GO_DEADLOCK_LINE: Record<Exclude<StopCode, 'stopped'>, string> = {
  deadlock: 'fatal error: all goroutines are asleep - deadlock!',
  deadlock_no_goroutines: 'fatal error: no goroutines (main called runtime.Goexit) - deadlock!',
};

/** Returns Go-style stack text for goroutines ("goroutine 1 [sync.Mutex.Lock]:\nmain.main(...)\n\tmain.go:8"). */
export function formatGoroutines(goroutines: readonly Goroutine[]): string {
  return goroutines
    .map((g) =>
      [
        `goroutine ${g.id} [${g.state}]:`,
        ...g.frames.map((f) => `${f.func}(...)\n\t${f.file}:${f.line}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** Returns the terminal text for a stopped program: why, then its goroutines as Go prints them. */
export function stopText(locale: Locale, code: StopCode, goroutines: readonly Goroutine[]): string {
  const note = t(locale, `pg.stop.${code}`);
  const heading = code === 'stopped' ? note : `${GO_DEADLOCK_LINE[code]}\n${note}`;
  const body = formatGoroutines(goroutines);
  return `${heading}\n\n${body}${body ? '\n' : ''}`;
}
