/**
 * Pure: what `run` adds to a learner's program so that it records an execution trace without a
 * change to the learner's files. One generated Go file joins package main through `go build
 * -overlay` (the learner's files are neither moved nor rewritten, so every line number stays). Its
 * init starts tracing before the learner's code runs, and the trace is completed when the program
 * exits (main returns or os.Exit: the runtime's exit hooks) or gets SIGQUIT from the watchdog (a
 * handler that completes it, then re-raises so the goroutine dump still comes), or earlier by its
 * stall watcher (watcher-go.ts) once every goroutine of the learner waits on another, so the
 * watchdog can see the deadlock.
 *
 * Two ways to trace, chosen per program:
 * - stream (the default): runtime/trace.Start writes to the file as the program runs, so a panic,
 *   a fatal error or SIGKILL still leaves every generation written before it (GODEBUG
 *   traceadvanceperiod, set by traceEnv, makes generations short);
 * - flight: when the learner's code calls trace.Start itself (which would fail while we stream),
 *   the runtime's flight recorder (Go ≥ 1.25, allowed beside trace.Start) keeps the trace in
 *   memory and writes it at exit or SIGQUIT only. On an older Go such a program is not traced at
 *   all (traceModeFor): streaming would make the learner's own trace.Start fail.
 * Which endings keep their trace, measured: playground/trace-timeline/README.md.
 */

import {
  FLIGHT_SAVE,
  FLIGHT_START,
  STREAM_SAVE,
  STREAM_START,
  STREAM_TYPES,
  WRAPPER_FILE,
} from './wrapper-go.ts';
import { WATCH_PERIOD_MS, WATCHER_FUNCS } from './watcher-go.ts';
import { needsNewerGo } from '../../../contract/go-version.ts';

/** The environment variable that names the file the trace is written to; unset, nothing is traced. */
export const TRACE_ENV = 'LOCKSTEP_TRACE';

/** The start of every generated function's name, in package main or a test package. */
export const GENERATED_FUNC_NAME_PREFIX = 'lockstepTrace';

/**
 * Whether a function of a dump is one of the generated files' (the run wrapper's in package main,
 * the test watcher's in the learner's test package): its name without the package starts with
 * lockstepTrace.
 */
export function isGeneratedFunc(func: string): boolean {
  const afterPath = func.slice(func.lastIndexOf('/') + 1);
  const dot = afterPath.indexOf('.');
  return dot >= 0 && afterPath.slice(dot + 1).startsWith(GENERATED_FUNC_NAME_PREFIX);
}

/**
 * Every function of the generated file starts with this name, so the converter hides its
 * goroutine and the parsers of goroutine dumps can tell it apart from the learner's.
 */
export const WRAPPER_FUNC_PREFIX = `main.${GENERATED_FUNC_NAME_PREFIX}`;

/** The function that completes the trace: the converter ends the timeline at its first event. */
export const WRAPPER_SAVE_FUNC = `${WRAPPER_FUNC_PREFIX}Save`;

/**
 * The generated file's name. Go runs the init functions of a package's files in name order, and a
 * digit sorts before every letter, so this init (and the tracer) runs before the learner's.
 */
const BASE_NAME = '0lockstep_trace';

/**
 * Link flag the generated file needs: it reaches internal/runtime/exithook.Add by go:linkname (the
 * only hook that runs when main.main returns and in os.Exit), which the linker refuses by default.
 */
export const TRACE_LDFLAGS = ['-checklinkname=0'];

export type TraceMode = 'stream' | 'flight';

/** The Go whose runtime/trace first has the flight recorder (trace.NewFlightRecorder) flight mode uses. */
export const FLIGHT_RECORDER_GO = '1.25';

/**
 * How a run of these files is traced by a runner with this Go (its `go version`, "go1.24.6"), or
 * null when it cannot be: the program calls trace.Start itself and the Go has no flight recorder.
 */
export function traceModeFor(files: Readonly<Record<string, string>>, goVersion: string): TraceMode | null {
  if (!callsTraceStart(files)) return 'stream';
  return needsNewerGo(FLIGHT_RECORDER_GO, goVersion) ? null : 'flight';
}

export interface TraceWrapperOptions {
  /** Cap of the trace file in bytes (stream: later data is dropped; flight: the window's size hint). */
  maxBytes?: number;
  /** flight: how far back the recorder keeps events at least, in seconds (longer than any run). */
  minAgeSeconds?: number;
}

export interface TraceWrapper {
  /** The generated file's name beside the learner's (not one of theirs). */
  fileName: string;
  /** Its Go source. */
  source: string;
  /** The -overlay JSON: the generated file appears in srcDir, read from where it was written. */
  overlay: { Replace: Record<string, string> };
  mode: TraceMode;
}

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
const DEFAULT_MIN_AGE_SECONDS = 120;

/** Default length of a trace generation (the runtime's is 1 s): the most a panic can lose. */
export const DEFAULT_GENERATION_MS = 50;

/**
 * The generated file for the learner's files, which will be built in srcDir; generatedPath is where
 * the caller writes `source` (outside srcDir, so the learner's directory holds only their files).
 */
export function traceWrapper(
  files: Readonly<Record<string, string>>,
  srcDir: string,
  generatedPath: string,
  options: TraceWrapperOptions = {},
): TraceWrapper {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const minAge = options.minAgeSeconds ?? DEFAULT_MIN_AGE_SECONDS;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0)
    throw new RangeError('maxBytes must be a positive integer');
  if (!Number.isSafeInteger(minAge) || minAge <= 0)
    throw new RangeError('minAgeSeconds must be a positive integer');
  const fileName = freeName(files);
  const mode: TraceMode = callsTraceStart(files) ? 'flight' : 'stream';
  return {
    fileName,
    source: wrapperSource(mode, maxBytes, minAge),
    overlay: { Replace: { [`${srcDir.replace(/\/+$/, '')}/${fileName}`]: generatedPath } },
    mode,
  };
}

/**
 * The program's environment for a traced run: the trace file, and GODEBUG's traceadvanceperiod
 * (read by the runtime at start only) so that a crash loses at most about one generation. A
 * GODEBUG the caller already sets is kept, with ours after it.
 */
export function traceEnv(
  tracePath: string,
  generationMs: number = DEFAULT_GENERATION_MS,
  godebug = '',
): Record<string, string> {
  if (!Number.isInteger(generationMs) || generationMs < 1 || generationMs > 2000)
    throw new RangeError('generationMs must be an integer from 1 to 2000 (an int32 of ns)');
  const period = `traceadvanceperiod=${generationMs * 1_000_000}`;
  return { [TRACE_ENV]: tracePath, GODEBUG: godebug ? `${godebug},${period}` : period };
}

/** The base name, or the first numbered one no learner file has taken. */
function freeName(files: Readonly<Record<string, string>>): string {
  for (let n = 0; ; n++) {
    const name = n === 0 ? `${BASE_NAME}.go` : `${BASE_NAME}_${n}.go`;
    if (!Object.hasOwn(files, name)) return name;
  }
}

/**
 * Whether a Go file of the program calls runtime/trace's Start, under whatever name the file
 * imports the package (trace, an alias, or a dot import). Comments and strings are not parsed: a
 * false "yes" only costs the program the panic-proof stream mode.
 */
export function callsTraceStart(files: Readonly<Record<string, string>>): boolean {
  for (const [name, source] of Object.entries(files)) {
    if (!name.endsWith('.go')) continue;
    for (const m of source.matchAll(/(?:^|[\s(;])([A-Za-z_]\w*|\.)?\s*"runtime\/trace"/g)) {
      // `import "runtime/trace"` puts the keyword where an alias would be.
      const alias = m[1] === undefined || m[1] === 'import' ? 'trace' : m[1];
      if (alias === '_') continue;
      const call = alias === '.' ? /(?<![\w.])Start\s*\(/ : new RegExp(`\\b${alias}\\s*\\.\\s*Start\\s*\\(`);
      if (call.test(source)) return true;
    }
  }
  return false;
}

/** The generated Go file. Names start with lockstepTrace so that none meets a learner's. */
export function wrapperSource(mode: TraceMode, maxBytes: number, minAgeSeconds: number): string {
  const stream = mode === 'stream';
  const sizes = { maxBytes, minAgeSeconds };
  const parts: Record<string, string> = {
    mode,
    env: TRACE_ENV,
    holder: stream
      ? 'lockstepTraceFile     *lockstepTraceCapped'
      : 'lockstepTraceRecorder *trace.FlightRecorder',
    types: stream ? STREAM_TYPES : '',
    start: fillGo(stream ? STREAM_START : FLIGHT_START, sizes),
    save: stream ? STREAM_SAVE : FLIGHT_SAVE,
    watcher: fillGo(WATCHER_FUNCS, { periodMs: WATCH_PERIOD_MS, save: 'lockstepTraceSave' }),
  };
  return fillGo(WRAPPER_FILE, parts);
}

/** Fills {name} placeholders; Go's own braces are never a bare {word}, so they stay. */
function fillGo(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
