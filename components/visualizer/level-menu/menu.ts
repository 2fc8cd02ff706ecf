/**
 * The level menu's data and its pure logic: every level of the course in the order a learner meets
 * it (chapter order, then where the chapter places it), and each level's standing from this
 * browser's progress. The menu is built at build time (build.ts, Node) and handed to the page.
 * N.B. IMPORTED BY BROWSER CODE.
 */
import type { Locale } from '../../i18n/index.ts';
import type { VisualResult } from '../progress.ts';

/** One level as the menu lists it. */
export interface MenuLevel {
  id: string;
  kind: 'break' | 'predict';
  /** The model id (mutex, rwmutex, …), shown as the level's topic. */
  model: string;
  title: Record<Locale, string>;
  goal: Record<Locale, string>;
  /** A break level's par. */
  par?: number;
}

/** A chapter with the levels it places, in course order. */
export interface MenuChapter {
  /** Locale-neutral path, e.g. "/locks/internals-and-memory-model/". */
  path: string;
  title: Record<Locale, string>;
  levels: MenuLevel[];
}

/**
 * Where a learner stands on a level: `new` (never tried), `star` (a break level won at par),
 * `won`, or `missed` (a predict level whose one counted answer was wrong, or ended by Reveal).
 */
export type LevelStanding = 'new' | 'won' | 'star' | 'missed';

/** A level's standing from its stored result. */
export function standingOf(result: VisualResult | null | undefined): LevelStanding {
  if (!result) return 'new';
  if (result.won) return result.star ? 'star' : 'won';
  return result.tried ? 'missed' : 'new';
}

/** The counts the menu's summary line shows. */
export interface MenuSummary {
  total: number;
  won: number;
  stars: number;
  /** Break levels, the only ones that can earn a star. */
  starrable: number;
}

/** Counts levels won and stars over the whole menu. */
export function summarize(
  chapters: readonly MenuChapter[],
  results: Record<string, VisualResult>,
): MenuSummary {
  const levels = chapters.flatMap((c) => c.levels);
  const standing = levels.map((l) => standingOf(results[l.id]));
  return {
    total: levels.length,
    won: standing.filter((s) => s === 'won' || s === 'star').length,
    stars: standing.filter((s) => s === 'star').length,
    starrable: levels.filter((l) => l.kind === 'break').length,
  };
}

/**
 * The next level to play: the first, in course order, that is neither won nor spent (a missed
 * predict level cannot be won again); null when none is left.
 */
export function nextLevel(
  chapters: readonly MenuChapter[],
  results: Record<string, VisualResult>,
): { chapter: MenuChapter; level: MenuLevel } | null {
  for (const chapter of chapters)
    for (const level of chapter.levels)
      if (standingOf(results[level.id]) === 'new') return { chapter, level };
  return null;
}

/** The page that shows a level, in `locale`, scrolled to its visualizer. */
export function levelHref(chapter: Pick<MenuChapter, 'path'>, levelId: string, locale: Locale): string {
  const path = locale === 'en' ? chapter.path : `/${locale}${chapter.path}`;
  return `${path}#viz-${levelId}`;
}
