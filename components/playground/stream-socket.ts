/**
 * One request over one of the runner's WebSockets (/api/run/stream, /api/grade/stream): sends
 * the request with this tab's client id, checks every message against the contract before the
 * caller sees it, and closes the socket on stop (which cancels the job on the server).
 * N.B. BROWSER CODE.
 */
import { clientId } from './client-id.ts';

export interface StreamHandle {
  stop(): void;
}

export interface StreamCallbacks<M> {
  /** Every message that fits the contract, in order; the last is a final one. */
  onMessage: (message: M) => void;
  /** The socket could not open, or closed before a final message. */
  onUnreachable: () => void;
  /** A message off the contract: the stream is closed, nothing after it can be trusted. */
  onInvalid: () => void;
}

/**
 * Opens the stream at path and sends the request. `read` returns the message in a text or null
 * when it does not fit the contract; `isFinal` says which message ends the stream.
 */
export function openStream<M>(
  path: string,
  request: unknown,
  read: (text: string) => M | null,
  isFinal: (message: M) => boolean,
  callbacks: StreamCallbacks<M>,
): StreamHandle {
  const url = new URL(path, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('client', clientId());
  let finished = false;
  let stopped = false;
  const socket = new WebSocket(url);
  socket.onopen = () => socket.send(JSON.stringify(request));
  socket.onmessage = (event) => {
    if (finished) return;
    const message = read(String(event.data));
    if (message === null) {
      finished = true;
      socket.close(1000);
      callbacks.onInvalid();
      return;
    }
    if (isFinal(message)) finished = true;
    callbacks.onMessage(message);
  };
  socket.onclose = () => {
    if (!finished && !stopped) callbacks.onUnreachable();
  };
  return {
    stop() {
      stopped = true;
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)
        socket.close(1000);
    },
  };
}
