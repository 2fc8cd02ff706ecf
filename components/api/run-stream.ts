/**
 * The run stream (/api/run/stream): one run over the runner's WebSocket. The socket and its
 * message checks are components/playground/stream-socket.ts and stream-check.ts; the one-off
 * requests are runs.ts, loaded only when needed. N.B. BROWSER CODE.
 */
import type { RunRequest } from '../../contract/run.ts';
import type { StreamMessage } from '../../contract/stream.ts';
import { readStreamMessage } from '../playground/stream-check.ts';
import { openStream, type StreamHandle } from '../playground/stream-socket.ts';

export type RunHandle = StreamHandle;

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
