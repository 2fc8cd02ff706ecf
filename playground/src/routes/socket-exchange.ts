/**
 * The one exchange both streaming routes (/api/run/stream, /api/grade/stream) hold on a
 * WebSocket: the client sends one JSON request; the server answers with progress messages and then
 * one final message or one error, and closes. A request the server refuses is answered with its
 * code and closed with 1008 before any work; a client that closes the socket aborts the work.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from '@fastify/websocket';
import { RequestError } from '../errors.ts';

/** The error message both streams end with when the work cannot be done. */
export interface StreamError {
  type: 'error';
  error: string;
  message: string;
  retryAfterS?: number;
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
      const { code, message } = error as RequestError;
      send({ type: 'error', error: code, message });
      socket.close(1008);
      return;
    }
    exchange
      .work(request, send, controller.signal)
      .then(send, (error: unknown) => {
        if (error instanceof RequestError) {
          send({ type: 'error', error: error.code, message: error.message, retryAfterS: error.retryAfterS });
        } else {
          log.error(error);
          send({ type: 'error', error: 'internal', message: exchange.failure });
        }
      })
      .finally(() => socket.close(1000));
  });
}
