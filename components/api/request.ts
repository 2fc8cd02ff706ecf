/**
 * The one request helper of the browser's API client: JSON in and out, the tab's client id, a
 * bearer secret, an Idempotency-Key, an AbortSignal; idempotent requests are sent again after the
 * failures worthSendingAgain names, with a growing pause; every answer is checked against the
 * contract before the caller sees it. Every failure is an ApiError. N.B. BROWSER CODE.
 */
import { ApiError, CLIENT_CODES, worthSendingAgain } from './api-error.ts';

/** A check generated from the contract (guards/*.generated.ts) for the body the caller reads. */
export type BodyCheck<T> = (value: unknown) => value is T;

export interface RetryPolicy {
  /** Sends in all, the first included. */
  tries: number;
  /** The pause before the second send; doubled before each later one. */
  firstPauseMs: number;
  /** Called before each send again (attempt is the send about to happen: 2, 3, …). */
  onRetry?: (attempt: number) => void;
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
  /** Checks the JSON body of a 2xx answer; `'text'` reads the body as text without a check. */
  read: BodyCheck<T> | 'text';
  /** Sent as `Authorization: Bearer …` (a lab's instructor key or student token). */
  secret?: string | null;
  /** Sent as Idempotency-Key: makes a POST safe to send again. */
  idempotencyKey?: string;
  /** Sent as x-lockstep-client: the runner's queue counts this tab as a client. */
  clientId?: string;
  signal?: AbortSignal;
  cache?: RequestCache;
  /** Overrides DEFAULT_RETRY; only idempotent requests are ever sent again. */
  retry?: RetryPolicy;
}

/** Idempotent requests: one send more after a short pause rides out a replica's restart. */
export const DEFAULT_RETRY: RetryPolicy = { tries: 2, firstPauseMs: 500 };

/** Waits ms, or rejects with the abort as an ApiError if the signal fires first. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(aborted());
    });
  });
}

const aborted = () => new ApiError(0, CLIENT_CODES.aborted, 'The request was cancelled.');

/** Seconds from a Retry-After header (delta-seconds); null when absent or not a number. */
export function retryAfterSeconds(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.max(1, Math.ceil(seconds)) : null;
}

/** The ApiError for a non-2xx answer: the body's code, message and params when it has them. */
export function errorFromAnswer(
  status: number,
  statusText: string,
  text: string,
  retryAfter: string | null,
): ApiError {
  let body: { error?: unknown; message?: unknown; params?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as typeof body;
  } catch {
    /* not JSON (a proxy's error page): the status says it all */
  }
  const code = typeof body.error === 'string' ? body.error : `http_${status}`;
  const message = typeof body.message === 'string' ? body.message : statusText || `HTTP ${status}`;
  const params =
    typeof body.params === 'object' && body.params !== null && !Array.isArray(body.params)
      ? (body.params as Record<string, string | number>)
      : undefined;
  let retryAfterS = retryAfterSeconds(retryAfter);
  // A 429 always means "wait": without the header the server's usual pause is assumed.
  if (status === 429 && retryAfterS === null) retryAfterS = 5;
  return new ApiError(status, code, message, { params, retryAfterS });
}

/** Reads a 2xx answer as the caller asked, or throws invalid_response. */
function readAnswer<T>(status: number, text: string, read: RequestOptions<T>['read']): T {
  if (read === 'text') return text as T;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(status, CLIENT_CODES.invalidResponse, 'The answer is not JSON.');
  }
  if (!read(value))
    throw new ApiError(status, CLIENT_CODES.invalidResponse, 'The answer does not fit the contract.');
  return value;
}

/** One send: the answer read and checked, or an ApiError. */
async function sendOnce<T>(path: string, options: RequestOptions<T>): Promise<T> {
  const headers: Record<string, string> = { accept: options.read === 'text' ? '*/*' : 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.secret) headers.authorization = `Bearer ${options.secret}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.clientId) headers['x-lockstep-client'] = options.clientId;
  let res: Response;
  let text: string;
  try {
    res = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: options.cache,
    });
    text = await res.text();
  } catch (error) {
    if (options.signal?.aborted) throw aborted();
    throw new ApiError(
      0,
      CLIENT_CODES.unreachable,
      error instanceof Error ? error.message : 'Failed to fetch',
    );
  }
  if (!res.ok) throw errorFromAnswer(res.status, res.statusText, text, res.headers.get('retry-after'));
  return readAnswer(res.status, text, options.read);
}

/** Whether sending the request twice does no more than sending it once. */
function idempotent(options: RequestOptions<unknown>): boolean {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  return method === 'GET' || options.idempotencyKey !== undefined;
}

/** Sends the request (again, when it is idempotent and the failure is worth it) and returns the checked answer. */
export async function request<T>(path: string, options: RequestOptions<T>): Promise<T> {
  const policy = idempotent(options as RequestOptions<unknown>)
    ? (options.retry ?? DEFAULT_RETRY)
    : { tries: 1, firstPauseMs: 0 };
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(path, options);
    } catch (error) {
      if (attempt >= policy.tries || !worthSendingAgain(error)) throw error;
      await pause(policy.firstPauseMs * 2 ** (attempt - 1), options.signal);
      policy.onRetry?.(attempt + 1);
    }
  }
}
