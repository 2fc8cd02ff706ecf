/**
 * The grading contract: POST /api/grade and GET /api/exercises/:id, and the browser-safe shape of
 * an exercise. N.B. IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 * Nothing here can carry a hidden test's source or the reference solution: only names, weights,
 * statuses and the messages the tests print.
 */
import { Type, type Static } from 'typebox';
import { FILE_NAME_PATTERN } from './file-name.ts';
import { RunResult, RunStatus, Summary } from './run.ts';

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
    locale: Type.Optional(
      Type.Union([Type.Literal('en'), Type.Literal('zh-cn')], {
        description:
          "Language of the exercise's explanation returned with a passing grade. The grade's own texts are codes (GradedTest.note, GradeResult.summary) that the client words in its language; `message` stays English. (Until request errors are codes too, it also picks the language of a refused file's error message.)",
      }),
    ),
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

/**
 * Marks hidden test source the grader removed from a text (the run's output, a note's lines): a
 * fixed token in no language, documented here, that a client replaces with its own words. The
 * server cannot know the reader's language, and the text around it is the program's, not ours.
 */
export const HIDDEN_SOURCE_MARK = '⟦hidden-test-source⟧';

/** The codes of a graded test's note; components/i18n/grade-texts.ts words each one. */
const NOTE_LITERALS = [
  Type.Literal('race'),
  Type.Literal('failed'),
  Type.Literal('noMessage'),
  Type.Literal('skipped'),
  Type.Literal('neverFinished'),
  Type.Literal('stopped'),
  Type.Literal('notRun.compile'),
  Type.Literal('notRun.noSuchTest'),
  Type.Literal('notRun.stopped'),
  Type.Literal('notCounted'),
] as const;
export const NOTE_CODES = NOTE_LITERALS.map((literal) => literal.const);
export const NoteCode = Type.Union([...NOTE_LITERALS], {
  description:
    "Why the test did not pass. race: a data race was reported while it ran and the exercise requires -race (params.lines: the test's own failure lines, if it printed any); failed: it failed (params.lines); noMessage: it failed without printing anything; skipped: it was skipped (params.lines, if it said why); neverFinished: it started but the run deadlocked or timed out (blocked: where the learner's goroutines waited; why: the run's summary); stopped: the runner stopped the binary for another reason while it ran (why); notRun.compile: the code did not compile (why: the compiler's summary); notRun.noSuchTest: the package has no test of this name (the exercise is misconfigured); notRun.stopped: the binary stopped before reaching it (params.status: the run's status); notCounted: it claims a pass, but the binary ended before the grader's last test, so that pass is not trusted.",
});
export type NoteCode = Static<typeof NoteCode>;

export const BlockedAt = Type.Object(
  {
    file: Type.String({ description: "One of the learner's files, e.g. bank.go." }),
    line: Type.Integer(),
    func: Type.String({ description: 'The function without its package, e.g. Transfer.' }),
    state: Type.String({ description: 'What the goroutine waited for, e.g. "sync.Mutex.Lock".' }),
  },
  { description: "A goroutine of a stuck run, at its deepest frame in the learner's own files." },
);
export type BlockedAt = Static<typeof BlockedAt>;

export const GradeNote = Type.Object(
  {
    code: NoteCode,
    params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description:
        "lines: the failure lines the test printed, verbatim (they are the test's words; hidden source in them is replaced by HIDDEN_SOURCE_MARK); status: a RunStatus (notRun.stopped).",
    }),
    blocked: Type.Optional(
      Type.Array(BlockedAt, { description: 'neverFinished: where the learner code waits.' }),
    ),
    why: Type.Optional(
      Type.Object(Summary.properties, {
        description:
          "neverFinished, stopped, notRun.compile: the run's own summary (RunResult.summary), which says what stopped it; absent when the run has none.",
      }),
    ),
  },
  {
    description:
      "Why a test did not pass, as a code and its facts: a client words it in the reader's language. Absent on a test that earned its weight (and in lab grades stored before notes existed).",
  },
);
export type GradeNote = Static<typeof GradeNote>;

export const GradedTest = Type.Object({
  name: Type.String({ description: 'As `go test` names it, e.g. TestIncFromManyGoroutines.' }),
  status: GradedTestStatus,
  weight: Type.Integer({ minimum: 1 }),
  score: Type.Integer({
    minimum: 0,
    description: 'weight when the test passed (without a race if -race is required), else 0.',
  }),
  note: Type.Optional(GradeNote),
  message: Type.String({
    description:
      'The note in English, for API users (empty when the test passed); clients word `note` instead. Lab grades stored before notes existed have only this, in the locale they were graded in.',
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

/** The codes of a grade's summary; components/i18n/grade-texts.ts words each one. */
const GRADE_SUMMARY_LITERALS = [
  Type.Literal('pass'),
  Type.Literal('passRace'),
  Type.Literal('error'),
  Type.Literal('statusNotOk'),
  Type.Literal('failed'),
  Type.Literal('unverified'),
] as const;
export const GRADE_SUMMARY_CODES = GRADE_SUMMARY_LITERALS.map((literal) => literal.const);
export const GradeSummaryCode = Type.Union([...GRADE_SUMMARY_LITERALS], {
  description:
    'pass: all params.n tests pass; passRace: the same, with the race detector on; error: the exercise could not be graded, the tests in `tests` did not run although the run finished; statusNotOk: every test passed but the run ended with params.status (why: its summary); failed: params.failed of params.n tests did not pass (why: the run summary, when its status says more than the failed tests); unverified: no points, because the test binary ended before its last test, so the results it printed cannot be trusted.',
});
export type GradeSummaryCode = Static<typeof GradeSummaryCode>;

export const GradeSummary = Type.Object(
  {
    code: GradeSummaryCode,
    params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description: 'n: graded tests; failed: tests that scored 0; status: a RunStatus.',
    }),
    tests: Type.Optional(
      Type.Array(Type.String(), { description: 'error: the graded tests that never ran.' }),
    ),
    why: Type.Optional(
      Type.Object(Summary.properties, {
        description:
          "statusNotOk, failed: the run's own summary (RunResult.summary) that explains the failures.",
      }),
    ),
  },
  {
    description:
      "The verdict in one or two sentences, as a code and its facts: a client words it in the reader's language.",
  },
);
export type GradeSummary = Static<typeof GradeSummary>;

const gradeResultProperties = {
  exerciseId: Type.String(),
  verdict: GradeVerdict,
  score: Type.Integer({ minimum: 0 }),
  maxScore: Type.Integer({ minimum: 1 }),
  status: RunStatus,
  summary: GradeSummary,
  message: Type.String({
    description: 'The summary in English, for API users; clients word `summary` instead.',
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
    description: `The graded run as the runner classified it, for the learner to see: the grader's own end test is left out, hidden test source replaced by ${HIDDEN_SOURCE_MARK} (HIDDEN_SOURCE_MARK, which a client words), and, with -race, the reports of tests that raced only when re-run alone are added (those tests have race: true here and in tests). The grade (verdict, score, tests) is computed from the runs as classified; none of them is edited.`,
  }),
  explanation: Type.Optional(
    Type.String({
      description: 'Markdown shown after success, in the requested locale; only when verdict is pass.',
    }),
  ),
};

export const GradeResult = Type.Object(gradeResultProperties);
export type GradeResult = Static<typeof GradeResult>;

/**
 * A grade as a lab keeps it: grades stored before the summary and notes were codes have only the
 * messages, in the locale they were graded in, and are shown as they are.
 */
export const StoredGradeResult = Type.Object(
  {
    ...gradeResultProperties,
    summary: Type.Optional(GradeSummary),
    message: Type.String({
      description:
        'The summary in English, for API users; clients word `summary` instead. A grade stored before summaries existed has only this, in the locale it was graded in.',
    }),
  },
  {
    description:
      "A GradeResult as stored; summary (and each test's note) may be missing from grades stored before they existed.",
  },
);
export type StoredGradeResult = Static<typeof StoredGradeResult>;

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
  go: Type.Optional(
    Type.String({
      description:
        'The oldest Go that builds the exercise, e.g. "1.25"; absent: every Go the course supports. Compare it with go.version of GET /api/health.',
    }),
  ),
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
