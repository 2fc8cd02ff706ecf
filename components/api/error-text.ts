/**
 * The one place where a failed API request becomes words: the client's facts (ApiError's status,
 * code, params, Retry-After) in the page's locale. The client's own codes are worded here; the
 * server's codes by errorText, from the same table the command-line tools use. The server's English
 * message is shown only for an answer with no code at all (a proxy's error page, say).
 * N.B. BROWSER CODE.
 */
import { isErrorCode } from '../../contract/errors.ts';
import { errorText, t, type Locale } from '../i18n/index.ts';
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
  if (isErrorCode(error.code)) {
    // Retry-After is the wait when the body does not repeat it.
    const wait = error.retryAfterS === null ? {} : { retryAfterS: error.retryAfterS };
    return errorText(locale, { code: error.code, params: { ...wait, ...error.params } });
  }
  // A limit without a code we know (a proxy's 429): the words are the page's, the wait the server's.
  if (error.status === 429) return t(locale, 'api.busy', { seconds: error.retryAfterS ?? 5 });
  return error.message;
}
