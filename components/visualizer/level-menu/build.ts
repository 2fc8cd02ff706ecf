/**
 * Builds the level menu at build time from content/: the chapters in course order (the progress
 * catalog's order) and, in each, its levels in the order the chapter's `<Visualizer>` lines place
 * them. A level no chapter places is an error: the menu would link to nothing.
 * N.B. Node-only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../progress/catalog-build.ts';
import { loadScenarioFiles } from '../scenario/load.ts';
import type { Locale } from '../../i18n/index.ts';
import { levelHref, type MenuChapter } from './menu.ts';

/** The `<Visualizer scenario="…">` ids of a page, in page order. */
export function placedScenarios(mdx: string): string[] {
  return [...mdx.matchAll(/<Visualizer\s+scenario="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** The menu of every level in content/, in course order. */
export function buildLevelMenu(root = 'content'): MenuChapter[] {
  const scenarios = loadScenarioFiles(join(root, 'scenarios')).map((x) => x.data);
  const levels = scenarios.filter((s) => s.level);
  const placedAnywhere = new Set<string>();
  const chapters = buildCatalog(root).map((c): MenuChapter => {
    const mdx = readFileSync(join(root, 'docs', `${c.path.slice(1, -1)}.mdx`), 'utf8');
    const order = placedScenarios(mdx);
    order.forEach((id) => placedAnywhere.add(id));
    const here = levels
      .filter((s) => order.includes(s.id))
      .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    return {
      path: c.path,
      title: c.title,
      levels: here.map((s) => ({
        id: s.id,
        kind: s.level!.kind,
        model: s.model,
        title: s.title,
        goal: s.level!.goal,
        ...(s.level!.par ? { par: s.level!.par } : {}),
      })),
    };
  });
  const unplaced = levels.filter((s) => !placedAnywhere.has(s.id)).map((s) => s.id);
  if (unplaced.length) throw new Error(`levels no chapter shows: ${unplaced.join(', ')}`);
  return chapters.filter((c) => c.levels.length > 0);
}

let built: MenuChapter[] | null = null;

/** The level after `id` in course order (the next chapter's first when it is its chapter's last), or undefined. */
export function nextInMenu(id: string, locale: Locale): { href: string; title: string } | undefined {
  built ??= buildLevelMenu();
  const all = built.flatMap((chapter) => chapter.levels.map((level) => ({ chapter, level })));
  const i = all.findIndex((x) => x.level.id === id);
  const next = i >= 0 ? all[i + 1] : undefined;
  return next && { href: levelHref(next.chapter, next.level.id, locale), title: next.level.title[locale] };
}
