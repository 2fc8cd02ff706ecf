/**
 * Pure: what check:exercises demands of an exercise's grades. The starter must fail for the
 * declared reason (run status and named failing tests); the reference solution must pass every
 * test with full score, within the exercise's time budget.
 */
import type { GradeResult } from '../../../contract/grade.ts';
import type { Exercise } from '../../../contract/exercise/types.ts';

/**
 * Returns what is wrong with the starter's grade ([] when it fails as declared); `say` words the
 * grade's summary (check:exercises passes the browser's wording; the API's English by default).
 */
export function starterProblems(
  exercise: Exercise,
  grade: GradeResult,
  say: (grade: GradeResult) => string = (g) => g.message,
): string[] {
  const problems: string[] = [];
  const expected = exercise.check.starter;
  if (grade.verdict !== 'fail') problems.push(`starter: verdict ${grade.verdict}, expected fail`);
  if (!expected.status.includes(grade.status)) {
    problems.push(
      `starter: status ${grade.status}, expected ${expected.status.join(' or ')} (${say(grade)})`,
    );
  }
  for (const name of expected.failing) {
    const test = grade.tests.find((t) => t.name === name);
    if (test && test.score > 0) problems.push(`starter: ${name} passed, expected it to fail`);
  }
  return problems;
}

/** Returns what is wrong with one grade of the reference solution ([] when it passes cleanly). */
export function solutionProblems(exercise: Exercise, grade: GradeResult): string[] {
  const problems: string[] = [];
  if (grade.verdict !== 'pass' || grade.score !== grade.maxScore) {
    const failing = grade.tests
      .filter((t) => t.score === 0)
      .map((t) => `${t.name} (${t.status}${t.race ? ', race' : ''})`);
    problems.push(
      `solution: verdict ${grade.verdict}, ${grade.score}/${grade.maxScore}, status ${grade.status}${failing.length ? `; not passing: ${failing.join(', ')}` : ''}`,
    );
  }
  const runMs = grade.run.timings.runMs;
  if (runMs > exercise.grading.timeBudgetMs) {
    problems.push(
      `solution: the test run took ${runMs} ms, over the ${exercise.grading.timeBudgetMs} ms budget`,
    );
  }
  return problems;
}
