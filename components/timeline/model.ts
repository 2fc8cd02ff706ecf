/**
 * A timeline (contract/timeline.ts) as the page draws it: one lane per goroutine with its spans,
 * each wait tied to the learner's line (the first frame in one of their files, e.g. the
 * mu.Lock() call in main.go rather than sync/mutex.go) and to its waker, the wake edges, and the
 * rows of the table view. Pure: no DOM, no words (sentences.ts words them as keys and facts).
 */
import type { Span, SpanState, Timeline, TimelineFrame, WaitReason } from '../../contract/timeline.ts';

/** A line in one of the learner's files. */
export interface Place {
  file: string;
  line: number;
}

/** What the learner's code sources say: their file names and texts. */
export interface Sources {
  files: Record<string, string>;
}

/** Who ended a wait, and where in the learner's code (when the waker was in it). */
export interface Wake {
  g: number;
  /** The waker is one of the drawn goroutines (not a hidden runtime one, such as a timer's). */
  drawn: boolean;
  at: Place | null;
  /** The learner's source text at `at`, e.g. mu.Unlock(). */
  call: string | null;
  /** The function of that frame, e.g. main.worker or stats.(*Stats).Trim. */
  func: string | null;
}

export interface SpanBox {
  /** Position in model.spans (time order), the span's id everywhere in the view. */
  index: number;
  g: number;
  state: SpanState;
  start: number;
  end: number;
  reason: WaitReason | null;
  /** Where the learner's code was: the call that blocked, or the system call's caller. */
  at: Place | null;
  call: string | null;
  /** The function of the learner's frame at `at`. */
  func: string | null;
  wake: Wake | null;
  /** Still going when the trace ended. */
  open: boolean;
}

export interface Lane {
  g: number;
  func: string;
  /** The go statement that created it; in the learner's code when it was, else Go's own. */
  created: Place | null;
  spans: SpanBox[];
}

/** An arrow from the waker's lane to the waiter's at the moment the wait ended. */
export interface Edge {
  span: number;
  waiter: number;
  waker: number;
  t: number;
}

export interface TimelineModel {
  endNs: number;
  lanes: Lane[];
  spans: SpanBox[];
  edges: Edge[];
  timeline: Timeline;
  sources: Sources;
}

/** Learner files are named flat (main.go); Go's own are paths in its tree (sync/mutex.go). */
function isLearnerFile(file: string, sources: Sources): boolean {
  return Object.hasOwn(sources.files, file);
}

/** The innermost frame in one of the learner's files: the line of their code behind a wait. */
export function learnerFrame(stack: readonly TimelineFrame[] | undefined, sources: Sources): Place | null {
  const frame = stack?.find((f) => isLearnerFile(f.file, sources) && f.line > 0);
  return frame ? { file: frame.file, line: frame.line } : null;
}

/** The function of the innermost frame in one of the learner's files (see learnerFrame). */
function learnerFunc(stack: readonly TimelineFrame[] | undefined, sources: Sources): string | null {
  return stack?.find((f) => isLearnerFile(f.file, sources) && f.line > 0)?.func ?? null;
}

/** The longest code text shown in a sentence before it is cut. */
const CALL_MAX = 48;

/**
 * The Go line without its trailing // comment (a // inside a string, raw string or rune literal
 * is code), so a sentence quotes the call, not the learner's note beside it.
 */
export function withoutLineComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`' || c === "'") quote = c;
    else if (c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

/** The learner's code at a line, trimmed (and cut when long); null when the line is not there. */
export function codeAt(place: Place | null, sources: Sources): string | null {
  if (!place) return null;
  const line = sources.files[place.file]?.split('\n')[place.line - 1];
  const text = line === undefined ? undefined : withoutLineComment(line).trim();
  if (!text) return null;
  return text.length > CALL_MAX ? `${text.slice(0, CALL_MAX - 1)}…` : text;
}

function box(span: Span, index: number, timeline: Timeline, drawn: Set<number>, sources: Sources): SpanBox {
  const at = learnerFrame(span.stack, sources);
  let wake: Wake | null = null;
  if (span.wokenBy) {
    const wakerAt = learnerFrame(span.wokenBy.stack, sources);
    wake = {
      g: span.wokenBy.g,
      drawn: drawn.has(span.wokenBy.g),
      at: wakerAt,
      call: codeAt(wakerAt, sources),
      func: learnerFunc(span.wokenBy.stack, sources),
    };
  }
  return {
    index,
    g: span.g,
    state: span.state,
    start: span.start,
    end: span.end,
    reason: span.reason ?? null,
    at,
    call: codeAt(at, sources),
    func: learnerFunc(span.stack, sources),
    wake,
    open: span.end >= timeline.endNs && span.state !== 'running',
  };
}

/** Builds the drawn model of a timeline for the learner's files as they were run. */
export function buildModel(timeline: Timeline, sources: Sources): TimelineModel {
  const drawn = new Set(timeline.goroutines.map((g) => g.id));
  const spans = timeline.spans
    .map((span, i) => ({ span, i }))
    // The converter orders by start; ties keep their order, so the model's order is stable.
    .sort((a, b) => a.span.start - b.span.start || a.i - b.i)
    .map(({ span }, index) => box(span, index, timeline, drawn, sources));
  const lanes: Lane[] = timeline.goroutines.map((g) => ({
    g: g.id,
    func: g.startFunc,
    created: g.created ? { file: g.created.file, line: g.created.line } : null,
    spans: spans.filter((s) => s.g === g.id),
  }));
  // A span of a goroutine the converter did not list still gets a lane, after the listed ones.
  for (const span of spans) {
    if (lanes.some((l) => l.g === span.g)) continue;
    lanes.push({ g: span.g, func: '', created: null, spans: spans.filter((s) => s.g === span.g) });
  }
  const edges: Edge[] = spans
    .filter((s) => s.wake?.drawn && lanes.some((l) => l.g === s.wake!.g))
    .map((s) => ({ span: s.index, waiter: s.g, waker: s.wake!.g, t: s.end }));
  return { endNs: timeline.endNs, lanes, spans, edges, timeline, sources };
}

/** Locks whose holder a wake names: the waker released what the waiter then took. */
const LOCK_REASONS: ReadonlySet<WaitReason> = new Set(['mutex', 'rwmutex_write', 'rwmutex_read']);

/**
 * Where the waker of a lock wait took that lock, when the trace shows it: the waker's own latest
 * wait on the same call (same line of the learner's code) that ended before it woke the waiter,
 * if that wait was in the function whose Unlock woke it. One in another function tells nothing
 * of this hold: a goroutine that waited in Record's Lock, unlocked, then took the lock uncontended
 * in Trim and woke the waiter from there did not hold it "from Record's Lock". An uncontended Lock
 * records no event, so often there is none to find.
 */
export function heldFrom(model: TimelineModel, span: SpanBox): Place | null {
  if (!span.reason || !LOCK_REASONS.has(span.reason) || !span.wake?.drawn || !span.at) return null;
  const taken = model.spans.filter(
    (s) =>
      s.g === span.wake!.g &&
      s.state === 'waiting' &&
      s.reason === span.reason &&
      s.end <= span.end &&
      s.at?.file === span.at!.file &&
      s.at.line === span.at!.line,
  );
  const last = taken.at(-1);
  return last && last.func !== null && last.func === span.wake.func ? last.at : null;
}

/** One row of the table view: a span with the facts its columns show. */
export interface TableRow {
  span: number;
  g: number;
  state: SpanState;
  reason: WaitReason | null;
  start: number;
  end: number;
  duration: number;
  at: Place | null;
  wokenBy: number | null;
}

/** The table view's rows: every span, in time order. */
export function tableRows(model: TimelineModel): TableRow[] {
  return model.spans.map((s) => ({
    span: s.index,
    g: s.g,
    state: s.state,
    reason: s.reason,
    start: s.start,
    end: s.end,
    duration: s.end - s.start,
    at: s.at,
    wokenBy: s.wake?.g ?? null,
  }));
}

/** The lane and position in it of a span, for keyboard moves between spans. */
export function laneOf(model: TimelineModel, index: number): { lane: number; pos: number } | null {
  for (let lane = 0; lane < model.lanes.length; lane++) {
    const pos = model.lanes[lane]!.spans.findIndex((s) => s.index === index);
    if (pos >= 0) return { lane, pos };
  }
  return null;
}

/**
 * The span a keyboard move lands on: Left/Right within the lane, Up/Down to the span of the next
 * lane that overlaps the current one's start (else the nearest by time). Stays put at an edge.
 */
export function moveFocus(
  model: TimelineModel,
  index: number,
  move: 'left' | 'right' | 'up' | 'down' | 'home' | 'end',
): number {
  const here = laneOf(model, index);
  if (!here) return model.spans[0]?.index ?? index;
  const lane = model.lanes[here.lane]!;
  if (move === 'left') return lane.spans[Math.max(0, here.pos - 1)]!.index;
  if (move === 'right') return lane.spans[Math.min(lane.spans.length - 1, here.pos + 1)]!.index;
  if (move === 'home') return lane.spans[0]!.index;
  if (move === 'end') return lane.spans.at(-1)!.index;
  const step = move === 'up' ? -1 : 1;
  const span = model.spans[index]!;
  for (let l = here.lane + step; l >= 0 && l < model.lanes.length; l += step) {
    const spans = model.lanes[l]!.spans;
    if (spans.length === 0) continue;
    const over = spans.find((s) => s.start <= span.start && s.end > span.start);
    if (over) return over.index;
    const nearest = spans.reduce((a, b) =>
      Math.abs(b.start - span.start) < Math.abs(a.start - span.start) ? b : a,
    );
    return nearest.index;
  }
  return index;
}
