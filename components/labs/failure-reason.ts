/**
 * Words for a grading failure's reason code: the server sends only the code, and a code this
 * page does not know yet is still shown, inside a generic sentence. N.B. BROWSER CODE.
 */
import { isUiKey, t, type Locale } from '../i18n/index.ts';

/** Returns the sentence for reason code (null when the server gave none). */
export function failureReason(locale: Locale, code: string | null): string {
  const key = `lab.reason.${code}`;
  return isUiKey(key) ? t(locale, key) : t(locale, 'lab.reason.other', { code: code ?? '' });
}
