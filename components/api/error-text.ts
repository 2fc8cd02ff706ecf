/**
 * The one place where a failed API request becomes words: the client's facts (ApiError's status,
 * code, params, Retry-After) in the page's locale. Codes the UI words are worded here; any other
 * refusal keeps the server's message until the server's codes have a table of their own.
 * N.B. BROWSER CODE.
 */
import { t, type Locale } from '../i18n/index.ts';
import { ApiError, CLIENT_CODES } from './api-error.ts';

/** The words for `error` (an ApiError, or anything else a request threw) in `locale`. */
export function apiErrorText(locale: Locale, error: unknown): string {
  if (!(error instanceof ApiError)) {
    // fetch's own failure, should one escape the client: the connection, not the server.
    if (error instanceof TypeError) return t(locale, 'api.unreachable');
    return error instanceof Error ? error.message : String(error);
  }
  if (error.code === CLIENT_CODES.unreachable) return t(locale, 'api.unreachable');
  if (error.code === CLIENT_CODES.invalidResponse) return t(locale, 'api.invalid');
  if (error.code === CLIENT_CODES.aborted) return t(locale, 'api.aborted');
  // A request limit or a full queue: the words are the page's, the wait is the server's.
  if (error.status === 429) return t(locale, 'api.busy', { seconds: error.retryAfterS ?? 5 });
  return error.message;
}
