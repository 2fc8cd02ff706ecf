/**
 * The one place for learner-facing UI strings: the locales and their detector (locale.ts), the
 * lookup over every area's table (t.ts, tables in strings/), and the placeholder filler.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */
export { LOCALES, languageTag, localeOf, pageLocale, type Locale } from './locale.ts';
export { formatInstant, listText, sentencesText } from './format.ts';
export * from './t.ts';
export { fill } from './fill.ts';
export { errorText, wireError, type WireError } from './error-text.ts';
