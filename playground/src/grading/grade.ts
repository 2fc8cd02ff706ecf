/**
 * Pure: an exercise's grading rules + one parsed test run → verdict, score and a line per test.
 * Scoring: a test earns its weight only if it passed, and (when -race is required) no race was
 * reported while it ran (in the run, or in a re-run of it alone). A test that never ran scores 0
 * and says why. The run's own status (deadlock, race, compile_error…) stays visible; the grade
 * never hides evidence, and never edits the run it was computed from.
 */
import type { GradedTest, GradeVerdict, Locale } from '../../../contract/grade.ts';
import type { RunResult, RunStatus, TestCase } from '../../../contract/run.ts';
import type { GradingRules, TestRule } from '../../../contract/exercise/types.ts';
import { blockedAt } from './blocked-at.ts';
import { failureLines } from './failure-lines.ts';
import { textIn, type GradingText } from './messages.ts';

/** The grade of one run, before the route adds the exercise id, the run and the explanation. */
export interface Grade {
  verdict: GradeVerdict;
  score: number;
  maxScore: number;
  status: RunStatus;
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
  locale: Locale;
  /** Texts in the learner's locale. */
  t: GradingText;
}

/** Returns why a test that started did not pass. */
function failureMessage(
  test: TestCase,
  raced: boolean,
  { run, raceRequired, learnerFiles, locale, t, hide }: Context,
): string {
  const lines = hide(failureLines(test.output));
  if (test.status === 'timeout') {
    // run.message comes from the runner, in English; only the framing around it is translated.
    const why = run.message ?? t('test.runnerStopped');
    if (run.status !== 'deadlock' && run.status !== 'timeout') return t('test.stopped', { why });
    const stuck = blockedAt(run.goroutines, learnerFiles, locale);
    return stuck.length > 0
      ? t('test.neverFinishedAt', { places: stuck.join(t('list.places')), why })
      : t('test.neverFinished', { why });
  }
  const race = raced && raceRequired ? t('test.race') : '';
  if (test.status === 'skip') return lines ? t('test.skippedWith', { lines }) : t('test.skipped');
  if (test.status === 'pass') return race; // passed, but a race during it costs its points
  return [race, lines].filter(Boolean).join('\n') || t('test.noMessage');
}

/** Returns why a graded test never ran. */
function missingMessage({ run, t }: Context): string {
  if (run.status === 'compile_error')
    return t('missing.notRun', { reason: run.message ?? t('missing.noCompile') });
  if (run.status === 'ok') return t('missing.noSuchTest');
  return t('missing.stopped', { status: run.status });
}

/** Returns one graded test. */
function gradeTest(rule: TestRule, test: TestCase | undefined, ctx: Context): GradedTest {
  const base = { name: rule.name, weight: rule.weight, hidden: rule.hidden };
  if (!test) return { ...base, status: 'missing', score: 0, message: missingMessage(ctx), race: false };
  // The detector reports a racing pair once per process: a re-run alone may show what the run hid.
  const raced = test.race || ctx.racedAlone.has(rule.name);
  const passed = test.status === 'pass' && !(ctx.raceRequired && raced);
  return {
    ...base,
    status: test.status,
    score: passed ? rule.weight : 0,
    message: passed ? '' : failureMessage(test, raced, ctx),
    race: raced,
  };
}

/** Returns the one-line summary of a grade. */
function summary(verdict: GradeVerdict, tests: GradedTest[], { run, raceRequired, t }: Context): string {
  const n = tests.length;
  if (verdict === 'pass') return t(raceRequired ? 'summary.passRace' : 'summary.pass', { n });
  if (verdict === 'error') {
    const missing = tests.filter((test) => test.status === 'missing').map((test) => test.name);
    return t('summary.error', { tests: missing.join(t('list.separator')) });
  }
  const failed = tests.filter((test) => test.score === 0).length;
  const head =
    failed === 0 ? t('summary.statusNotOk', { status: run.status }) : t('summary.failed', { failed, n });
  // test_failed's own message only repeats the count and names; other statuses explain the failures.
  return run.message && run.status !== 'test_failed'
    ? t('join.sentences', { first: head, second: run.message })
    : head;
}

/**
 * Returns the grade of one run under the rules; learnerFiles are the names the learner edits, and
 * the texts are in locale. The run is read as the runner classified it and never changed: what
 * the grader saw besides it comes in `evidence`.
 */
export function gradeRun(
  rules: GradingRules,
  run: RunResult,
  learnerFiles: readonly string[] = [],
  locale: Locale = 'en',
  evidence: GradeEvidence = {},
): Grade {
  const byName = new Map(run.tests.map((t) => [t.name, t]));
  const ctx: Context = {
    run,
    racedAlone: evidence.racedAlone ?? new Set(),
    hide: evidence.hide ?? ((text) => text),
    raceRequired: rules.race,
    learnerFiles,
    locale,
    t: textIn(locale),
  };
  const tests = rules.tests.map((rule) => gradeTest(rule, byName.get(rule.name), ctx));
  const score = tests.reduce((sum, t) => sum + t.score, 0);
  const maxScore = rules.tests.reduce((sum, t) => sum + t.weight, 0);
  const missing = tests.some((t) => t.status === 'missing');
  // Only a clean run can pass: a race outside every test, or a status the tests did not explain, fails.
  const verdict: GradeVerdict =
    missing && run.status === 'ok' ? 'error' : score === maxScore && run.status === 'ok' ? 'pass' : 'fail';
  return {
    verdict,
    score,
    maxScore,
    status: run.status,
    message: summary(verdict, tests, ctx),
    tests,
  };
}
