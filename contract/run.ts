/**
 * The runner's wire contract: request and result of POST /api/run and of the streaming endpoint.
 * N.B. THIS FILE IS IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 * Types derive from these schemas; the OpenAPI document is generated from them.
 */
import { Type, type Static } from 'typebox';
import { FILE_NAME_PATTERN } from './file-name.ts';
import { Timeline, TIMELINE_ERROR_LITERALS } from './timeline.ts';

export const Action = Type.Union(
  [Type.Literal('run'), Type.Literal('test'), Type.Literal('vet'), Type.Literal('fmt')],
  { description: 'run: go run; test: go test; vet: go vet; fmt: gofmt' },
);
export type Action = Static<typeof Action>;

export const RunRequest = Type.Object(
  {
    files: Type.Record(Type.String({ pattern: FILE_NAME_PATTERN }), Type.String({ maxLength: 256 * 1024 }), {
      minProperties: 1,
      maxProperties: 20,
      additionalProperties: false,
      description:
        'A flat set of files forming one package (package main for run): at most 20, 256 KiB in total, named [A-Za-z0-9_.-] ending .go, .mod, .sum or .txt.',
    }),
    action: Action,
    race: Type.Optional(
      Type.Boolean({ description: 'Build with -race. Defaults to true for run and test.' }),
    ),
    stdin: Type.Optional(
      Type.String({ maxLength: 64 * 1024, description: 'Standard input for run (≤ 64 KiB).' }),
    ),
    args: Type.Optional(
      Type.Array(Type.String({ maxLength: 256 }), {
        maxItems: 32,
        description: 'Program arguments for run.',
      }),
    ),
    trace: Type.Optional(
      Type.Boolean({
        description:
          "run and test: record a Go execution trace of the learner's program and answer with its timeline (RunResult.trace). Off by default; the learner's code and line numbers are unchanged.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type RunRequest = Static<typeof RunRequest>;

/**
 * The verdicts, most informative first: when several apply, the earliest wins. Why this order:
 * playground/src/parsers/status.ts, which chooses the verdict.
 */
const ORDERED_STATUSES = [
  Type.Literal('compile_error'),
  Type.Literal('memory_limit'),
  Type.Literal('output_limit'),
  Type.Literal('concurrent_map'),
  Type.Literal('deadlock'),
  Type.Literal('race'),
  Type.Literal('panic'),
  Type.Literal('timeout'),
  Type.Literal('test_failed'),
  Type.Literal('vet_findings'),
  Type.Literal('exit_error'),
  Type.Literal('ok'),
] as const;

export const STATUS_PRECEDENCE = ORDERED_STATUSES.map((literal) => literal.const);

export const RunStatus = Type.Union([...ORDERED_STATUSES], {
  description: `When several apply, the first of this list wins (the evidence of the others stays in races, tests, goroutines and diagnostics): ${STATUS_PRECEDENCE.join(', ')}.`,
});
export type RunStatus = Static<typeof RunStatus>;

export const Frame = Type.Object({
  func: Type.String(),
  file: Type.String({ description: 'As the learner named it (main.go), or a Go std path.' }),
  line: Type.Integer(),
});
export type Frame = Static<typeof Frame>;

export const RaceAccess = Type.Object({
  op: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  goroutine: Type.Integer(),
  stack: Type.Array(Frame),
});
export type RaceAccess = Static<typeof RaceAccess>;

export const Race = Type.Object({
  accesses: Type.Array(RaceAccess, {
    description: 'The current access first, the previous one second, as the report says.',
  }),
  goroutines: Type.Array(
    Type.Object({
      id: Type.Integer(),
      createdAt: Type.Array(Frame),
    }),
  ),
});
export type Race = Static<typeof Race>;

export const TestCase = Type.Object({
  name: Type.String(),
  status: Type.Union([
    Type.Literal('pass'),
    Type.Literal('fail'),
    Type.Literal('skip'),
    Type.Literal('timeout'),
  ]),
  elapsedMs: Type.Number(),
  output: Type.String(),
  race: Type.Boolean({ description: 'A race was reported while this test ran.' }),
});
export type TestCase = Static<typeof TestCase>;

/** Why the runner itself refused code the compiler would take; the browser words each code. */
export const DiagnosticCode = Type.Union([Type.Literal('cgo_refused'), Type.Literal('not_main_package')], {
  description:
    'Set when the runner, not the Go tool, refused the code at this position: cgo_refused = `import "C"` (this playground does not run cgo); not_main_package = a run of files none of which is package main (marked at each package name; run the tests instead). message is the English text of the code.',
});
export type DiagnosticCode = Static<typeof DiagnosticCode>;

export const Diagnostic = Type.Object({
  file: Type.String(),
  line: Type.Integer(),
  column: Type.Integer({ description: '1-based, counted in bytes like the Go compiler.' }),
  message: Type.String(),
  source: Type.Union([Type.Literal('compiler'), Type.Literal('vet')]),
  code: Type.Optional(DiagnosticCode),
});
export type Diagnostic = Static<typeof Diagnostic>;

export const Goroutine = Type.Object({
  id: Type.Integer(),
  state: Type.String({ description: 'Wait reason or state from the dump, e.g. "sync.Mutex.Lock".' }),
  frames: Type.Array(Frame),
});
export type Goroutine = Static<typeof Goroutine>;

export const Timings = Type.Object({
  queueMs: Type.Number(),
  buildMs: Type.Number(),
  runMs: Type.Number(),
  totalMs: Type.Number(),
});
export type Timings = Static<typeof Timings>;

export const Cause = Type.Object(
  {
    code: Type.Union([Type.Literal('main_goexit')], {
      description:
        'main_goexit: main called runtime.Goexit, so the program could only go on in other goroutines, and none could run (the runtime says "no goroutines (main called runtime.Goexit) - deadlock!", or every goroutine left is blocked).',
    }),
    at: Type.Array(Frame, {
      description:
        "Lines in the learner's files behind the cause (main_goexit: the runtime.Goexit() calls main made, found in the sources, since main's goroutine is gone from every dump).",
    }),
  },
  { description: 'Why the verdict happened, when a code says more than the status alone.' },
);
export type Cause = Static<typeof Cause>;

/** The codes of a run's summary; components/i18n/run-texts.ts words each one (check:snippets uses it). */
const SUMMARY_LITERALS = [
  Type.Literal('compile.refused'),
  Type.Literal('compile.errors'),
  Type.Literal('compile.failed'),
  Type.Literal('compile.failed.detail'),
  Type.Literal('memory_limit'),
  Type.Literal('output_limit'),
  Type.Literal('concurrent_map.writes'),
  Type.Literal('concurrent_map.read_write'),
  Type.Literal('concurrent_map.iteration_write'),
  Type.Literal('concurrent_map.clone_write'),
  Type.Literal('concurrent_map.other'),
  Type.Literal('deadlock.blocked'),
  Type.Literal('deadlock.goexit'),
  Type.Literal('deadlock.goexit.blocked'),
  Type.Literal('race.one'),
  Type.Literal('race.many'),
  Type.Literal('panic'),
  Type.Literal('panic.at'),
  Type.Literal('fatal'),
  Type.Literal('fatal.at'),
  Type.Literal('timeout.tests'),
  Type.Literal('timeout.tests.running'),
  Type.Literal('timeout.stalled'),
  Type.Literal('timeout.limit'),
  Type.Literal('test_failed'),
  Type.Literal('vet_findings'),
  Type.Literal('exit_error'),
] as const;

export const SUMMARY_CODES = SUMMARY_LITERALS.map((literal) => literal.const);
export const SummaryCode = Type.Union([...SUMMARY_LITERALS]);
export type SummaryCode = Static<typeof SummaryCode>;

export const Summary = Type.Object(
  {
    code: SummaryCode,
    params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description:
        'The facts the sentence names, by placeholder: count, failed, total, names (comma-separated ' +
        "test names), files, detail (the Go tool's own first line), at (file:line), value (a panic " +
        "value or the runtime's fatal error text), after (a Go duration), races, goroutines, code.",
    }),
  },
  {
    description:
      "A one-sentence summary of the verdict as a code and its facts; a client words it in its own language. Codes: compile.refused (the runner refused the code; params.files), compile.errors (params.count compiler errors), compile.failed / compile.failed.detail (the build failed; params.detail is the Go tool's first line), memory_limit, output_limit, concurrent_map.<writes|read_write|iteration_write|clone_write|other> (params.value = the runtime's text, params.at), deadlock.blocked (params.count goroutines, listed in goroutines), deadlock.goexit / deadlock.goexit.blocked (main called runtime.Goexit at params.at; none left, or params.count blocked), race.one (params.goroutines), race.many (params.races, params.goroutines), panic / panic.at (params.value, params.at), fatal / fatal.at (params.value, params.at), timeout.tests / timeout.tests.running (params.after, params.names), timeout.stalled, timeout.limit, test_failed (params.failed of params.total: params.names), vet_findings (params.count), exit_error (params.code).",
  },
);
export type Summary = Static<typeof Summary>;

/** Why the sandbox stopped a program whose SIGQUIT dump it then removed from stderr. */
export const StopCode = Type.Union(
  [Type.Literal('deadlock'), Type.Literal('deadlock_no_goroutines'), Type.Literal('stopped')],
  {
    description:
      'deadlock: every goroutine was blocked (what Go says itself without -race: "all goroutines are asleep - deadlock!"); ' +
      'deadlock_no_goroutines: main called runtime.Goexit and no goroutine was left ("no goroutines (main called runtime.Goexit) - deadlock!"); ' +
      'stopped: the sandbox stopped it (time limit, or no progress) without a deadlock.',
  },
);
export type StopCode = Static<typeof StopCode>;

export const Stop = Type.Object(
  { code: StopCode },
  {
    description:
      'Set when the sandbox stopped the program with SIGQUIT: the runtime dump is cut from stderr; the goroutines of the program at that moment are in goroutines.',
  },
);
export type Stop = Static<typeof Stop>;

/** Why a traced run has no timeline; the browser words each code. */
export const TraceMissing = Type.Union(
  [
    Type.Literal('not_built'),
    Type.Literal('no_trace'),
    Type.Literal('program_traces_itself'),
    ...TIMELINE_ERROR_LITERALS,
  ],
  {
    description:
      "not_built: nothing ran (the code did not compile or was refused); no_trace: the program ended before any of its trace reached the disk (e.g. a fatal error in its first 50 ms, or the memory or output limit); program_traces_itself: the program calls runtime/trace.Start itself, which the runner can record beside only with the flight recorder of Go 1.25 or later, and this runner's Go is older: it ran untraced; the others are the converter's own error codes (contract/timeline.ts TimelineError): the trace the program left could not be read.",
  },
);
export type TraceMissing = Static<typeof TraceMissing>;

export const TraceResult = Type.Union(
  [
    Type.Object({ timeline: Timeline }, { additionalProperties: false }),
    Type.Object({ missing: TraceMissing }, { additionalProperties: false }),
  ],
  { description: 'Only when the request asked for trace: the timeline, or why there is none.' },
);
export type TraceResult = Static<typeof TraceResult>;

export const RunResult = Type.Object({
  status: RunStatus,
  exitCode: Type.Integer({ description: 'Exit code of the last step; -1 when killed by the sandbox.' }),
  stdout: Type.String(),
  stderr: Type.String({
    description:
      'What the program wrote to stderr. When the sandbox stopped it (see stop), the runtime dump that followed is cut.',
  }),
  truncated: Type.Boolean({ description: 'Output passed the limit and was cut.' }),
  races: Type.Array(Race),
  tests: Type.Array(TestCase),
  diagnostics: Type.Array(Diagnostic),
  goroutines: Type.Array(Goroutine),
  files: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'fmt: formatted files.' })),
  message: Type.Optional(
    Type.String({
      description:
        'A short English note about the verdict, for API users. The same facts are in summary, which clients word in their own language.',
    }),
  ),
  summary: Type.Optional(Summary),
  trace: Type.Optional(TraceResult),
  stop: Type.Optional(Stop),
  cause: Type.Optional(Cause),
  timings: Timings,
});
export type RunResult = Static<typeof RunResult>;

// The error bodies live with the codes they carry (errors.ts); routes import them from here too.
export { ErrorBody, RetryLater } from './errors.ts';
