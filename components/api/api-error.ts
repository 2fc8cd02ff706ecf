/**
 * The one error the API client throws: what went wrong as facts (HTTP status, the server's code
 * and params, how long to wait), never as words for the learner; apiErrorText (error-text.ts)
 * words it. N.B. BROWSER CODE.
 */

/** The client's own codes, for failures the server never answered with a body. */
export const CLIENT_CODES = {
  /** No answer: the connection failed (status 0). */
  unreachable: 'unreachable',
  /** An answer that does not fit the contract: not JSON, or not the shape this page expects. */
  invalidResponse: 'invalid_response',
  /** The caller's AbortSignal ended the request (status 0). */
  aborted: 'aborted',
} as const;

export class ApiError extends Error {
  /** The HTTP status; 0 when there was no answer. */
  readonly status: number;
  /** The body's `error` (queue_full, rate_limited, …), or one of CLIENT_CODES. */
  readonly code: string;
  /** The body's `params`, when it has them: facts the words are filled with. */
  readonly params: Readonly<Record<string, string | number>>;
  /** From Retry-After (seconds) on a 429 or 503 that carries it; null otherwise. */
  readonly retryAfterS: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { params?: Record<string, string | number>; retryAfterS?: number | null } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.params = options.params ?? {};
    this.retryAfterS = options.retryAfterS ?? null;
  }
}

/**
 * Whether a request that failed this way may be sent again unchanged, when it is idempotent (a
 * GET, or a POST with an Idempotency-Key): the connection failed, the database is away (503), or
 * — behind a load balancer — the replica died with the request in flight (502) or hung (504). The
 * work may or may not be stored; idempotency makes sending it again safe either way. Any other
 * answer is the server's decision, and a 429 is waited out by the learner, not by a loop.
 */
export function worthSendingAgain(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === CLIENT_CODES.unreachable) return true;
  return [502, 503, 504].includes(error.status);
}
