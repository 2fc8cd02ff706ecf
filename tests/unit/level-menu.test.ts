import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLevelMenu, placedScenarios } from '../../components/visualizer/level-menu/build.ts';
import {
  levelHref,
  nextLevel,
  standingOf,
  summarize,
  type MenuChapter,
} from '../../components/visualizer/level-menu/menu.ts';

const scenarioFiles = readdirSync('content/scenarios').filter((f) => f.endsWith('.json'));
const levelIds = scenarioFiles
  .map(
    (f) => JSON.parse(readFileSync(join('content/scenarios', f), 'utf8')) as { id: string; level?: unknown },
  )
  .filter((s) => s.level)
  .map((s) => s.id);

describe('the level menu', () => {
  const menu = buildLevelMenu();
  const listed = menu.flatMap((c) => c.levels.map((l) => l.id));

  it('is a campaign of at least 20 levels across the models, both kinds', () => {
    const all = menu.flatMap((c) => c.levels);
    console.log(
      `level menu: ${all.length} levels (${all.filter((l) => l.kind === 'break').length} break, ${all.filter((l) => l.kind === 'predict').length} predict) over ${new Set(all.map((l) => l.model)).size} models`,
    );
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((l) => l.model)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((l) => l.kind))).toEqual(new Set(['break', 'predict']));
  });

  it('lists every level exactly once', () => {
    expect([...listed].sort()).toEqual([...levelIds].sort());
  });

  it('lists each level under the chapter its scenario names, in the order the chapter shows them', () => {
    for (const chapter of menu) {
      const mdx = readFileSync(join('content/docs', `${chapter.path.slice(1, -1)}.mdx`), 'utf8');
      const order = placedScenarios(mdx).filter((id) => levelIds.includes(id));
      expect(chapter.levels.map((l) => l.id)).toEqual(order);
      for (const level of chapter.levels) {
        const file = JSON.parse(readFileSync(join('content/scenarios', `${level.id}.json`), 'utf8')) as {
          chapter: string;
        };
        expect(`/${file.chapter}/`, level.id).toBe(chapter.path);
      }
    }
  });

  it('shows every level in the Chinese chapter too, in the same order', () => {
    for (const chapter of menu) {
      const zh = readFileSync(join('content/docs/zh-cn', `${chapter.path.slice(1, -1)}.mdx`), 'utf8');
      const order = placedScenarios(zh).filter((id) => levelIds.includes(id));
      expect(order, chapter.path).toEqual(chapter.levels.map((l) => l.id));
    }
  });

  it('has a title and goal in both locales for each level', () => {
    for (const level of menu.flatMap((c) => c.levels)) {
      expect(
        level.title.en && level.title['zh-cn'] && level.goal.en && level.goal['zh-cn'],
        level.id,
      ).toBeTruthy();
      if (level.kind === 'break') expect(level.par, level.id).toBeGreaterThan(0);
    }
  });
});

describe('standing, summary and the next level', () => {
  const chapters: MenuChapter[] = [
    {
      path: '/locks/a/',
      title: { en: 'A', 'zh-cn': '甲' },
      levels: [
        {
          id: 'b1',
          kind: 'break',
          model: 'mutex',
          title: { en: 'B1', 'zh-cn': 'B1' },
          goal: { en: 'g', 'zh-cn': 'g' },
          par: 4,
        },
        {
          id: 'p1',
          kind: 'predict',
          model: 'mutex',
          title: { en: 'P1', 'zh-cn': 'P1' },
          goal: { en: 'g', 'zh-cn': 'g' },
        },
      ],
    },
    {
      path: '/maps/b/',
      title: { en: 'B', 'zh-cn': '乙' },
      levels: [
        {
          id: 'b2',
          kind: 'break',
          model: 'counter',
          title: { en: 'B2', 'zh-cn': 'B2' },
          goal: { en: 'g', 'zh-cn': 'g' },
          par: 6,
        },
      ],
    },
  ];
  const at = '2026-12-07T00:00:00.000Z';

  it('reads a stored result as new, won, star or missed', () => {
    expect(standingOf(undefined)).toBe('new');
    expect(standingOf({ won: true, at, moves: 9, star: false })).toBe('won');
    expect(standingOf({ won: true, at, moves: 4, star: true })).toBe('star');
    expect(standingOf({ won: false, at, tried: true })).toBe('missed');
  });

  it('counts wins and stars over break levels only for stars', () => {
    const s = summarize(chapters, {
      b1: { won: true, at, moves: 4, star: true },
      p1: { won: false, at, tried: true },
    });
    expect(s).toEqual({ total: 3, won: 1, stars: 1, starrable: 2 });
  });

  it('offers the first level neither won nor spent, in course order', () => {
    expect(nextLevel(chapters, {})?.level.id).toBe('b1');
    expect(
      nextLevel(chapters, { b1: { won: true, at, moves: 7 }, p1: { won: false, at, tried: true } })?.level.id,
    ).toBe('b2');
    expect(
      nextLevel(chapters, {
        b1: { won: true, at },
        p1: { won: true, at, tried: true },
        b2: { won: true, at },
      }),
    ).toBeNull();
  });

  it('links a level to its visualizer in the page language', () => {
    expect(levelHref(chapters[0]!, 'b1', 'en')).toBe('/locks/a/#viz-b1');
    expect(levelHref(chapters[0]!, 'b1', 'zh-cn')).toBe('/zh-cn/locks/a/#viz-b1');
  });
});
