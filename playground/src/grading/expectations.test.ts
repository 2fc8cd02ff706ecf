import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../../contract/grade.ts';
import { exercise } from '../../../contract/exercise/fixture.ts';
import { gradeRun } from './grade.ts';
import { solutionProblems, starterProblems } from './expectations.ts';
import { runResult, testCase } from './run-fixture.ts';

/** Returns the grade of a run as the grader would. */
function graded(run: ReturnType<typeof runResult>): GradeResult {
  const ex = exercise();
  return { exerciseId: ex.id, ...gradeRun(ex.grading, run), runs: 1, run };
}

describe('starterProblems', () => {
  it('accepts a starter that fails with the declared status and tests', () => {
    const run = runResult('race', [
      testCase('TestVisible', 'fail', { race: true }),
      testCase('TestHidden', 'pass'),
    ]);
    expect(starterProblems(exercise(), graded(run))).toEqual([]);
  });

  it('names a wrong status and a declared failing test that passed', () => {
    const run = runResult('test_failed', [testCase('TestVisible', 'pass'), testCase('TestHidden', 'fail')]);
    const problems = starterProblems(exercise(), graded(run));
    expect(problems[0]).toBe('starter: status test_failed, expected race (1 of 2 tests did not pass.)');
    expect(problems[1]).toBe('starter: TestVisible passed, expected it to fail');
  });

  it('words the summary as the caller says', () => {
    const run = runResult('ok', [testCase('TestVisible', 'fail'), testCase('TestHidden', 'pass')]);
    expect(starterProblems(exercise(), graded(run), (g) => g.summary.code)[0]).toBe(
      'starter: status ok, expected race (failed)',
    );
  });

  it('rejects a starter that passes', () => {
    const run = runResult('ok', [testCase('TestVisible', 'pass'), testCase('TestHidden', 'pass')]);
    expect(starterProblems(exercise(), graded(run))[0]).toBe('starter: verdict pass, expected fail');
  });
});

describe('solutionProblems', () => {
  it('accepts a clean pass within the budget', () => {
    const run = runResult('ok', [testCase('TestVisible', 'pass'), testCase('TestHidden', 'pass')]);
    expect(solutionProblems(exercise(), graded(run))).toEqual([]);
  });

  it('names the tests that do not pass and a run over the budget', () => {
    const run = runResult(
      'race',
      [testCase('TestVisible', 'fail', { race: true }), testCase('TestHidden', 'pass')],
      {
        timings: { queueMs: 0, buildMs: 0, runMs: 2500, totalMs: 2500 },
      },
    );
    const problems = solutionProblems(exercise(), graded(run));
    expect(problems[0]).toContain('not passing: TestVisible (fail, race)');
    expect(problems[1]).toBe('solution: the test run took 2500 ms, over the 2000 ms budget');
  });
});
