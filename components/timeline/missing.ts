/**
 * Why a traced run has no timeline, as the key of its sentence. The runner sends a code
 * (contract/timeline.ts); for no_trace the run's own ending says more: a fatal error (concurrent map
 * writes, unlock of an unlocked mutex) exits at once, before the runtime writes out the trace it
 * holds, and a run stopped at a limit is killed, not ended. Pure: no DOM.
 */
import type { RunResult } from '../../contract/run.ts';
import type { TimelineKey } from '../i18n/index.ts';

type Missing = Extract<NonNullable<RunResult['trace']>, { missing: unknown }>['missing'];

/** The sentence key for a run whose trace is missing. */
export function missingKey(missing: Missing, result: Pick<RunResult, 'status' | 'summary'>): TimelineKey {
  // A fatal exit leaves no trace or only its first bytes (then it reads as malformed).
  if (missing !== 'no_trace' && missing !== 'malformed_trace') return `tl.missing.${missing}`;
  const code = result.summary?.code ?? '';
  if (result.status === 'concurrent_map' || code === 'fatal' || code === 'fatal.at')
    return 'tl.missing.no_trace.fatal';
  if (missing === 'malformed_trace') return 'tl.missing.malformed_trace';
  if (result.status === 'memory_limit' || result.status === 'output_limit')
    return 'tl.missing.no_trace.limit';
  return 'tl.missing.no_trace';
}
