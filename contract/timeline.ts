/**
 * The execution-trace timeline: what playground/trace-timeline (Go) prints for a trace of a
 * learner's program. Facts and codes only; the browser words the codes (wait reasons, cut causes).
 * N.B. THIS FILE IS IMPORTED BY THE SERVER AND BY BROWSER CODE. Keep it free of Node APIs.
 * The Go side is playground/trace-timeline/timeline/timeline.go; contract/timeline.test.ts holds
 * the two to the same codes and validates the converter's golden files against this schema.
 */
import { Type, type Static } from 'typebox';

/** Bump with timeline.Version in Go on any incompatible change. */
export const TIMELINE_VERSION = 1;

const Ns = (description: string) => Type.Integer({ minimum: 0, description });
const NsOrNull = (description: string) => Type.Union([Ns(description), Type.Null()], { description });

export const TimelineFrame = Type.Object(
  {
    func: Type.String({ description: 'Package-qualified function, e.g. main.worker or sync.(*Mutex).Lock.' }),
    file: Type.String({
      description: "As the learner named it (main.go), or a path in Go's source tree (sync/mutex.go).",
    }),
    line: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type TimelineFrame = Static<typeof TimelineFrame>;

const Stack = (description: string) =>
  Type.Array(TimelineFrame, { description: `${description} Innermost call first, at most 32 frames.` });

const SPAN_STATE_LITERALS = [
  Type.Literal('running'),
  Type.Literal('runnable'),
  Type.Literal('waiting'),
  Type.Literal('syscall'),
] as const;
export const SPAN_STATES = SPAN_STATE_LITERALS.map((literal) => literal.const);
export const SpanState = Type.Union([...SPAN_STATE_LITERALS], {
  description:
    'running: on a thread; runnable: ready, waiting for a thread; waiting: blocked (see reason); syscall: in a system call.',
});
export type SpanState = Static<typeof SpanState>;

const WAIT_REASON_LITERALS = [
  Type.Literal('mutex'),
  Type.Literal('rwmutex_read'),
  Type.Literal('rwmutex_write'),
  Type.Literal('waitgroup'),
  Type.Literal('cond'),
  Type.Literal('chan_send'),
  Type.Literal('chan_recv'),
  Type.Literal('select'),
  Type.Literal('sleep'),
  Type.Literal('syscall'),
  Type.Literal('gc_assist'),
  Type.Literal('other'),
] as const;
export const WAIT_REASONS = WAIT_REASON_LITERALS.map((literal) => literal.const);
export const WaitReason = Type.Union([...WAIT_REASON_LITERALS], {
  description:
    "Why a goroutine waits. mutex, rwmutex_read (RLock), rwmutex_write (Lock), waitgroup (Wait) and cond (Wait) are told apart by the sync method the learner's code called; chan_send, chan_recv, select (also select {}), sleep (time.Sleep), gc_assist (helping the garbage collector); syscall marks syscall spans; other is any other wait (network, a lock inside the standard library such as os.File's, …): its stack says where.",
});
export type WaitReason = Static<typeof WaitReason>;

export const TimelineGoroutine = Type.Object(
  {
    id: Type.Integer({ minimum: 0, description: "The runtime's goroutine id, as in panics and dumps." }),
    startFunc: Type.String({
      description:
        'The function it started with (main.main for goroutine 1); empty when the trace never said.',
    }),
    created: Type.Union([TimelineFrame, Type.Null()], {
      description: 'The go statement that created it; null when that happened before the trace began.',
    }),
  },
  { additionalProperties: false },
);
export type TimelineGoroutine = Static<typeof TimelineGoroutine>;

export const Waker = Type.Object(
  {
    g: Type.Integer({
      minimum: 0,
      description:
        'The goroutine that ended the wait (it may be a hidden runtime goroutine, absent from goroutines).',
    }),
    stack: Stack('Where the waker was when it woke the waiter (the Unlock, Done, send, …).'),
  },
  { additionalProperties: false },
);
export type Waker = Static<typeof Waker>;

export const Span = Type.Object(
  {
    g: Type.Integer({ minimum: 0, description: 'Goroutine id.' }),
    state: SpanState,
    start: Ns('Start, in ns after the first event.'),
    end: Ns('End, in ns after the first event (endNs for a span still open when the trace ends).'),
    reason: Type.Optional(WaitReason),
    stack: Type.Optional(
      Stack('waiting: where the goroutine blocked; syscall: where it entered the system call.'),
    ),
    wokenBy: Type.Optional(Waker),
  },
  {
    additionalProperties: false,
    description:
      "One stretch of one goroutine in one state. A goroutine's spans are in time order and do not overlap.",
  },
);
export type Span = Static<typeof Span>;

export const TimelineRegion = Type.Object(
  {
    g: Type.Integer({ minimum: 0 }),
    type: Type.String({ description: 'The name given to trace.StartRegion / trace.WithRegion.' }),
    task: Type.Integer({ minimum: 0, description: 'Task id (0: no task).' }),
    start: NsOrNull('null: it began before the trace.'),
    end: NsOrNull('null: it had not ended when the trace ended.'),
  },
  { additionalProperties: false, description: 'A runtime/trace region on one goroutine.' },
);
export type TimelineRegion = Static<typeof TimelineRegion>;

export const TimelineTask = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    parent: Type.Integer({ minimum: 0, description: 'Parent task id (0: none).' }),
    type: Type.String({
      description: 'The name given to trace.NewTask (empty if its start is not in the trace).',
    }),
    start: NsOrNull('null: it began before the trace.'),
    end: NsOrNull('null: it had not ended when the trace ended.'),
  },
  { additionalProperties: false, description: 'A runtime/trace task.' },
);
export type TimelineTask = Static<typeof TimelineTask>;

export const TimelineLog = Type.Object(
  {
    g: Type.Integer({ minimum: 0 }),
    task: Type.Integer({ minimum: 0 }),
    category: Type.String(),
    message: Type.String(),
    t: Ns('When, in ns after the first event.'),
  },
  { additionalProperties: false, description: 'A trace.Log / trace.Logf call.' },
);
export type TimelineLog = Static<typeof TimelineLog>;

export const GcPhase = Type.Object(
  {
    kind: Type.Union([Type.Literal('pause'), Type.Literal('mark')], {
      description: 'pause: the collector stopped the world; mark: its concurrent mark phase.',
    }),
    start: Ns('Start, in ns after the first event.'),
    end: Ns('End, in ns after the first event.'),
  },
  { additionalProperties: false },
);
export type GcPhase = Static<typeof GcPhase>;

const CUT_LITERALS = [
  Type.Literal('max_events'),
  Type.Literal('max_bytes'),
  Type.Literal('trace_cut'),
  Type.Literal('stopped_all_waiting'),
] as const;
export const TIMELINE_CUTS = CUT_LITERALS.map((literal) => literal.const);

export const Truncated = Type.Object(
  {
    afterEvents: Type.Integer({ minimum: 0, description: 'The timeline holds the first N trace events.' }),
    cause: Type.Union([...CUT_LITERALS], {
      description:
        "max_events / max_bytes: the converter's event or size cap; trace_cut: the trace itself ends mid-way (the program was killed while it was written); stopped_all_waiting: tracing stopped when every goroutine of the program waited on another, and the program went on afterwards (a timer released it), untraced.",
    }),
  },
  { additionalProperties: false },
);
export type Truncated = Static<typeof Truncated>;

export const Timeline = Type.Object(
  {
    version: Type.Literal(TIMELINE_VERSION),
    endNs: Ns("The last event's time: times are ns after the first event."),
    goroutines: Type.Array(TimelineGoroutine, { description: 'In order of first appearance.' }),
    spans: Type.Array(Span, { description: 'Ordered by start.' }),
    regions: Type.Array(TimelineRegion),
    tasks: Type.Array(TimelineTask),
    logs: Type.Array(TimelineLog),
    gc: Type.Array(GcPhase),
    hiddenGoroutines: Type.Integer({
      minimum: 0,
      description: "Goroutines of the runtime, the tracer and the runner's trace wrapper left out.",
    }),
    truncated: Type.Union([Truncated, Type.Null()], {
      description: 'null: the timeline runs to the end of the trace.',
    }),
  },
  {
    additionalProperties: false,
    description:
      "A Go execution trace of the learner's program as a timeline of goroutines: states, waits with the blocking and waking stacks, user regions, tasks and logs, and GC.",
  },
);
export type Timeline = Static<typeof Timeline>;

export const TIMELINE_ERROR_LITERALS = [
  Type.Literal('not_a_trace'),
  Type.Literal('malformed_trace'),
  Type.Literal('input_too_large'),
  Type.Literal('timeout'),
  Type.Literal('output_too_large'),
  Type.Literal('io'),
  Type.Literal('usage'),
] as const;
export const TIMELINE_ERRORS = TIMELINE_ERROR_LITERALS.map((literal) => literal.const);

/** The one line of JSON the converter writes on standard error when it produces no timeline. */
export const TimelineError = Type.Object(
  {
    error: Type.Union([...TIMELINE_ERROR_LITERALS]),
    detail: Type.String({ description: 'English, for logs; the browser words the code.' }),
  },
  { additionalProperties: false },
);
export type TimelineError = Static<typeof TimelineError>;
