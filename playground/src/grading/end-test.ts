/**
 * Pure: evidence that a graded test binary really reached the end of its tests. The learner's
 * code runs inside the test binary, so it can print lines that imitate the test framework
 * ("--- PASS: TestHidden") and then exit 0 before any real test has run. The grader therefore
 * adds one test with a random name, in a file that sorts after every exercise test file: `go test`
 * runs tests in file-name order (internal test files before external ones), so that test runs
 * last; when the binary ended by itself before it, no reported pass earns points (trustedGrade).
 * The name is new for every grading and the run step cannot read the sources (hideSources).
 * Limit: code that searches its own binary (/proc/self/exe) or memory for test names can find
 * it; that is as far as checks made inside the process under test can go.
 */
import { randomBytes } from 'node:crypto';
import type { GradeNote, GradeSummary } from '../../../contract/grade.ts';
import type { RunResult } from '../../../contract/run.ts';
import type { Files } from '../../../contract/exercise/types.ts';
import type { Grade } from './grade.ts';
import { noteMessage, summaryMessage } from './api-message.ts';

/** Sorts after every exercise test file (they are named after what they test). */
export const END_TEST_FILE = 'zzzz_lockstep_end_test.go';

/**
 * A fresh end-test name for one grading: `Test` and 24 random upper-case hex digits (go vet
 * rejects a lower-case letter after "Test"), with no fixed prefix to search for.
 */
export function newEndTestName(random: (n: number) => Buffer = randomBytes): string {
  return `Test${random(12).toString('hex').toUpperCase()}`;
}

/** The package the end test must join to run last: the external test package when there is one. */
export function endTestPackage(files: Files): string {
  const packages = Object.entries(files)
    .filter(([name]) => name.endsWith('_test.go'))
    .map(([, text]) => /^\s*package\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(text)?.[1])
    .filter((p): p is string => p !== undefined);
  return packages.find((p) => p.endsWith('_test')) ?? packages[0] ?? 'main';
}

/** The files to grade, with the end test added. */
export function withEndTest(files: Files, name: string): Files {
  const source = `package ${endTestPackage(files)}\n\nimport "testing"\n\n// Added by the grader: it runs last, so its pass shows the tests really ran.\nfunc ${name}(t *testing.T) {}\n`;
  return { ...files, [END_TEST_FILE]: source };
}

/** Whether the grader's end test ran and passed: the binary really got through its tests. */
export function reachedEnd(run: RunResult, name: string): boolean {
  const end = run.tests.filter((t) => t.name === name);
  return end.length === 1 && end[0]?.status === 'pass';
}

/** The run without the end test: its "=== RUN" and "--- PASS" lines would only puzzle the learner. */
export function withoutEndTest(run: RunResult, name: string): RunResult {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.includes(name))
    .join('\n');
  return { ...run, stdout, tests: run.tests.filter((t) => t.name !== name) };
}

/** The grade's summary when the binary ended early. */
export const UNVERIFIED: GradeSummary = { code: 'unverified', params: {} };

/** The note under each claimed pass (the exercise page lists tests, not the grade's summary). */
export const NOT_COUNTED: GradeNote = { code: 'notCounted', params: {} };

// The runner stopped the binary itself (host-side facts the program cannot fake by exiting): the
// tests that passed before that really passed, and keep their points.
const STOPPED_BY_RUNNER = new Set(['deadlock', 'timeout', 'memory_limit', 'output_limit']);

/**
 * The grade as far as the run can be trusted: when the binary ended on its own before the end
 * test (an exit or a crash), no test it reported as passed earns points, and the grade says why.
 */
export function trustedGrade(grade: Grade, reachedEnd: boolean): Grade {
  const claimed = grade.tests.some((t) => t.score > 0);
  if (reachedEnd || !claimed || STOPPED_BY_RUNNER.has(grade.status)) return grade;
  return {
    ...grade,
    verdict: 'fail',
    score: 0,
    summary: UNVERIFIED,
    message: summaryMessage(UNVERIFIED, undefined),
    tests: grade.tests.map((t) =>
      t.score > 0 ? { ...t, score: 0, note: NOT_COUNTED, message: noteMessage(NOT_COUNTED, undefined) } : t,
    ),
  };
}
