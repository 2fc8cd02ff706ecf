/**
 * Who a request comes from, for per-client fairness: the peer address plus the id a browser tab
 * sends (header x-lockstep-client, or ?client= on the WebSocket) so tabs behind one address queue
 * separately without any one of them jumping the global limits.
 */
import type { FastifyRequest } from 'fastify';

const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Returns a stable key for the caller. */
export function clientKey(request: FastifyRequest): string {
  const header = request.headers['x-lockstep-client'];
  const query = (request.query as Record<string, unknown> | undefined)?.client;
  const id = typeof header === 'string' ? header : typeof query === 'string' ? query : '';
  return CLIENT_ID.test(id) ? `${request.ip}/${id}` : request.ip;
}
