/**
 * What the sandbox hands to the parsers: raw facts about one job, interpreted by nobody yet.
 * The sandbox never classifies; playground/src/parsers turns a RawOutcome into a RunResult.
 */
import type { Action, DiagnosticCode } from '../../../../contract/run.ts';

/** One sandboxed process: the build step or the run step. */
export interface StepOutcome {
  /** Exit code, or -1 when the process was killed by a signal. */
  exitCode: number;
  /** Name of the killing signal (e.g. "SIGKILL"), when there was one. */
  signal: string | null;
  /** Output as the learner should see it, cut at the output limit. */
  stdout: string;
  stderr: string;
  /** Output passed the limit; the process was killed and the text above is cut with a marker. */
  outputLimited: boolean;
  /** The wall-clock limit expired and the sandbox was killed. */
  timedOut: boolean;
  /** The cgroup memory controller killed the process (OOM in the sandbox's group). */
  memoryLimited: boolean;
  /**
   * The deadlock watchdog saw the program make no progress and stopped it with SIGQUIT so the
   * goroutine dump is in stderr. A verdict of "deadlock" still needs the parsed dump.
   */
  stalled: boolean;
  durationMs: number;
}

export interface RawOutcome {
  action: Action;
  race: boolean;
  /** Directory prefix the sandbox compiled in (e.g. "/sandbox/src"): stripped from file paths. */
  workDir: string;
  /** Set when the job was refused before anything ran (e.g. cgo). */
  refused?: {
    reason: string;
    /** What was refused, for the browser's own words (see Diagnostic.code). */
    code: DiagnosticCode;
    /** Where in the learner's files the refused construct is (e.g. each `import "C"`). */
    at: { file: string; line: number; column: number }[];
  };
  /**
   * gofmt / go build / go vet / go test -c: absent when a cached binary was reused. For vet, its
   * stdout and stderr hold the `go vet -json` output as the tool printed it (parsers/vet.ts).
   */
  build?: StepOutcome;
  /** Reused a linked binary from the content-hash cache. */
  cachedBinary: boolean;
  /** The program or the test binary (for test: stdout is the `go test -json` event stream). */
  run?: StepOutcome;
  /**
   * fmt: every .go file as it was after `gofmt -w`, by name. gofmt leaves a file it cannot parse
   * as it was; which files it formatted is read from its errors by parsers/gofmt.ts.
   */
  filesAfterFormat?: Record<string, string>;
  /**
   * A traced run or test: why there is no trace (nothing was built; the program left no trace
   * file, or an empty one; it traces itself and this Go has no flight recorder, so it ran untraced), or the converter's step (its stdout the timeline JSON, its stderr an
   * error line); parsers/trace.ts reads it.
   */
  trace?: { missing: 'not_built' | 'no_trace' | 'program_traces_itself' } | { converter: StepOutcome };
  timings: { buildMs: number; runMs: number };
}
