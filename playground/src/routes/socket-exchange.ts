/**
 * The one exchange both streaming routes (/api/run/stream, /api/grade/stream) hold on a
 * WebSocket: the client sends one JSON request; the server answers with progress messages and then
 * one final message or one error, and closes. A request the server refuses is answered with its
 * code and closed with 1008 before any work; a client that closes the socket aborts the work.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from '@fastify/websocket';
import { RequestError } from '../errors.ts';
import type { ErrorBody } from '../../../contract/errors.ts';

/** The error message both streams end with when the work cannot be done: the POST's body, typed. */
export type StreamError = { type: 'error'; retryAfterS?: number } & ErrorBody;

/** The stream's error message for a refusal (retryAfterS kept at the top, where clients look). */
function streamError(error: RequestError): StreamError {
  const retryAfterS = error.retryAfterS;
  return { type: 'error', ...error.body(), ...(retryAfterS === undefined ? {} : { retryAfterS }) };
}

export interface Exchange<Request, Message> {
  /** The request from the first message's text; throws a RequestError for anything wrong with it. */
  read(text: string): Request;
  /** Does the work, sending progress with `send`; resolves with the final message. */
  work(request: Request, send: (message: Message) => void, signal: AbortSignal): Promise<Message>;
  /** The words of an unexpected failure (logged; the client gets code `internal`). */
  failure: string;
}

/** Serves one exchange on `socket`. */
export function serveExchange<Request, Message>(
  socket: WebSocket,
  log: FastifyBaseLogger,
  exchange: Exchange<Request, Message>,
): void {
  const controller = new AbortController();
  const send = (message: Message | StreamError): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  socket.on('close', () => controller.abort());
  socket.once('message', (raw: Buffer) => {
    let request: Request;
    try {
      request = exchange.read(raw.toString('utf8'));
    } catch (error) {
      send(streamError(error as RequestError));
      socket.close(1008);
      return;
    }
    exchange
      .work(request, send, controller.signal)
      .then(send, (error: unknown) => {
        if (error instanceof RequestError) {
          send(streamError(error));
        } else {
          log.error(error);
          send({ type: 'error', error: 'internal', message: exchange.failure });
        }
      })
      .finally(() => socket.close(1000));
  });
}
