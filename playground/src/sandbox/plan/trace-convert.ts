/**
 * Pure: how the trace converter (playground/trace-timeline) is run on a traced job's trace, and the
 * cap of the files a traced program may write. The trace is the learner's program's output, so the
 * converter's own caps bound it below the step's limits: its JSON fits the output limit, and it
 * gives up (`timeout`) before the step's wall clock would kill it without a code.
 */

/** RLIMIT_FSIZE of a traced run step: the converter's -max-input-bytes default (64 MiB). */
export const TRACE_FILE_BYTES = 64 * 1024 * 1024;

/** Room left in the output limit for the converter's one error line on stderr. */
const ERROR_LINE_BYTES = 4096;
/**
 * The cap of the timeline JSON a traced run answers with: issue #18's budget of 200 KB per lesson
 * example. bench:timelines found the course's long-running examples (a few seconds of many
 * goroutines taking locks) at 850–920 KB, cut only by the output limit, about 15,000 events: more
 * than a learner can read in the lanes and than the view draws quickly (5,000 events take 0.2–0.3 s,
 * docs/performance.md). At this cap such a timeline holds its first ~3,500 events, and says it was
 * cut (truncated: max_bytes), which the view tells the learner.
 */
export const MAX_JSON_BYTES = 200_000;
/** The converter refuses -max-bytes below this. */
const MIN_JSON_BYTES = 4096;

export interface ConvertPlan {
  /** The build dir as the trace's stacks name it: stripped so learner files read main.go. */
  srcDir: string;
  goroot: string;
  /** The step's output limit (stdout and stderr together). */
  outputBytes: number;
  /** The step's wall clock. */
  wallMs: number;
}

/** The converter's flags (the trace file's path follows them). */
export function converterFlags(plan: ConvertPlan): string[] {
  const maxBytes = Math.max(MIN_JSON_BYTES, Math.min(MAX_JSON_BYTES, plan.outputBytes - ERROR_LINE_BYTES));
  // Half the wall clock, at least a second: the converter's timeout is a code, the wall clock is not.
  const timeoutS = Math.max(1, Math.floor(plan.wallMs / 2000));
  return [
    '-strip',
    `${plan.srcDir.replace(/\/+$/, '')}/`,
    '-strip',
    `${plan.goroot.replace(/\/+$/, '')}/src/`,
    '-max-bytes',
    String(maxBytes),
    '-max-input-bytes',
    String(TRACE_FILE_BYTES),
    '-timeout',
    `${timeoutS}s`,
  ];
}
