/**
 * Pure: where the learner's own code waits in a stuck run. The runner's deadlock summary names
 * each goroutine's first non-runtime frame, which in an exercise is often a test helper; the
 * learner needs the line of THEIR file, e.g. bank.go:44 in Transfer, waiting in sync.Mutex.Lock.
 * Facts only: the browser words them (components/i18n/grade-texts.ts).
 */
import type { BlockedAt } from '../../../contract/grade.ts';
import type { Goroutine } from '../../../contract/run.ts';

/** Returns the deepest learner-file frame of each goroutine stopped inside a learner file. */
export function blockedAt(goroutines: readonly Goroutine[], learnerFiles: readonly string[]): BlockedAt[] {
  const out: BlockedAt[] = [];
  for (const g of goroutines) {
    const frame = g.frames.find((f) => learnerFiles.includes(f.file));
    if (!frame) continue;
    const func = frame.func.slice(frame.func.lastIndexOf('.') + 1);
    out.push({ file: frame.file, line: frame.line, func, state: g.state });
  }
  return out;
}
