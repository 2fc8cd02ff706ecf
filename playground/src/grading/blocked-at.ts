/**
 * Pure: where the learner's own code waits in a stuck run. The runner's deadlock message names
 * each goroutine's first non-runtime frame, which in an exercise is often a test helper; the
 * learner needs the line of THEIR file, e.g. "bank.go:44 in Transfer (sync.Mutex.Lock)".
 */
import type { Locale } from '../../../contract/grade.ts';
import type { Goroutine } from '../../../contract/run.ts';
import { gradingText } from './messages.ts';

/** Returns "file:line in Func (wait reason)" for each goroutine stopped inside a learner file. */
export function blockedAt(
  goroutines: readonly Goroutine[],
  learnerFiles: readonly string[],
  locale: Locale = 'en',
): string[] {
  const out: string[] = [];
  for (const g of goroutines) {
    const frame = g.frames.find((f) => learnerFiles.includes(f.file));
    if (!frame) continue;
    const func = frame.func.slice(frame.func.lastIndexOf('.') + 1);
    out.push(gradingText(locale, 'blocked.at', { file: frame.file, line: frame.line, func, state: g.state }));
  }
  return out;
}
