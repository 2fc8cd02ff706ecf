/**
 * Which errors from `pg` mean "the database cannot be reached right now" (answered with 503 and
 * retried by the next request) rather than a fault in a query (a 500). Pure, so every case is
 * unit-tested without a server.
 */

/** Node socket errors seen while connecting or talking to the server, with a short reason. */
const SOCKET_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection lost',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ENOENT: 'socket not found',
};

/**
 * PostgreSQL SQLSTATEs that mean the server is not there for us, by code or class
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html).
 */
const SQLSTATE_REASONS: Record<string, string> = {
  '57P01': 'the database is shutting down',
  '57P02': 'the database crashed',
  '57P03': 'the database is starting up',
  '53300': 'the database has too many connections',
  '3D000': 'the database does not exist',
  '28000': 'the database refused the login',
  '28P01': 'the database refused the login',
};

/** Messages `pg` itself raises (no code) when a connection dies or cannot be made in time. */
const MESSAGE_REASONS: [RegExp, string][] = [
  [/^Connection terminated/i, 'connection lost'],
  [/timeout exceeded when trying to connect/i, 'connection timed out'],
  [/Client has encountered a connection error and is not queryable/i, 'connection lost'],
  [/Client was closed and is not queryable/i, 'connection lost'],
];

/** A short reason when `error` means the database is unreachable; null for any other error. */
export function unavailableReason(error: unknown): string | null {
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
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'connection lost';
  }
  for (const [pattern, reason] of MESSAGE_REASONS) if (pattern.test(error.message)) return reason;
  return null;
}
