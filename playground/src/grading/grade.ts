/**
 * Pure: an exercise's grading rules + one parsed test run → verdict, score and a line per test.
 * Scoring: a test earns its weight only if it passed, and (when -race is required) no race was
 * reported while it ran. A test that never ran scores 0 and says why. The run's own status
 * (deadlock, race, compile_error…) stays visible; the grade never hides evidence.
 */
import type { GradedTest, GradeVerdict } from '../contract/grade.ts';
import type { RunResult, RunStatus, TestCase } from '../contract/run.ts';
import type { GradingRules, TestRule } from '../exercises/types.ts';
import { blockedAt } from './blocked-at.ts';
import { failureLines } from './failure-lines.ts';

/** The grade of one run, before the route adds the exercise id, the run and the explanation. */
export interface Grade {
  verdict: GradeVerdict;
  score: number;
  maxScore: number;
  status: RunStatus;
  message: string;
  tests: GradedTest[];
}

/** What a grade needs to know besides the rules and the run. */
interface Context {
  run: RunResult;
  raceRequired: boolean;
  /** The learner's file names, to point at their lines in a goroutine dump. */
  learnerFiles: readonly string[];
}

/** Returns why a test that started did not pass. */
function failureMessage(test: TestCase, { run, raceRequired, learnerFiles }: Context): string {
  const lines = failureLines(test.output);
  if (test.status === 'timeout') {
    const why = run.message ?? 'the runner stopped the test binary';
    const stuck = blockedAt(run.goroutines, learnerFiles);
    const where = stuck.length > 0 ? ` Waiting in your code: ${stuck.join('; ')}.` : '';
    return run.status === 'deadlock' || run.status === 'timeout'
      ? `Never finished.${where} ${why}`
      : `Stopped while running. ${why}`;
  }
  const race =
    test.race && raceRequired ? 'A data race was reported while this test ran (see the race report).' : '';
  if (test.status === 'skip') return `Skipped${lines ? `: ${lines}` : '.'}`;
  if (test.status === 'pass') return race; // passed, but a race during it costs its points
  return [race, lines].filter(Boolean).join('\n') || 'The test failed without a message.';
}

/** Returns why a graded test never ran. */
function missingMessage(run: RunResult): string {
  if (run.status === 'compile_error') return `Not run. ${run.message ?? 'The code did not compile.'}`;
  if (run.status === 'ok')
    return 'Not run: the package has no test of this name (the exercise is misconfigured).';
  return `Not run: the test binary stopped before reaching it (${run.status}).`;
}

/** Returns one graded test. */
function gradeTest(rule: TestRule, test: TestCase | undefined, ctx: Context): GradedTest {
  const base = { name: rule.name, weight: rule.weight, hidden: rule.hidden };
  if (!test) return { ...base, status: 'missing', score: 0, message: missingMessage(ctx.run), race: false };
  const passed = test.status === 'pass' && !(ctx.raceRequired && test.race);
  return {
    ...base,
    status: test.status,
    score: passed ? rule.weight : 0,
    message: passed ? '' : failureMessage(test, ctx),
    race: test.race,
  };
}

/** Returns the one-line summary of a grade. */
function summary(verdict: GradeVerdict, tests: GradedTest[], rules: GradingRules, run: RunResult): string {
  const n = tests.length;
  if (verdict === 'pass') return `All ${n} tests pass${rules.race ? ' with the race detector on' : ''}.`;
  if (verdict === 'error') {
    const missing = tests.filter((t) => t.status === 'missing').map((t) => t.name);
    return `This exercise could not be graded: ${missing.join(', ')} did not run although the tests finished. Please report it.`;
  }
  const failed = tests.filter((t) => t.score === 0).length;
  const head =
    failed === 0
      ? `Every test passed, but the run ended with status ${run.status}.`
      : `${failed} of ${n} tests did not pass.`;
  // test_failed's own message only repeats the count and names; other statuses explain the failures.
  return run.message && run.status !== 'test_failed' ? `${head} ${run.message}` : head;
}

/** Returns the grade of one run under the rules; learnerFiles are the names the learner edits. */
export function gradeRun(rules: GradingRules, run: RunResult, learnerFiles: readonly string[] = []): Grade {
  const byName = new Map(run.tests.map((t) => [t.name, t]));
  const ctx: Context = { run, raceRequired: rules.race, learnerFiles };
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
    message: summary(verdict, tests, rules, run),
    tests,
  };
}
