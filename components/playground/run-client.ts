/**
 * Talks to the runner's streaming endpoint: sends one request, hands every message to the
 * caller, and closes the socket on stop (which stops the run on the server).
 * N.B. BROWSER CODE.
 */
import type { RunRequest } from '../../playground/src/contract/run.ts';
import type { Health } from '../../playground/src/contract/health.ts';
import type { StreamMessage } from '../../playground/src/contract/stream.ts';
import { readStreamMessage } from './stream-check.ts';

export interface RunHandle {
  stop(): void;
}

/** A per-tab id, so several tabs on one machine queue as separate clients. */
function clientId(): string {
  const key = 'lockstep:client';
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID().replace(/-/g, '').slice(0, 24);
    sessionStorage.setItem(key, id);
  }
  return id;
}

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
  const url = new URL('/api/run/stream', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('client', clientId());
  let finished = false;
  let stopped = false;
  const socket = new WebSocket(url);
  socket.onopen = () => socket.send(JSON.stringify(request));
  socket.onmessage = (event) => {
    if (finished) return;
    const message = readStreamMessage(String(event.data));
    if (message === null) {
      finished = true;
      socket.close(1000);
      onInvalid();
      return;
    }
    if (message.type === 'result' || message.type === 'error') finished = true;
    onMessage(message);
  };
  socket.onclose = () => {
    if (!finished && !stopped) onUnreachable();
  };
  return {
    stop() {
      stopped = true;
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)
        socket.close(1000);
    },
  };
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
  | { ok: true; result: import('../../playground/src/contract/run.ts').RunResult }
  | { ok: false; status: number; message: string }
> {
  try {
    const res = await fetch('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lockstep-client': clientId() },
      body: JSON.stringify(request),
    });
    const json = (await res.json()) as { message?: string };
    if (res.ok) return { ok: true, result: json as never };
    return { ok: false, status: res.status, message: json.message ?? res.statusText };
  } catch {
    return { ok: false, status: 0, message: '' };
  }
}
