/**
 * Pure: a traced job's trace facts (RawOutcome.trace) → RunResult.trace. The converter's JSON is
 * checked against contract/timeline.ts before it goes out: it was computed from the learner's
 * program's own file, so nothing it says is trusted unchecked.
 */
import { Compile } from 'typebox/compile';
import { Timeline, TimelineError } from '../../../contract/timeline.ts';
import type { RunStatus, TraceResult } from '../../../contract/run.ts';
import type { RawOutcome } from '../sandbox/plan/outcome.ts';

const timelineCheck = Compile(Timeline);
const errorCheck = Compile(TimelineError);

/**
 * The trace part of the result, or undefined when the request did not ask for one. status is the
 * run's verdict: the converter marks a timeline whose tracing the stall watcher stopped
 * (stopped_all_waiting), and that is a cut only when the program went on; in a deadlock nothing
 * moved again, so the timeline is whole.
 */
export function traceResult(raw: RawOutcome['trace'], status?: RunStatus): TraceResult | undefined {
  if (raw === undefined) return undefined;
  if ('missing' in raw) return { missing: raw.missing };
  const step = raw.converter;
  // The sandbox's limits stopped the converter: its caps should have come first, so say which.
  if (step.timedOut) return { missing: 'timeout' };
  if (step.outputLimited) return { missing: 'output_too_large' };
  if (step.memoryLimited) return { missing: 'input_too_large' };
  if (step.exitCode === 0) {
    const timeline = parseJson(step.stdout);
    if (!timelineCheck.Check(timeline)) return { missing: 'malformed_trace' };
    if (timeline.truncated?.cause === 'stopped_all_waiting' && status === 'deadlock')
      return { timeline: { ...timeline, truncated: null } };
    return { timeline };
  }
  const line = step.stderr.trim().split('\n').at(-1) ?? '';
  const error = parseJson(line);
  // A crash of the converter with no error line (a signal) is a trace it could not read.
  return { missing: errorCheck.Check(error) ? error.error : 'malformed_trace' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
