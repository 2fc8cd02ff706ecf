/**
 * Grades a submission through the runner: the same RunService.run() as POST /api/run (fair
 * queue, sandbox, classify), action test, with the learner's files merged over the starter and
 * the exercise's tests. Runs the test binary up to `count` times and stops at the first run that
 * does not pass. Tests that passed cleanly in a run that reported races are run again alone, since
 * the detector reports a racing pair once per process. A grader-made test that runs last shows
 * the binary really got through its tests (end-test.ts). The runs are never edited: the grade is
 * computed from them (grade.ts), and the learner gets a copy of the run without the end test and
 * with hidden source masked. No I/O of its own: the runner is passed in, so unit tests use a fake.
 */
import type { GradeResult, Locale } from '../../../contract/grade.ts';
import type { RunResult } from '../../../contract/run.ts';
import type { RunHooks, RunService } from '../run-service-types.ts';
import type { Exercise, Files } from '../../../contract/exercise/types.ts';
import { gradeRun, type Grade } from './grade.ts';
import { hider, redactRun } from './redact.ts';
import { submissionFiles } from './submission.ts';
import { onlyTests, racedAlone, testsToIsolate, withIsolatedRaces } from './isolated-races.ts';
import { newEndTestName, reachedEnd, trustedGrade, withEndTest, withoutEndTest } from './end-test.ts';

/** The part of the run service grading uses. */
export type Runner = Pick<RunService, 'run'>;

export interface GradeOptions {
  /** The queue's fairness key (see routes/client-id.ts). */
  client: string;
  signal?: AbortSignal | undefined;
  /**
   * Locale of the explanation returned with a passing grade (default en), and of a refused file's
   * message; the grade itself is codes, worded by the browser.
   */
  locale?: Locale | undefined;
  /**
   * The runner's hooks, given to every run of the grade (queue position, phases…): a grade is
   * several runs, each waiting its turn, so they fire again for each. A caller that shows the
   * learner what happens leaves onOutput out: a graded run's raw text can quote hidden tests.
   */
  hooks?: Omit<RunHooks, 'signal'> | undefined;
}

/** Returns the grade of the learner's files; throws RequestError for files that are not allowed. */
export async function gradeSubmission(
  runner: Runner,
  exercise: Exercise,
  learnerFiles: Files,
  options: GradeOptions,
): Promise<GradeResult> {
  const locale = options.locale ?? 'en';
  // A test with a random name that runs last: proof the binary really got through its tests.
  const endTest = newEndTestName();
  const files = withEndTest(submissionFiles(exercise, learnerFiles), endTest);
  const rules = exercise.grading;
  const graded = rules.tests.map((t) => t.name);
  const hide = hider(exercise.hidden);
  const once = (testRun?: string): Promise<RunResult> =>
    runner.run(
      { files, action: 'test', race: rules.race },
      options.client,
      { ...options.hooks, signal: options.signal },
      // The program may not read the hidden tests it was compiled with.
      { hideSources: true, ...(testRun === undefined ? {} : { testRun }) },
    );
  let runs = 0;
  let run: RunResult | undefined;
  let grade: Grade | undefined;
  while (runs < rules.count) {
    // The runs stay as the runner classified them; the grade is computed from them.
    const first = await once();
    let reached = reachedEnd(first, endTest);
    const alone: { name: string; result: RunResult }[] = [];
    // A race reported in one test hides the same race in later ones; run those alone to see.
    for (const name of rules.race ? testsToIsolate(first, graded) : []) {
      const result = await once(onlyTests(name, endTest));
      reached &&= reachedEnd(result, endTest);
      alone.push({ name, result });
    }
    runs += 1;
    const evidence = { racedAlone: racedAlone(alone), hide };
    grade = trustedGrade(gradeRun(rules, first, exercise.editable, evidence), reached);
    // What the learner sees of the run: without the grader's own test, with the races its tests
    // showed when run alone, hidden source masked.
    run = redactRun(withIsolatedRaces(withoutEndTest(first, endTest), alone), exercise.hidden);
    if (grade.verdict !== 'pass') break;
  }
  if (!run || !grade) throw new Error(`exercise ${exercise.id}: grading.count must be at least 1`);
  const result: GradeResult = { exerciseId: exercise.id, ...grade, runs, run };
  if (grade.verdict === 'pass') result.explanation = exercise.explanation[locale];
  return result;
}
