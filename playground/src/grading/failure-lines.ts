/**
 * Pure: the lines of a test's output that explain its failure, as a learner wants to read them:
 * what t.Error/t.Fatal printed (and panics), without the framing lines of `go test -v` and
 * without race report blocks (the grade carries those structured, in run.races).
 */

/** At most this much of a test's output goes into its message; the full text is in run.stdout. */
export const MAX_MESSAGE_CHARS = 2000;

const FRAMING = /^\s*(=== (RUN|PAUSE|CONT|NAME)|--- (FAIL|PASS|SKIP):)/;
const RACE_VERDICT = /^\s*testing\.go:\d+: race detected during execution of test$/;
const RACE_FENCE = /^={18}$/;

/** Returns the failure lines of a test's output, de-indented, or "" when there are none. */
export function failureLines(output: string): string {
  const kept: string[] = [];
  let inRace = false;
  for (const line of output.split('\n')) {
    if (RACE_FENCE.test(line)) {
      inRace = !inRace;
      continue;
    }
    if (inRace || FRAMING.test(line) || RACE_VERDICT.test(line) || line.trim() === '') continue;
    kept.push(line.replace(/^ {4}/, ''));
  }
  const text = kept.join('\n');
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}\n[…]` : text;
}
