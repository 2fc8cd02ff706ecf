/**
 * The runner's endpoints: health, one-off runs (format, vet) and the run stream. The stream's
 * socket and its message checks are components/playground/stream-socket.ts and stream-check.ts.
 * N.B. BROWSER CODE.
 */
import type { RunRequest, RunResult } from '../../contract/run.ts';
import type { Health } from '../../contract/health.ts';
import type { StreamMessage } from '../../contract/stream.ts';
import { readStreamMessage } from '../playground/stream-check.ts';
import { clientId } from '../playground/client-id.ts';
import { openStream, type StreamHandle } from '../playground/stream-socket.ts';
import { Check as checkHealth } from './guards/health.generated.ts';
import { Check as checkRunResult } from './guards/run-result.generated.ts';
import { request } from './request.ts';

export type RunHandle = StreamHandle;

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

/**
 * Starts a run over /api/run/stream; onMessage gets each message, onUnreachable fires if the
 * socket cannot open or drops early, and onInvalid when a message is not what the contract says
 * (the run is then stopped: nothing after it can be trusted).
 */
export function startRun(
  body: RunRequest,
  onMessage: (message: StreamMessage) => void,
  onUnreachable: () => void,
  onInvalid: () => void,
): RunHandle {
  return openStream(
    '/api/run/stream',
    body,
    readStreamMessage,
    (m) => m.type === 'result' || m.type === 'error',
    { onMessage, onUnreachable, onInvalid },
  );
}
