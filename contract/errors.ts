/**
 * Every error the server can answer: a closed set of codes, each with its description and the
 * facts (params) a client needs to word it in its own language. The server sends
 * `{ error: code, message, params }`; `message` is a short English sentence for API users, and the
 * browser and the command-line tools word the code from components/i18n/error-text.ts instead.
 * N.B. IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 */
import { Type, type Static, type TObject } from 'typebox';

/** Why code cannot run on a server (the sandbox probe's verdict, or the server's role). */
export const RUNNER_REASONS = [
  'web_node',
  'go_missing',
  'go_too_old',
  'gcc_missing',
  'bwrap_missing',
  'setpriv_missing',
  'cgroup_unusable',
  'ldd_failed',
  'userns_disabled',
  'data_dir_unreachable',
  'cgroup_join_failed',
  'sandbox_trial_failed',
  'shutting_down',
] as const;
export type RunnerReason = (typeof RUNNER_REASONS)[number];

/** Why the lab database cannot be reached right now. */
export const DATABASE_REASONS = [
  'connection_refused',
  'connection_reset',
  'connection_lost',
  'connection_timeout',
  'host_unreachable',
  'network_unreachable',
  'host_not_found',
  'socket_not_found',
  'shutting_down',
  'crashed',
  'starting_up',
  'too_many_connections',
  'no_database',
  'login_refused',
] as const;
export type DatabaseReason = (typeof DATABASE_REASONS)[number];

/** What is wrong with lab settings an instructor sent (invalid_lab_settings lists every one). */
export const LAB_SETTINGS_PROBLEMS = [
  'no_title',
  'no_exercises',
  'unknown_exercises',
  'duplicate_exercise',
  'bad_opens_at',
  'bad_due_at',
  'due_before_opening',
] as const;
export type LabSettingsProblem = (typeof LAB_SETTINGS_PROBLEMS)[number];

/** A union of string literals built from a list, typed as the list's values. */
const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description },
    ),
  );

const none = Type.Object({});
const retry = Type.Object({
  retryAfterS: Type.Integer({ minimum: 1, description: 'Seconds to wait (also in Retry-After).' }),
});
const allowedFiles = Type.Object({
  file: Type.String({ description: 'The file name that was sent.' }),
  allowed: Type.Array(Type.String(), { description: 'The files a learner may send for this exercise.' }),
});

/** Each code: what it means, and the params that come with it. */
const ERRORS = {
  bad_request: {
    description:
      'The request does not have the shape the schema asks for: at path (a JSON pointer, "" for the whole body) it breaks rule (a JSON Schema keyword: required, type, maxLength, maxProperties, minProperties, maxItems, pattern, additionalProperties, …), with the limit of that rule when it has one and the field it names (a missing or unknown property).',
    params: Type.Object({
      path: Type.String(),
      rule: Type.String(),
      limit: Type.Optional(Type.Number()),
      field: Type.Optional(Type.String()),
    }),
  },
  not_json: { description: 'The body (or the stream’s first message) is not valid JSON.', params: none },
  empty_body: { description: 'The body is empty; a JSON request was expected.', params: none },
  unsupported_media_type: { description: 'The body is not sent as application/json.', params: none },
  too_large: {
    description: 'The request body is larger than the server takes.',
    params: Type.Object({ limitBytes: Type.Integer() }),
  },
  bad_file_name: {
    description: 'A file name breaks the rule: [A-Za-z0-9_.-], ending .go, .mod, .sum or .txt, no folders.',
    params: Type.Object({ file: Type.String() }),
  },
  too_many_files: {
    description: 'More files than the sandbox takes.',
    params: Type.Object({ count: Type.Integer(), max: Type.Integer() }),
  },
  source_too_large: {
    description: 'The files add up to more bytes of source than the sandbox takes.',
    params: Type.Object({ bytes: Type.Integer(), maxBytes: Type.Integer() }),
  },
  stdin_too_large: {
    description: 'Standard input is larger than the sandbox takes.',
    params: Type.Object({ maxBytes: Type.Integer() }),
  },
  no_go_file: { description: 'None of the files is a .go file.', params: none },
  trace_not_for_action: {
    description:
      'trace: true was asked of an action that runs no program (fmt, vet); only run and test record a trace.',
    params: Type.Object({ action: Type.String() }),
  },
  trace_unavailable: {
    description:
      'trace: true was asked, but this server cannot convert traces (its converter could not be built; GET /api/health and the server log say why). The same request without trace runs.',
    params: none,
  },
  nul_byte: {
    description: 'A file contains a NUL byte.',
    params: Type.Object({ file: Type.String() }),
  },
  embed_not_allowed: {
    description: 'An exercise file uses //go:embed, which could copy hidden tests into the binary.',
    params: Type.Object({ file: Type.String() }),
  },
  file_read_only: {
    description: 'A file the exercise provides (such as go.mod) was sent changed.',
    params: allowedFiles,
  },
  file_not_allowed: {
    description: 'A file that is not one of the exercise’s was sent.',
    params: allowedFiles,
  },
  not_found: {
    description: 'No route answers this method and path.',
    params: Type.Object({ method: Type.String(), path: Type.String() }),
  },
  exercise_not_found: {
    description: 'There is no exercise with this id.',
    params: Type.Object({ exerciseId: Type.String() }),
  },
  lab_not_found: {
    description: 'There is no lab with this id.',
    params: Type.Object({ labId: Type.String() }),
  },
  submission_not_found: {
    description: 'There is no such submission (or it is another student’s).',
    params: none,
  },
  exercise_not_in_lab: {
    description: 'The exercise is not part of this lab.',
    params: Type.Object({ exerciseId: Type.String() }),
  },
  invalid_lab_settings: {
    description: `Lab settings that make no sense together: problems lists each (${LAB_SETTINGS_PROBLEMS.join(', ')}); unknownExercises names the ids unknown_exercises is about.`,
    params: Type.Object({
      problems: Type.Array(literals(LAB_SETTINGS_PROBLEMS, 'One problem with the settings.')),
      unknownExercises: Type.Optional(Type.Array(Type.String())),
    }),
  },
  score_above_max: {
    description: 'An override score above the exercise’s maximum.',
    params: Type.Object({ maxScore: Type.Number() }),
  },
  unauthorized: {
    description: 'No valid secret: a student’s personal link (token) or the instructor key is needed.',
    params: none,
  },
  forbidden: {
    description: 'The caller has the wrong role for this: role is the one it needs.',
    params: Type.Object({ role: literals(['student', 'instructor'], 'The role that may do this.') }),
  },
  cross_site: { description: 'A state-changing request that comes from another site.', params: none },
  not_open: {
    description: 'The lab is not open yet.',
    params: Type.Object({ opensAt: Type.String({ description: 'ISO 8601.' }) }),
  },
  closed: {
    description: 'The lab is past its due date and takes no more students or work.',
    params: Type.Object({ dueAt: Type.String({ description: 'ISO 8601.' }) }),
  },
  attempts_exhausted: {
    description: 'The student has used every attempt the lab allows for this exercise.',
    params: Type.Object({ limit: Type.Integer() }),
  },
  already_joined: {
    description: 'This student ID has already joined the lab.',
    params: Type.Object({ studentId: Type.String() }),
  },
  not_failed: {
    description: 'Only a submission that failed to grade can be re-queued; state is where this one is.',
    params: Type.Object({ state: Type.String() }),
  },
  rate_limited: { description: 'A request limit was reached: wait retryAfterS seconds.', params: retry },
  queue_full: {
    description: 'The run queue has no room for this client (or none at all): wait retryAfterS seconds.',
    params: retry,
  },
  cancelled: { description: 'The run was cancelled (the client went away).', params: none },
  runner_unavailable: {
    description: `Code cannot run on this server; reason: ${RUNNER_REASONS.join(', ')} (GET /api/health has the operator's details).`,
    params: Type.Object({ reason: literals(RUNNER_REASONS, 'Why code cannot run here.') }),
  },
  database_unavailable: {
    description: `The lab database cannot be reached right now; reason: ${DATABASE_REASONS.join(', ')}. Try again shortly.`,
    params: Type.Object({ reason: literals(DATABASE_REASONS, 'Why the database cannot be reached.') }),
  },
  internal: { description: 'The server failed unexpectedly.', params: none },
} as const satisfies Record<string, { description: string; params: TObject }>;

export type ErrorCode = keyof typeof ERRORS;

/** Every code, in the order above. */
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The params each code comes with. */
export type ErrorParams = { [C in ErrorCode]: Static<(typeof ERRORS)[C]['params']> };

/** A code and its params, as the browser and the command-line tools word them. */
export type CodedError = { [C in ErrorCode]: { code: C; params: ErrorParams[C] } }[ErrorCode];

/** Whether a string is one of the codes (for bodies read from the wire). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}

export const ErrorCodeSchema = Type.Unsafe<ErrorCode>(
  Type.Union(
    ERROR_CODES.map((code) => Type.Literal(code, { description: ERRORS[code].description })),
    {
      description: `What went wrong, as a code a client words in its own language: ${ERROR_CODES.map((c) => `${c} (${ERRORS[c].description})`).join('; ')}`,
    },
  ),
);

/** The params on the wire: a few facts by name; ErrorParamsByCode has each code's shape. */
export const ErrorParamsSchema = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())]),
  { description: 'The facts the code names; each code’s params are in the schema ErrorParamsByCode.' },
);

/** Documentation of each code's params (published in the OpenAPI components). */
export const ErrorParamsByCode = Type.Object(
  Object.fromEntries(ERROR_CODES.map((code) => [code, ERRORS[code].params])),
  { description: 'The params that come with each error code.' },
);

export const ErrorBody = Type.Object(
  {
    error: ErrorCodeSchema,
    message: Type.String({
      description: 'A short English sentence for API users; clients word the code and params instead.',
    }),
    params: Type.Optional(ErrorParamsSchema),
  },
  { description: 'A refused or failed request: a code with its params, and a short English message.' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/**
 * A 429: a request limit or the run queue says "not now". The body says which (rate_limited,
 * queue_full) and Retry-After says when to try again, in seconds.
 */
export const RetryLater = Type.Object(ErrorBody.properties, {
  description: 'Too many requests, or the queue is full: wait Retry-After seconds, then try again.',
  headers: {
    'Retry-After': Type.Integer({ minimum: 1, description: 'Seconds to wait before trying again.' }),
  },
});
