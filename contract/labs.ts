/**
 * The instructor-lab contract: /api/labs/... N.B. IMPORTED BY THE SERVER AND BY BROWSER CODE.
 * Instructor keys and student tokens travel only in the Authorization header (Bearer), never in
 * URLs, so they do not end up in logs or referrers.
 */
import { Type, type Static } from 'typebox';
import { EXERCISE_ID_PATTERN, Locale, StoredGradeResult } from './grade.ts';
import { FILE_NAME_PATTERN } from './file-name.ts';
import { RunStatus } from './run.ts';

export const LAB_ID_PATTERN = '^[A-Za-z0-9_-]{6,32}$';

const Instant = Type.String({
  format: 'date-time',
  maxLength: 40,
  description: 'An ISO 8601 instant with a time zone, e.g. 2026-12-01T09:00:00Z.',
});

export const LatePolicy = Type.Union(
  [Type.Literal('accept'), Type.Literal('penalty'), Type.Literal('reject')],
  {
    description: 'After the due date: accept at full score, accept with latePenaltyPercent off, or refuse.',
  },
);

export const LabSettings = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    exercises: Type.Array(Type.String({ pattern: EXERCISE_ID_PATTERN, maxLength: 64 }), {
      minItems: 1,
      maxItems: 50,
    }),
    opensAt: Instant,
    dueAt: Instant,
    latePolicy: LatePolicy,
    latePenaltyPercent: Type.Integer({ minimum: 0, maximum: 100, default: 0 }),
    hints: Type.Boolean({ description: 'Show the exercises’ hints to students.' }),
    solutions: Type.Boolean({ description: 'Offer the reference solutions after a first attempt.' }),
    attemptLimit: Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()], {
      description: 'Submissions per exercise and student; null for no limit.',
    }),
  },
  { additionalProperties: false },
);
export type LabSettings = Static<typeof LabSettings>;

export const LabPhase = Type.Union([
  Type.Literal('upcoming'),
  Type.Literal('open'),
  Type.Literal('late'),
  Type.Literal('closed'),
]);

export const LabExercise = Type.Object({
  id: Type.String(),
  title: Type.String(),
  chapter: Type.String(),
  difficulty: Type.String(),
});

export const LabView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  createdAt: Type.String(),
  opensAt: Type.String(),
  dueAt: Type.String(),
  latePolicy: LatePolicy,
  latePenaltyPercent: Type.Integer(),
  hints: Type.Boolean(),
  solutions: Type.Boolean(),
  attemptLimit: Type.Union([Type.Integer(), Type.Null()]),
  phase: LabPhase,
  exercises: Type.Array(LabExercise),
});
export type LabView = Static<typeof LabView>;

export const CreatedLab = Type.Object({
  lab: LabView,
  instructorKey: Type.String({
    description: 'Shown once: it opens the gradebook. Only its hash is stored.',
  }),
});
export type CreatedLab = Static<typeof CreatedLab>;

export const LabParams = Type.Object({ labId: Type.String({ pattern: LAB_ID_PATTERN }) });
export const SubmissionParams = Type.Object({
  labId: Type.String({ pattern: LAB_ID_PATTERN }),
  submissionId: Type.String({ pattern: '^[A-Za-z0-9_-]{6,32}$' }),
});
export const LocaleQuery = Type.Object({ locale: Type.Optional(Locale) }, { additionalProperties: false });

export const JoinRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    studentId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s].*$' }),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Literal('')])),
  },
  { additionalProperties: false },
);
export type JoinRequest = Static<typeof JoinRequest>;

export const StudentView = Type.Object({
  studentId: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  joinedAt: Type.String(),
});
export type StudentView = Static<typeof StudentView>;

export const Joined = Type.Object({
  student: StudentView,
  token: Type.String({ description: 'The student’s own token; shown once, only its hash is stored.' }),
});
export type Joined = Static<typeof Joined>;

export const SubmitRequest = Type.Object(
  {
    exerciseId: Type.String({ pattern: EXERCISE_ID_PATTERN, maxLength: 64 }),
    files: Type.Record(Type.String({ pattern: FILE_NAME_PATTERN }), Type.String({ maxLength: 256 * 1024 }), {
      minProperties: 1,
      maxProperties: 20,
      additionalProperties: false,
    }),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type SubmitRequest = Static<typeof SubmitRequest>;

export const Override = Type.Object({
  score: Type.Integer(),
  comment: Type.String(),
  at: Type.String(),
});

export const SubmissionState = Type.Union(
  [Type.Literal('queued'), Type.Literal('grading'), Type.Literal('graded'), Type.Literal('failed')],
  {
    description:
      'queued: stored, waiting for a grader (see position); grading: a grader has it; graded: the grade is in; failed: the grading queue gave up after its retries (failure says why) and the instructor can re-queue it. A learner’s failing code is a normal grade, never failed.',
  },
);
export type SubmissionState = Static<typeof SubmissionState>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const SubmissionSummary = Type.Object({
  id: Type.String(),
  exerciseId: Type.String(),
  studentId: Type.String(),
  submittedAt: Type.String({
    description: 'When the server received it: the time the due date and late policy judge.',
  }),
  late: Type.Boolean(),
  state: SubmissionState,
  position: Nullable(
    Type.Integer({
      minimum: 1,
      description: 'While queued: the 1-based place among all submissions waiting for a grader.',
    }),
  ),
  failure: Nullable(
    Type.String({
      description:
        'Why the last attempt to grade failed (runner_unavailable, runner_busy, lease_expired, internal, exercise_missing); while queued again, the server is retrying.',
    }),
  ),
  score: Nullable(Type.Integer({ description: 'As graded, before the late policy; null until graded.' })),
  finalScore: Nullable(Type.Integer({ description: 'After the late policy; null until graded.' })),
  countedScore: Nullable(
    Type.Integer({ description: 'What counts: the override if any, else finalScore; null until either.' }),
  ),
  maxScore: Type.Integer(),
  verdict: Nullable(Type.String()),
  status: Nullable(RunStatus),
  gradedAt: Nullable(Type.String()),
  override: Nullable(Override),
});
export type SubmissionSummary = Static<typeof SubmissionSummary>;

export const SubmissionDetail = Type.Object({
  ...SubmissionSummary.properties,
  files: Type.Record(Type.String(), Type.String(), { description: 'The code as submitted.' }),
  result: Nullable(StoredGradeResult),
});
export type SubmissionDetail = Static<typeof SubmissionDetail>;

/** The Idempotency-Key request header: one per Submit click, sent again on every retry of it. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{8,64}$';
export const SubmitHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      pattern: IDEMPOTENCY_KEY_PATTERN,
      description:
        'Makes a retried submission safe: a second request from the same student with the same key stores nothing and answers with the submission the first one stored.',
    }),
  ),
});

export const Cell = Type.Object({
  exerciseId: Type.String(),
  attempts: Type.Integer({ description: 'Accepted submissions, graded or not.' }),
  pending: Type.Integer({ description: 'Submissions queued or being graded.' }),
  failed: Type.Integer({ description: 'Submissions the grading queue gave up on.' }),
  score: Type.Union([Type.Integer(), Type.Null()]),
  maxScore: Type.Union([Type.Integer(), Type.Null()]),
  bestSubmissionId: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([Type.String(), Type.Null()]),
  late: Type.Boolean(),
  lastSubmittedAt: Type.Union([Type.String(), Type.Null()]),
  anyLate: Type.Boolean(),
  overridden: Type.Boolean(),
});
export type Cell = Static<typeof Cell>;

export const StudentStanding = Type.Object({
  lab: LabView,
  student: StudentView,
  cells: Type.Array(Cell),
  submissions: Type.Array(SubmissionSummary, { description: 'This student’s own submissions only.' }),
});
export type StudentStanding = Static<typeof StudentStanding>;

export const Gradebook = Type.Object({
  lab: LabView,
  rows: Type.Array(Type.Object({ student: StudentView, cells: Type.Array(Cell) })),
  submissions: Type.Array(SubmissionSummary),
});
export type Gradebook = Static<typeof Gradebook>;

export const OverrideRequest = Type.Object(
  {
    score: Type.Union([Type.Integer({ minimum: 0, maximum: 10000 }), Type.Null()], {
      description: 'The score that counts instead of the graded one; null removes the override.',
    }),
    comment: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type OverrideRequest = Static<typeof OverrideRequest>;
