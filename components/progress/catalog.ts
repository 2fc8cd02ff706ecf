/**
 * What the progress views count against: the course's chapters with their exercises, quiz
 * questions and scheduler levels, built at build time from content/ and handed to the browser.
 * N.B. The type is shared with browser code; `buildCatalog` (Node) lives in catalog-build.ts.
 */
import type { Difficulty } from '../../contract/grade.ts';
import type { Locale } from '../i18n/index.ts';

export interface CatalogChapter {
  /** Locale-neutral path, e.g. "/locks/production-lockup/". */
  path: string;
  title: { en: string; 'zh-cn': string };
  /** In the order the chapter lists them (beginner → advanced). */
  exercises: { id: string; title: { en: string; 'zh-cn': string }; difficulty: Difficulty }[];
  quizzes: string[];
  levels: string[];
}

export type Catalog = CatalogChapter[];

/** Returns the path of a page without its locale prefix ("/zh-cn/maps/x/" → "/maps/x/"). */
export function neutralPath(pathname: string): string {
  const p = pathname.replace(/^\/zh-cn(?=\/)/, '');
  return p.endsWith('/') ? p : `${p}/`;
}

/** Where "continue where you left off" leads, in the page's own language. */
export interface ContinueTarget {
  href: string;
  title: string;
}

/**
 * Returns the link for the last lesson opened: a chapter of the catalog is named and linked in
 * `locale` (a learner who read a chapter in English and opens the Chinese home page continues in
 * Chinese); a page the catalog does not know keeps the path and title it was recorded with.
 */
export function continueTarget(
  last: { path: string; title: string },
  catalog: Catalog,
  locale: Locale,
): ContinueTarget {
  const path = neutralPath(last.path);
  const chapter = catalog.find((c) => c.path === path);
  if (!chapter) return { href: last.path, title: last.title };
  return { href: locale === 'en' ? path : `/${locale}${path}`, title: chapter.title[locale] };
}
