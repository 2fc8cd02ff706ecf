/**
 * Exercises climb: every chapter, in both locales, lists its exercises from beginner to advanced,
 * and every exercise is placed in the chapter its exercise.json names, once per locale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCatalog } from '../../components/progress/catalog-build.ts';

const EXERCISES = 'content/exercises';
const RANK = { beginner: 0, intermediate: 1, advanced: 2 } as const;

interface Meta {
  chapter: string;
  difficulty: keyof typeof RANK;
}

const metas = new Map<string, Meta>(
  readdirSync(EXERCISES).map((id) => [
    id,
    JSON.parse(readFileSync(join(EXERCISES, id, 'exercise.json'), 'utf8')) as Meta,
  ]),
);

const chapterFile = (locale: string, chapter: string) =>
  join('content/docs', locale === 'en' ? '' : locale, `${chapter}.mdx`);

const placed = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/<Exercise id="([^"]+)"/g)].map((m) => m[1]!);

const chapters = [...new Set([...metas.values()].map((m) => m.chapter))].sort();

describe.each(['en', 'zh-cn'])('exercises in the chapters (%s)', (locale) => {
  test.each(chapters)('%s lists its exercises from beginner to advanced', (chapter) => {
    const ids = placed(chapterFile(locale, chapter));
    const mine = [...metas].filter(([, m]) => m.chapter === chapter).map(([id]) => id);
    expect([...ids].sort()).toEqual([...mine].sort());
    const ranks = ids.map((id) => RANK[metas.get(id)!.difficulty]);
    expect(ranks, ids.join(', ')).toEqual([...ranks].sort((a, b) => a - b));
  });
});

test('the progress page lists each chapter’s exercises in the chapter’s order, with their difficulty', () => {
  for (const chapter of buildCatalog()) {
    const file = chapterFile('en', chapter.path.slice(1, -1));
    expect(chapter.exercises.map((e) => e.id)).toEqual(placed(file));
    for (const e of chapter.exercises) expect(e.difficulty).toBe(metas.get(e.id)!.difficulty);
  }
});
