/**
 * What the progress views count against: the course's chapters with their exercises, quiz
 * questions and scheduler levels, built at build time from content/ and handed to the browser.
 * N.B. The type is shared with browser code; `buildCatalog` (Node) lives in catalog-build.ts.
 */

export interface CatalogChapter {
  /** Locale-neutral path, e.g. "/locks/production-lockup/". */
  path: string;
  title: { en: string; 'zh-cn': string };
  exercises: { id: string; title: { en: string; 'zh-cn': string } }[];
  quizzes: string[];
  levels: string[];
}

export type Catalog = CatalogChapter[];

/** Returns the path of a page without its locale prefix ("/zh-cn/maps/x/" → "/maps/x/"). */
export function neutralPath(pathname: string): string {
  const p = pathname.replace(/^\/zh-cn(?=\/)/, '');
  return p.endsWith('/') ? p : `${p}/`;
}
