/**
 * The runner's one-off requests: health and a run without streaming (format, vet). Every page
 * with a playground loads the playground, so callers import this module when a request is about
 * to be made: the request helper and the checks of Health and RunResult (~2 KiB gzip) then load
 * on the first Format, Vet or failed run, never before. N.B. BROWSER CODE.
 */
import type { RunRequest, RunResult } from '../../contract/run.ts';
import type { Health } from '../../contract/health.ts';
import { clientId } from '../playground/client-id.ts';
import { Check as checkHealth } from './guards/health.generated.ts';
import { Check as checkRunResult } from './guards/run-result.generated.ts';
import { request } from './request.ts';

const isHealth = (value: unknown): value is Health => checkHealth(value) === true;
const isRunResult = (value: unknown): value is RunResult => checkRunResult(value) === true;

/**
 * GET /api/health: why the runner cannot run code, asked once a run failed, so it is not sent
 * again (the learner is waiting for the reason).
 */
export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return request('/api/health', {
    read: isHealth,
    cache: 'no-store',
    signal,
    retry: { tries: 1, firstPauseMs: 0 },
  });
}

/** POST /api/run: a short request (format, vet) without streaming. Not sent again: it is no GET. */
export function runOnce(body: RunRequest, signal?: AbortSignal): Promise<RunResult> {
  return request('/api/run', { body, read: isRunResult, clientId: clientId(), signal });
}
