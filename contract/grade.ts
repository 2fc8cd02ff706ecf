/**
 * The grading contract: POST /api/grade and GET /api/exercises/:id, and the browser-safe shape of
 * an exercise. N.B. IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 * Nothing here can carry a hidden test's source or the reference solution: only names, weights,
 * statuses and the messages the tests print.
 */
import { Type, type Static } from 'typebox';
import { FILE_NAME_PATTERN } from './file-name.ts';
import { RunResult, RunStatus } from './run.ts';

/** Folder names under content/exercises/: lower-case words joined by "-". */
export const EXERCISE_ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

export const Locale = Type.Union([Type.Literal('en'), Type.Literal('zh-cn')], {
  description: 'Language of statements, hints and explanations.',
});
export type Locale = Static<typeof Locale>;

/** The locales every exercise must be written in. */
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

export const GradeRequest = Type.Object(
  {
    exerciseId: Type.String({ pattern: EXERCISE_ID_PATTERN, maxLength: 64 }),
    files: Type.Record(Type.String({ pattern: FILE_NAME_PATTERN }), Type.String({ maxLength: 256 * 1024 }), {
      minProperties: 1,
      maxProperties: 20,
      additionalProperties: false,
      description:
        "The learner's versions of the exercise's editable files (see GET /api/exercises/:id); any other name is refused. Editable files left out are graded as the starter has them.",
    }),
    // Also the language of the grade's messages (the runner's own texts inside them stay English).
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type GradeRequest = Static<typeof GradeRequest>;

export const GradedTestStatus = Type.Union(
  [
    Type.Literal('pass'),
    Type.Literal('fail'),
    Type.Literal('skip'),
    Type.Literal('timeout'),
    Type.Literal('missing'),
  ],
  { description: 'timeout: started but never finished (deadlock or time limit); missing: never ran.' },
);
export type GradedTestStatus = Static<typeof GradedTestStatus>;

export const GradedTest = Type.Object({
  name: Type.String({ description: 'As `go test` names it, e.g. TestIncFromManyGoroutines.' }),
  status: GradedTestStatus,
  weight: Type.Integer({ minimum: 1 }),
  score: Type.Integer({
    minimum: 0,
    description: 'weight when the test passed (without a race if -race is required), else 0.',
  }),
  message: Type.String({
    description:
      "Why it did not pass: the failure lines the test printed, or what stopped it (the grader's own words in the request's locale).",
  }),
  hidden: Type.Boolean({ description: 'A server-side test: its source never reaches the browser.' }),
  race: Type.Boolean({ description: 'A data race was reported while this test ran.' }),
});
export type GradedTest = Static<typeof GradedTest>;

export const GradeVerdict = Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('error')], {
  description:
    'pass: full score and a clean run; fail: the solution is not there yet; error: the exercise itself is broken.',
});
export type GradeVerdict = Static<typeof GradeVerdict>;

export const GradeResult = Type.Object({
  exerciseId: Type.String(),
  verdict: GradeVerdict,
  score: Type.Integer({ minimum: 0 }),
  maxScore: Type.Integer({ minimum: 1 }),
  status: RunStatus,
  message: Type.String({
    description: "One or two sentences on the verdict, for a person, in the request's locale.",
  }),
  tests: Type.Array(GradedTest, {
    description: 'Every graded test, visible ones first, in the order of the rules.',
  }),
  runs: Type.Integer({
    minimum: 1,
    description: 'Runs of the test binary behind this grade: it stops at the first run that does not pass.',
  }),
  // RunResult's own properties, with a description of what this copy of the run is.
  run: Type.Object(RunResult.properties, {
    description:
      "The graded run as the runner classified it, for the learner to see: the grader's own end test is left out, hidden test source masked, and, with -race, the reports of tests that raced only when re-run alone are added (those tests have race: true here and in tests). The grade (verdict, score, tests) is computed from the runs as classified; none of them is edited.",
  }),
  explanation: Type.Optional(
    Type.String({
      description: 'Markdown shown after success, in the requested locale; only when verdict is pass.',
    }),
  ),
});
export type GradeResult = Static<typeof GradeResult>;

export const PublicFile = Type.Object({
  name: Type.String(),
  content: Type.String(),
  editable: Type.Boolean({
    description: 'The learner edits and sends it; the others (tests, go.mod) are fixed.',
  }),
  kind: Type.Union([Type.Literal('source'), Type.Literal('test'), Type.Literal('module')]),
});
export type PublicFile = Static<typeof PublicFile>;

export const Difficulty = Type.Union([
  Type.Literal('beginner'),
  Type.Literal('intermediate'),
  Type.Literal('advanced'),
]);
export type Difficulty = Static<typeof Difficulty>;

export const PublicExercise = Type.Object({
  id: Type.String(),
  locale: Locale,
  title: Type.String(),
  chapter: Type.String({
    description: 'Docs slug of the chapter the exercise belongs to, e.g. locks/misuse-and-diagnosis.',
  }),
  difficulty: Difficulty,
  objective: Type.String(),
  statement: Type.String({ description: 'Markdown.' }),
  hints: Type.Array(Type.String(), { description: 'Markdown, weakest first: show them one at a time.' }),
  files: Type.Array(PublicFile, {
    description: 'Starter files and visible tests; never hidden tests or the solution.',
  }),
  tests: Type.Array(Type.Object({ name: Type.String(), weight: Type.Integer() }), {
    description: 'The visible graded tests.',
  }),
  hiddenTests: Type.Object({ count: Type.Integer(), weight: Type.Integer() }),
  race: Type.Boolean({ description: 'Graded with -race: a test during which a race is reported scores 0.' }),
  explanation: Type.Optional(Type.String({ description: 'Markdown; only when asked for (after success).' })),
});
export type PublicExercise = Static<typeof PublicExercise>;

export const ExerciseParams = Type.Object({
  id: Type.String({ pattern: EXERCISE_ID_PATTERN, maxLength: 64 }),
});
export const ExerciseQuery = Type.Object({ locale: Type.Optional(Locale) }, { additionalProperties: false });

export const ExerciseSolution = Type.Object({
  exerciseId: Type.String(),
  files: Type.Record(Type.String(), Type.String(), {
    description: 'The editable files as the reference solution has them.',
  }),
});
export type ExerciseSolution = Static<typeof ExerciseSolution>;
