/**
 * Pure: removes hidden test source from a run's output before it leaves the server.
 * The learner's code runs beside the hidden tests and could print them (os.ReadFile in the run
 * step, which sees the package's sources). This catches verbatim copies only; an encoded copy
 * gets through: the real fix is a sandbox option that keeps the sources out of the run step of
 * graded jobs (tests that read testdata would still need it).
 */
import type { Locale } from '../../../contract/grade.ts';
import type { RunResult } from '../../../contract/run.ts';
import type { Files } from '../../../contract/exercise/types.ts';
import { gradingText } from './messages.ts';

/** Lines shorter than this ("}", "return nil") are common code, not evidence of a leak. */
const MIN_LINE = 16;
/** What replaces a hidden line, in English (redactRun writes it in the learner's locale). */
export const REDACTED = gradingText('en', 'redacted');

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

/** Returns a function that masks the hidden files' lines in a text, with the marker in locale. */
export function hider(hidden: Files, locale: Locale = 'en'): (text: string) => string {
  const lines = hiddenLines(hidden);
  const marker = gradingText(locale, 'redacted');
  return (text) => redactText(text, lines, marker);
}

/** Returns a copy of the run with hidden test source removed from every text a learner can see. */
export function redactRun(run: RunResult, hidden: Files, locale: Locale = 'en'): RunResult {
  if (hiddenLines(hidden).length === 0) return run;
  const hide = hider(hidden, locale);
  return {
    ...run,
    stdout: hide(run.stdout),
    stderr: hide(run.stderr),
    tests: run.tests.map((t) => ({ ...t, output: hide(t.output) })),
  };
}
