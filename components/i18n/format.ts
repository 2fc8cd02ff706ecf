/**
 * The locale's ways of putting facts into text: an instant as readers of the language expect it,
 * and lists and sentences joined with the language's punctuation (the joins are table entries, so
 * they are translated like any other text). Used by every function that words codes.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */
import { languageTag, type Locale } from './locale.ts';
import { t } from './t.ts';

/** A date and time in the reader's locale and time zone; the text as given when it is not a date. */
export function formatInstant(iso: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString(languageTag(locale), { dateStyle: 'medium', timeStyle: 'short' });
}

/** Items joined as a list in the locale ("a, b" / "a、b"). */
export function listText(locale: Locale, items: readonly string[]): string {
  return items.join(t(locale, 'grade.list.separator'));
}

/** Sentences in a row (Chinese ones follow each other without a space). */
export function sentencesText(locale: Locale, parts: readonly string[]): string {
  return parts.reduce((first, second) => t(locale, 'grade.join.sentences', { first, second }));
}
