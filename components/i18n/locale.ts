/**
 * The site's locales and the one rule that tells a page's locale from its language tag. Every
 * island calls pageLocale(); Astro components call localeOf(Astro.currentLocale) at build time.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */

export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

/** Returns the locale for a language tag such as <html lang> ('zh-CN' → 'zh-cn'; anything else → 'en'). */
export function localeOf(lang: string | null | undefined): Locale {
  return lang?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** Returns the locale of the current page, from its <html lang> (Starlight sets it per locale). */
export function pageLocale(): Locale {
  return localeOf(document.documentElement.lang);
}

/** The BCP 47 tag Intl formats a locale's dates and numbers with. */
export function languageTag(locale: Locale): string {
  return locale === 'zh-cn' ? 'zh-CN' : 'en';
}
