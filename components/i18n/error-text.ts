/**
 * The one wording of a server error: its code and params (contract/errors.ts) in the reader's
 * locale, from the errors table (strings/errors.ts). The browser and the command-line tools call
 * it; the server's English `message` is never shown. Pure: no DOM, no I/O.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */
import { isErrorCode, type ErrorCode } from '../../contract/errors.ts';
import { formatInstant, listText, sentencesText } from './format.ts';
import type { Locale } from './locale.ts';
import { isUiKey, t, type UiKey } from './t.ts';
import { WORDED_RULES, type WordedRule } from './strings/errors.ts';

/** An error as the wire carries it: a code and, for most codes, its params. */
export interface WireError {
  code: ErrorCode;
  /** ErrorParams of the code as sent; read defensively (an older or newer server may differ). */
  params?: object | undefined;
}

/** Returns the code and params of an error body or stream message, or null when it has no known code. */
export function wireError(body: unknown): WireError | null {
  if (typeof body !== 'object' || body === null) return null;
  const { error, params } = body as { error?: unknown; params?: unknown };
  if (!isErrorCode(error)) return null;
  return typeof params === 'object' && params !== null ? { code: error, params } : { code: error };
}

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** A size in bytes as people read it: 256 KiB, 1 MiB, 900 bytes (the same in both locales). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} B`;
}

/** An instant sent as a param, in the reader's locale. */
const formatInstantOf = (locale: Locale, iso: unknown): string => formatInstant(text(iso), locale);

/** A list in the locale's punctuation (one value is a list of one). */
const list = (locale: Locale, items: unknown): string =>
  listText(locale, Array.isArray(items) ? items.map(text) : [text(items)]);

/** A sub-key of the table (a reason, role, state…), or the value itself when the table has none. */
function word(locale: Locale, prefix: string, value: unknown, params: Record<string, string> = {}): string {
  const key = `${prefix}.${text(value)}`;
  return isUiKey(key) ? t(locale, key, params) : text(value);
}

/** bad_request's problem: the rule at the path, in words. */
function schemaProblem(locale: Locale, p: Readonly<Record<string, unknown>>): string {
  const rule = text(p.rule);
  const path = text(p.path) === '' ? t(locale, 'err.path.root') : text(p.path);
  const key: UiKey = (WORDED_RULES as readonly string[]).includes(rule)
    ? `err.rule.${rule as WordedRule}`
    : 'err.rule.other';
  return t(locale, key, { path, rule, field: text(p.field), limit: text(p.limit) });
}

/** Returns the error's words in locale. */
export function errorText(locale: Locale, error: WireError): string {
  const p = (error.params ?? {}) as Readonly<Record<string, unknown>>;
  const facts: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p))
    facts[name] = Array.isArray(value) ? list(locale, value) : text(value);
  switch (error.code) {
    case 'bad_request':
      return t(locale, 'err.bad_request', { problem: schemaProblem(locale, p) });
    case 'too_large':
      return t(locale, 'err.too_large', { limit: formatSize(Number(p.limitBytes)) });
    case 'source_too_large':
      return t(locale, 'err.source_too_large', {
        size: formatSize(Number(p.bytes)),
        max: formatSize(Number(p.maxBytes)),
      });
    case 'stdin_too_large':
      return t(locale, 'err.stdin_too_large', { max: formatSize(Number(p.maxBytes)) });
    case 'invalid_lab_settings': {
      const ids = list(locale, p.unknownExercises ?? []);
      const problems = (Array.isArray(p.problems) ? p.problems : []).map((problem) =>
        word(locale, 'err.settings', problem, { ids }),
      );
      return t(locale, 'err.invalid_lab_settings', { problems: sentencesText(locale, problems) });
    }
    case 'forbidden':
      return isUiKey(`err.role.${text(p.role)}`)
        ? word(locale, 'err.role', p.role)
        : t(locale, 'err.forbidden');
    case 'not_open':
      return t(locale, 'err.not_open', { opensAt: formatInstantOf(locale, p.opensAt) });
    case 'closed':
      return t(locale, 'err.closed', { dueAt: formatInstantOf(locale, p.dueAt) });
    case 'not_failed':
      return t(locale, 'err.not_failed', { state: word(locale, 'err.state', p.state) });
    case 'runner_unavailable':
      return t(locale, 'err.runner_unavailable', { reason: word(locale, 'err.runner', p.reason) });
    case 'database_unavailable':
      return t(locale, 'err.database_unavailable', { reason: word(locale, 'err.database', p.reason) });
    default:
      return t(locale, `err.${error.code}`, facts);
  }
}
