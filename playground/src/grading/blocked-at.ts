/**
 * Pure: where the learner's own code waits in a stuck run. The runner's deadlock message names
 * each goroutine's first non-runtime frame, which in an exercise is often a test helper; the
 * learner needs the line of THEIR file, e.g. "bank.go:44 in Transfer (sync.Mutex.Lock)".
 */
import type { Goroutine } from '../contract/run.ts';

/** Returns "file:line in Func (wait reason)" for each goroutine stopped inside a learner file. */
export function blockedAt(goroutines: readonly Goroutine[], learnerFiles: readonly string[]): string[] {
  const out: string[] = [];
  for (const g of goroutines) {
    const frame = g.frames.find((f) => learnerFiles.includes(f.file));
    if (!frame) continue;
    const func = frame.func.slice(frame.func.lastIndexOf('.') + 1);
    out.push(`${frame.file}:${frame.line} in ${func} (${g.state})`);
  }
  return out;
}
