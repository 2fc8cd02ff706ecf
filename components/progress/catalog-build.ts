/**
 * Builds the progress catalog at build time from content/: chapter titles (both locales, in
 * sidebar order), exercises by chapter, quiz question ids by chapter and scheduler levels by chapter.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExercises } from '../../contract/exercise/load.ts';
import type { Catalog, CatalogChapter } from './catalog.ts';

const PARTS = ['locks', 'maps'] as const;

function frontmatter(file: string): { title: string; order: number } {
  const text = readFileSync(file, 'utf8');
  const title =
    /^title:\s*(.+)$/m
      .exec(text)?.[1]
      ?.trim()
      .replace(/^['"]|['"]$/g, '') ?? file;
  const order = Number(/^\s+order:\s*(\d+)/m.exec(text)?.[1] ?? 99);
  return { title, order };
}

function jsonFiles(dir: string): unknown[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => JSON.parse(readFileSync(join(d.parentPath, d.name), 'utf8')) as unknown);
}

/** Returns question ids in a quiz file, whatever its top-level shape (a list, or { questions }). */
function quizIds(doc: unknown): string[] {
  const list = Array.isArray(doc) ? doc : ((doc as { questions?: unknown[] } | null)?.questions ?? []);
  return list.flatMap((q) =>
    typeof (q as { id?: unknown }).id === 'string' ? [(q as { id: string }).id] : [],
  );
}

/** The exercises in the order the chapter's <Exercise> lines place them; unplaced ones last. */
function inChapterOrder<E extends { id: string }>(exercises: E[], mdx: string): E[] {
  const placed = [...mdx.matchAll(/<Exercise id="([^"]+)"/g)].map((m) => m[1]);
  const at = (id: string) => (placed.includes(id) ? placed.indexOf(id) : placed.length);
  return [...exercises].sort((a, b) => at(a.id) - at(b.id) || a.id.localeCompare(b.id));
}

/** Returns the catalog of the course in content/. */
export function buildCatalog(root = 'content'): Catalog {
  const exercises = loadExercises(join(root, 'exercises'));
  const scenarios = jsonFiles(join(root, 'scenarios')) as {
    id?: string;
    chapter?: string;
    level?: unknown;
  }[];
  const chapters: (CatalogChapter & { order: number; part: number })[] = [];
  PARTS.forEach((part, partIndex) => {
    const dir = join(root, 'docs', part);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
      const slug = `${part}/${name.replace(/\.mdx$/, '')}`;
      const en = frontmatter(join(dir, name));
      const zhFile = join(root, 'docs', 'zh-cn', part, name);
      const zh = existsSync(zhFile) ? frontmatter(zhFile) : en;
      const quizFile = join(root, 'quizzes', part, `${name.replace(/\.mdx$/, '')}.json`);
      chapters.push({
        path: `/${slug}/`,
        title: { en: en.title, 'zh-cn': zh.title },
        exercises: inChapterOrder(
          exercises.filter((e) => e.chapter === slug),
          readFileSync(join(dir, name), 'utf8'),
        ).map((e) => ({ id: e.id, title: e.title, difficulty: e.difficulty })),
        quizzes: existsSync(quizFile) ? quizIds(JSON.parse(readFileSync(quizFile, 'utf8'))) : [],
        levels: scenarios.filter((s) => s.level && s.chapter === slug && s.id).map((s) => s.id!),
        order: en.order,
        part: partIndex,
      });
    }
  });
  return chapters
    .sort((a, b) => a.part - b.part || a.order - b.order)
    .map(({ order: _o, part: _p, ...c }) => c);
}
