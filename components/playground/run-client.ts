/**
 * Talks to the runner: the run stream (sends one request, hands every message to the caller,
 * closes the socket on stop, which stops the run on the server), health, and one-off runs.
 * N.B. BROWSER CODE.
 */
import type { RunRequest } from '../../contract/run.ts';
import type { Health } from '../../contract/health.ts';
import type { StreamMessage } from '../../contract/stream.ts';
import { readStreamMessage } from './stream-check.ts';
import { clientId } from './client-id.ts';
import { openStream, type StreamHandle } from './stream-socket.ts';
import { wireError, type WireError } from '../i18n/index.ts';

export type RunHandle = StreamHandle;

/**
 * Starts a run; onMessage gets each message, onUnreachable fires if the socket cannot open or
 * drops early, and onInvalid when a message is not what the contract says (the run is then
 * stopped: nothing after it can be trusted).
 */
export function startRun(
  request: RunRequest,
  onMessage: (message: StreamMessage) => void,
  onUnreachable: () => void,
  onInvalid: () => void,
): RunHandle {
  return openStream(
    '/api/run/stream',
    request,
    readStreamMessage,
    (m) => m.type === 'result' || m.type === 'error',
    { onMessage, onUnreachable, onInvalid },
  );
}

/** Returns the runner's health, or null when the server cannot be reached. */
export async function fetchHealth(): Promise<Health | null> {
  try {
    const res = await fetch('/api/health', { cache: 'no-store' });
    return res.ok ? ((await res.json()) as Health) : null;
  } catch {
    return null;
  }
}

/** Runs a short request (format, vet) without streaming. */
export async function runOnce(
  request: RunRequest,
): Promise<
  | { ok: true; result: import('../../contract/run.ts').RunResult }
  | { ok: false; status: number; error: WireError | null }
> {
  try {
    const res = await fetch('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lockstep-client': clientId() },
      body: JSON.stringify(request),
    });
    const json: unknown = await res.json();
    if (res.ok) return { ok: true, result: json as never };
    return { ok: false, status: res.status, error: wireError(json) };
  } catch {
    return { ok: false, status: 0, error: null };
  }
}
