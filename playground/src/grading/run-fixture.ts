/** Test-only: RunResult and TestCase builders for the grading unit tests. */
import type { RunResult, TestCase } from '../../../contract/run.ts';

/** Returns a test case; output defaults to the framing go test -v prints. */
export function testCase(name: string, status: TestCase['status'], extra: Partial<TestCase> = {}): TestCase {
  const verdict = status === 'timeout' ? '' : `--- ${status.toUpperCase()}: ${name} (0.00s)\n`;
  return { name, status, elapsedMs: 1, output: `=== RUN   ${name}\n${verdict}`, race: false, ...extra };
}

/** Returns a run result with the given status and tests. */
export function runResult(
  status: RunResult['status'],
  tests: TestCase[],
  extra: Partial<RunResult> = {},
): RunResult {
  return {
    status,
    exitCode: status === 'ok' ? 0 : 1,
    stdout: tests.map((t) => t.output).join(''),
    stderr: '',
    truncated: false,
    races: [],
    tests,
    diagnostics: [],
    goroutines: [],
    timings: { queueMs: 0, buildMs: 300, runMs: 40, totalMs: 340 },
    ...extra,
  };
}
