/**
 * Which errors from `pg` mean "the database cannot be reached right now" (answered with 503 and
 * retried by the next request) rather than a fault in a query (a 500). Pure, so every case is
 * unit-tested without a server.
 */

import type { DatabaseReason } from '../../../contract/errors.ts';

/** Each reason in short English, for the API's message and the server's log. */
export const DATABASE_REASON_ENGLISH: Record<DatabaseReason, string> = {
  connection_refused: 'connection refused',
  connection_reset: 'connection reset',
  connection_lost: 'connection lost',
  connection_timeout: 'connection timed out',
  host_unreachable: 'host unreachable',
  network_unreachable: 'network unreachable',
  host_not_found: 'host not found',
  socket_not_found: 'socket not found',
  shutting_down: 'the database is shutting down',
  crashed: 'the database crashed',
  starting_up: 'the database is starting up',
  too_many_connections: 'the database has too many connections',
  no_database: 'the database does not exist',
  login_refused: 'the database refused the login',
};

/** Node socket errors seen while connecting or talking to the server, with the reason. */
const SOCKET_REASONS: Record<string, DatabaseReason> = {
  ECONNREFUSED: 'connection_refused',
  ECONNRESET: 'connection_reset',
  EPIPE: 'connection_lost',
  ETIMEDOUT: 'connection_timeout',
  EHOSTUNREACH: 'host_unreachable',
  ENETUNREACH: 'network_unreachable',
  ENOTFOUND: 'host_not_found',
  EAI_AGAIN: 'host_not_found',
  ENOENT: 'socket_not_found',
};

/**
 * PostgreSQL SQLSTATEs that mean the server is not there for us, by code or class
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html).
 */
const SQLSTATE_REASONS: Record<string, DatabaseReason> = {
  '57P01': 'shutting_down',
  '57P02': 'crashed',
  '57P03': 'starting_up',
  '53300': 'too_many_connections',
  '3D000': 'no_database',
  '28000': 'login_refused',
  '28P01': 'login_refused',
};

/** Messages `pg` itself raises (no code) when a connection dies or cannot be made in time. */
const MESSAGE_REASONS: [RegExp, DatabaseReason][] = [
  [/^Connection terminated/i, 'connection_lost'],
  [/timeout exceeded when trying to connect/i, 'connection_timeout'],
  [/Client has encountered a connection error and is not queryable/i, 'connection_lost'],
  [/Client was closed and is not queryable/i, 'connection_lost'],
];

/** The reason's code when `error` means the database is unreachable; null for any other error. */
export function unavailableReason(error: unknown): DatabaseReason | null {
  if (!(error instanceof Error)) return null;
  // Connecting to a name with several addresses fails with one error per address.
  if (error instanceof AggregateError)
    for (const inner of error.errors as unknown[]) {
      const reason = unavailableReason(inner);
      if (reason) return reason;
    }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_REASONS[code]) return SOCKET_REASONS[code];
    if (SQLSTATE_REASONS[code]) return SQLSTATE_REASONS[code];
    // Class 08: connection exception.
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'connection_lost';
  }
  for (const [pattern, reason] of MESSAGE_REASONS) if (pattern.test(error.message)) return reason;
  return null;
}
