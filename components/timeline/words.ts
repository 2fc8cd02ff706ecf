/**
 * Words a timeline phrase ({ key, params }) in a locale: nested phrases first, durations in the
 * locale's units with about two significant digits ("2.1 ms", "2.1 毫秒"). Pure: no DOM.
 */
import { t, type Locale } from '../i18n/index.ts';
import type { Param, Phrase } from './sentences.ts';

/** The unit a duration is said in, and its size in ns. */
const UNITS = [
  { key: 'tl.dur.s', ns: 1e9 },
  { key: 'tl.dur.ms', ns: 1e6 },
  { key: 'tl.dur.us', ns: 1e3 },
  { key: 'tl.dur.ns', ns: 1 },
] as const;

const LANG: Record<Locale, string> = { en: 'en', 'zh-cn': 'zh-CN' };

/**
 * One formatter per locale and digit count, made once: building an Intl.NumberFormat costs far more
 * than formatting, and a 1,000-event timeline words a duration for every span's label (bench:page
 * measured the constructor as the view's largest cost in script, 35 ms of a 1,000-event render).
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale} ${fractionDigits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LANG[locale], { maximumFractionDigits: fractionDigits });
    formatters.set(key, format);
  }
  return format;
}

/** A duration in ns as the locale says it: 850 ns, 2.1 µs, 12 ms, 1.5 s. */
export function duration(locale: Locale, ns: number): string {
  const unit = UNITS.find((u) => ns >= u.ns) ?? UNITS[3];
  const value = ns / unit.ns;
  const n = formatter(locale, value < 10 && unit.ns > 1 ? 1 : 0).format(value);
  return t(locale, unit.key, { n });
}

function param(locale: Locale, value: Param): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('ns' in value) return duration(locale, value.ns);
  return say(locale, value);
}

/** The phrase worded in locale. */
export function say(locale: Locale, p: Phrase): string {
  const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, param(locale, v)]));
  return t(locale, p.key, params);
}
