/**
 * Pure: an exercise's grading rules + one parsed test run → verdict, score and a line per test.
 * Scoring: a test earns its weight only if it passed, and (when -race is required) no race was
 * reported while it ran (in the run, or in a re-run of it alone). A test that never ran scores 0
 * and says why. Every why is a code and its facts (a note, a summary) that the browser words in the
 * learner's language, with an English message beside it for API users. The run's own status
 * (deadlock, race, compile_error…) stays visible; the grade never hides evidence, and never edits
 * the run it was computed from.
 */
import type { GradedTest, GradeNote, GradeSummary, GradeVerdict } from '../../../contract/grade.ts';
import type { RunResult, RunStatus, TestCase } from '../../../contract/run.ts';
import type { GradingRules, TestRule } from '../../../contract/exercise/types.ts';
import { noteMessage, summaryMessage } from './api-message.ts';
import { blockedAt } from './blocked-at.ts';
import { failureLines } from './failure-lines.ts';

/** The grade of one run, before the route adds the exercise id, the run and the explanation. */
export interface Grade {
  verdict: GradeVerdict;
  score: number;
  maxScore: number;
  status: RunStatus;
  summary: GradeSummary;
  /** The summary in English, for API users. */
  message: string;
  tests: GradedTest[];
}

/** What else the grader saw, beside the run itself. */
export interface GradeEvidence {
  /** Graded tests that passed cleanly in the run but raced when run alone (isolated-races.ts). */
  racedAlone?: ReadonlySet<string>;
  /** Masks hidden test source in the texts the grade quotes (redact.ts); none by default. */
  hide?: (text: string) => string;
}

/** What a grade needs to know besides the rules and the run. */
interface Context {
  run: RunResult;
  racedAlone: ReadonlySet<string>;
  hide: (text: string) => string;
  raceRequired: boolean;
  /** The learner's file names, to point at their lines in a goroutine dump. */
  learnerFiles: readonly string[];
}

/** A note with the run's summary as its `why`, when the run has one. */
function withWhy(note: GradeNote, run: RunResult): GradeNote {
  return run.summary ? { ...note, why: run.summary } : note;
}

/** Returns why a test that started did not pass, or undefined when it passed cleanly. */
function failureNote(
  test: TestCase,
  raced: boolean,
  { run, raceRequired, learnerFiles, hide }: Context,
): GradeNote | undefined {
  // The test's own failure lines are its words, quoted verbatim; only hidden source is masked.
  const lines = hide(failureLines(test.output));
  if (test.status === 'timeout') {
    if (run.status !== 'deadlock' && run.status !== 'timeout')
      return withWhy({ code: 'stopped', params: {} }, run);
    const blocked = blockedAt(run.goroutines, learnerFiles);
    return withWhy({ code: 'neverFinished', params: {}, ...(blocked.length > 0 ? { blocked } : {}) }, run);
  }
  const withLines: GradeNote['params'] = lines ? { lines } : {};
  if (test.status === 'skip') return { code: 'skipped', params: withLines };
  // A pass during which a race was reported scores 0 too.
  if (raced && raceRequired) return { code: 'race', params: withLines };
  if (test.status === 'pass') return undefined;
  return lines ? { code: 'failed', params: { lines } } : { code: 'noMessage', params: {} };
}

/** Returns why a graded test never ran. */
function missingNote({ run }: Context): GradeNote {
  if (run.status === 'compile_error') return withWhy({ code: 'notRun.compile', params: {} }, run);
  if (run.status === 'ok') return { code: 'notRun.noSuchTest', params: {} };
  return { code: 'notRun.stopped', params: { status: run.status } };
}

/** Returns a graded test with its note and the note's English message. */
function noted(
  test: Omit<GradedTest, 'note' | 'message'>,
  note: GradeNote | undefined,
  run: RunResult,
): GradedTest {
  return note ? { ...test, note, message: noteMessage(note, run.message) } : { ...test, message: '' };
}

/** Returns one graded test. */
function gradeTest(rule: TestRule, test: TestCase | undefined, ctx: Context): GradedTest {
  const base = { name: rule.name, weight: rule.weight, hidden: rule.hidden };
  if (!test) return noted({ ...base, status: 'missing', score: 0, race: false }, missingNote(ctx), ctx.run);
  // The detector reports a racing pair once per process: a re-run alone may show what the run hid.
  const raced = test.race || ctx.racedAlone.has(rule.name);
  const passed = test.status === 'pass' && !(ctx.raceRequired && raced);
  const note = passed ? undefined : failureNote(test, raced, ctx);
  return noted({ ...base, status: test.status, score: passed ? rule.weight : 0, race: raced }, note, ctx.run);
}

/** Returns the summary of a grade as a code and its facts. */
function summary(verdict: GradeVerdict, tests: GradedTest[], { run, raceRequired }: Context): GradeSummary {
  const n = tests.length;
  if (verdict === 'pass') return { code: raceRequired ? 'passRace' : 'pass', params: { n } };
  if (verdict === 'error') {
    const missing = tests.filter((test) => test.status === 'missing').map((test) => test.name);
    return { code: 'error', params: {}, tests: missing };
  }
  const failed = tests.filter((test) => test.score === 0).length;
  const head: GradeSummary =
    failed === 0
      ? { code: 'statusNotOk', params: { status: run.status } }
      : { code: 'failed', params: { failed, n } };
  // test_failed's own summary only repeats the count and names; other statuses explain the failures.
  return run.summary && run.status !== 'test_failed' ? { ...head, why: run.summary } : head;
}

/**
 * Returns the grade of one run under the rules; learnerFiles are the names the learner edits, and
 * the grade says why in codes (the browser words them). The run is read as the runner classified it
 * and never changed: what the grader saw besides it comes in `evidence`.
 */
export function gradeRun(
  rules: GradingRules,
  run: RunResult,
  learnerFiles: readonly string[] = [],
  evidence: GradeEvidence = {},
): Grade {
  const byName = new Map(run.tests.map((t) => [t.name, t]));
  const ctx: Context = {
    run,
    racedAlone: evidence.racedAlone ?? new Set(),
    hide: evidence.hide ?? ((text) => text),
    raceRequired: rules.race,
    learnerFiles,
  };
  const tests = rules.tests.map((rule) => gradeTest(rule, byName.get(rule.name), ctx));
  const score = tests.reduce((sum, t) => sum + t.score, 0);
  const maxScore = rules.tests.reduce((sum, t) => sum + t.weight, 0);
  const missing = tests.some((t) => t.status === 'missing');
  // Only a clean run can pass: a race outside every test, or a status the tests did not explain, fails.
  const verdict: GradeVerdict =
    missing && run.status === 'ok' ? 'error' : score === maxScore && run.status === 'ok' ? 'pass' : 'fail';
  const said = summary(verdict, tests, ctx);
  return {
    verdict,
    score,
    maxScore,
    status: run.status,
    summary: said,
    message: summaryMessage(said, run.message),
    tests,
  };
}
