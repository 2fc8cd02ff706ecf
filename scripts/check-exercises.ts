/**
 * npm run check:exercises: every exercise in content/exercises/ is graded through the real runner
 * (queue, sandbox, parsers; the same code as POST /api/grade). The starter must fail for its
 * declared reason; the reference solution must pass every visible and hidden test with -race,
 * `check.repeats` times in a row (default 5), within its time budget. Prints a table and exits 1
 * on any mismatch, 2 when code cannot run here at all. An exercise that declares a newer Go than
 * the runner's ("go" in exercise.json) is not graded: its row says "skipped" with the reason, and it
 * counts as neither a pass nor a failure (its chapter pages are still checked).
 * Uses LOCKSTEP_DATA_DIR (default .data/it, the integration tests' warm build cache).
 * Arguments narrow the run while authoring: `npm run check:exercises -- rwmutex` checks only
 * exercises whose id or chapter contains one of them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../contract/grade.ts';
import { loadExercises } from '../contract/exercise/load.ts';
import type { Exercise } from '../contract/exercise/types.ts';
import { gradeSubmission, type Runner } from '../playground/src/grading/grader.ts';
import { editableStarter, solutionFiles } from '../playground/src/grading/submission.ts';
import { solutionProblems, starterProblems } from '../playground/src/grading/expectations.ts';
import { gradeText } from '../components/i18n/grade-texts.ts';
import { printTable, withWarmRunner } from './warm-runner.ts';
import { skipReasonForGo } from '../contract/go-version.ts';

const DOCS_DIR = 'content/docs';

interface Row {
  id: string;
  starter: string;
  solution: string;
  slowestRunMs: number;
  seconds: string;
  problems: string[];
  /** Why it was not graded (a Go older than it declares), else null. */
  skipped: string | null;
}

/** Returns the docs pages the exercise's chapter must have, one per locale, that are missing. */
function missingChapterPages(exercise: Exercise): string[] {
  return LOCALES.map((locale) =>
    join(DOCS_DIR, locale === 'en' ? '' : locale, `${exercise.chapter}.mdx`),
  ).filter((page) => !existsSync(page));
}

/** Grades the starter once and the solution `repeats` times. */
async function checkExercise(runner: Runner, exercise: Exercise, goVersion: string): Promise<Row> {
  const started = performance.now();
  const problems = missingChapterPages(exercise).map((page) => `chapter: ${page} does not exist`);
  const skipped = skipReasonForGo(exercise.go, goVersion);
  if (skipped)
    return {
      id: exercise.id,
      starter: '-',
      solution: '-',
      slowestRunMs: 0,
      seconds: '0.0',
      problems,
      skipped,
    };
  const options = { client: 'check-exercises' };
  const starter = await gradeSubmission(runner, exercise, editableStarter(exercise), options);
  // The grade's summary in the words the exercise page shows, from the same table.
  problems.push(...starterProblems(exercise, starter, (grade) => gradeText('en', grade)));
  let passes = 0;
  let slowest = 0;
  for (let i = 0; i < exercise.check.repeats; i++) {
    const grade = await gradeSubmission(runner, exercise, solutionFiles(exercise), options);
    const found = solutionProblems(exercise, grade);
    slowest = Math.max(slowest, grade.run.timings.runMs);
    if (found.length === 0) passes += 1;
    else problems.push(...found.map((p) => `run ${i + 1}: ${p}`));
  }
  const failing = starter.tests.filter((t) => t.score === 0).length;
  return {
    id: exercise.id,
    starter: `${starter.verdict} ${starter.status} ${starter.score}/${starter.maxScore} (${failing} failing)`,
    solution: `${passes}/${exercise.check.repeats} pass`,
    slowestRunMs: slowest,
    seconds: ((performance.now() - started) / 1000).toFixed(1),
    problems,
    skipped: null,
  };
}

async function main(): Promise<number> {
  let exercises: Exercise[];
  try {
    exercises = loadExercises();
    const only = process.argv.slice(2);
    if (only.length > 0)
      exercises = exercises.filter((e) => only.some((o) => e.id.includes(o) || e.chapter.includes(o)));
  } catch (error) {
    console.error(`check:exercises: ${(error as Error).message}`);
    return 1;
  }
  return withWarmRunner('check:exercises', async (service) => {
    const goVersion = (await service.health()).go.version;
    const rows: Row[] = [];
    for (const exercise of exercises) rows.push(await checkExercise(service, exercise, goVersion));
    printTable(
      ['exercise', 'starter (expected to fail)', 'solution', 'slowest run', 'time'],
      rows.map((r) => [
        r.id,
        r.skipped ? `skipped: ${r.skipped}` : r.starter,
        r.solution,
        `${r.slowestRunMs} ms`,
        `${r.seconds} s`,
      ]),
    );
    const problems = rows.flatMap((r) => r.problems.map((p) => `${r.id}: ${p}`));
    const skipped = rows.filter((r) => r.skipped).length;
    for (const p of problems) console.error(`✗ ${p}`);
    console.log(`\nGo on this runner: ${goVersion}.`);
    if (skipped > 0)
      console.log(
        `- ${skipped} exercise(s) skipped, not graded: they declare a newer Go than this runner's.`,
      );
    console.log(
      problems.length === 0
        ? `✓ ${rows.length - skipped} exercises: every starter fails as declared, every solution passes every time.`
        : `${problems.length} problem(s).`,
    );
    return problems.length === 0 ? 0 : 1;
  });
}

process.exitCode = await main();
