/**
 * Every link from one course page to another, or to a heading in one, lands: the page exists and,
 * when the link names a fragment, the page has a heading with that id. Chapters link to the one
 * place a caveat is stated in full, so a renamed heading would otherwise break those links
 * silently. Ids are made the way Astro makes them, with github-slugger over the heading's text,
 * and each locale's headings have their own ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';

const DOCS = 'content/docs';

const mdxFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? mdxFiles(join(dir, entry.name))
      : entry.name.endsWith('.mdx')
        ? [join(dir, entry.name)]
        : [],
  );

/** The site path of a page: content/docs/zh-cn/maps/sync-map.mdx → /zh-cn/maps/sync-map/. */
const routeOf = (file: string) => {
  const path = relative(DOCS, file)
    .split(sep)
    .join('/')
    .replace(/\.mdx$/, '');
  return path === 'index' ? '/' : `/${path.replace(/\/index$/, '')}/`;
};

/** A heading's text as Astro slugs it: inline code and link syntax removed, the words kept. */
const headingText = (line: string) =>
  line
    .replace(/^#{2,6}\s+/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '');

/** The ids of a page's headings, outside code blocks, in page order (duplicates get -1, -2...). */
const headingIds = (text: string) => {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{2,6}\s/.test(line)) ids.add(slugger.slug(headingText(line)));
  }
  return ids;
};

const pages = new Map(
  mdxFiles(DOCS).map((file) => {
    const text = readFileSync(file, 'utf8');
    return [routeOf(file), { file, text, ids: headingIds(text) }] as const;
  }),
);

/** Markdown links to a site path or to a fragment of the same page, outside code blocks. */
const links = (text: string) => {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/\]\(((?:\/|#)[^)\s]*)\)/g)].map((m) => m[1] ?? '');
};

describe('links between course pages land', () => {
  test.each([...pages.entries()].map(([route, page]) => [route, page] as const))('%s', (route, { text }) => {
    for (const link of links(text)) {
      const [path = '', fragment] = link.split('#');
      const target = pages.get(path === '' ? route : path);
      expect(target, `${route}: ${link} is no page`).toBeDefined();
      if (fragment !== undefined)
        expect(
          target?.ids.has(decodeURIComponent(fragment)),
          `${route}: ${link} names no heading of ${path || route}`,
        ).toBe(true);
    }
  });

  // The checker itself: a fragment that no heading makes is caught.
  test('a missing fragment is caught', () => {
    const ids = pages.get('/maps/race-detector/')?.ids;
    expect(ids?.has('reading-a-race-report-line-by-line')).toBe(true);
    expect(ids?.has('reading-a-race-report')).toBe(false);
    expect(pages.get('/zh-cn/maps/race-detector/')?.ids.has('逐行阅读竞态报告')).toBe(true);
  });
});
