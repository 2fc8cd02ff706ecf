/**
 * Pure: removes hidden test source from a run's output before it leaves the server.
 * The learner's code runs beside the hidden tests and could print them (os.ReadFile in the run
 * step, which sees the package's sources). This catches verbatim copies only; an encoded copy
 * gets through: the real fix is a sandbox option that keeps the sources out of the run step of
 * graded jobs (tests that read testdata would still need it).
 */
import { HIDDEN_SOURCE_MARK } from '../../../contract/grade.ts';
import type { RunResult } from '../../../contract/run.ts';
import type { Files } from '../../../contract/exercise/types.ts';

/** Lines shorter than this ("}", "return nil") are common code, not evidence of a leak. */
const MIN_LINE = 16;
/**
 * What replaces a hidden line: a token in no language that the browser words in the learner's
 * (contract/grade.ts HIDDEN_SOURCE_MARK). The text around it is the program's output, which has
 * no language of ours to match, and one grade may be read in several (a lab's instructor).
 */
export const REDACTED = HIDDEN_SOURCE_MARK;

/** Returns the distinctive lines of the hidden files, longest first. */
export function hiddenLines(hidden: Files): string[] {
  const lines = new Set<string>();
  for (const text of Object.values(hidden)) {
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (t.length >= MIN_LINE) lines.add(t);
    }
  }
  return [...lines].sort((a, b) => b.length - a.length);
}

/** Returns text with every hidden line replaced by marker. */
export function redactText(text: string, lines: readonly string[], marker: string = REDACTED): string {
  let out = text;
  for (const line of lines) if (out.includes(line)) out = out.replaceAll(line, marker);
  return out;
}

/** Returns a function that masks the hidden files' lines in a text. */
export function hider(hidden: Files): (text: string) => string {
  const lines = hiddenLines(hidden);
  return (text) => redactText(text, lines);
}

/** Returns a copy of the run with hidden test source removed from every text a learner can see. */
export function redactRun(run: RunResult, hidden: Files): RunResult {
  if (hiddenLines(hidden).length === 0) return run;
  const hide = hider(hidden);
  return {
    ...run,
    stdout: hide(run.stdout),
    stderr: hide(run.stderr),
    tests: run.tests.map((t) => ({ ...t, output: hide(t.output) })),
  };
}
