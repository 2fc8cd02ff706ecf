/**
 * Pure: what GET /api/health says of tracing (trace: true), from the sandbox's verdict and the
 * trace converter's build. A traced job needs both; while the converter builds, traced jobs wait
 * for it, so tracing counts as available.
 */
import type { RunnerHealth } from './run-service-types.ts';
import type { TraceConverterState } from './sandbox/index.ts';

export function tracingHealth(
  sandboxAvailable: boolean,
  converter: TraceConverterState,
): RunnerHealth['tracing'] {
  if (!sandboxAvailable) return { available: false, reason: 'sandbox_unavailable', converter };
  if (converter === 'failed') return { available: false, reason: 'converter_unavailable', converter };
  return { available: true, converter };
}
