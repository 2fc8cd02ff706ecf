/**
 * Finds every runnable Go snippet in the course: folders under content/snippets/ (multi-file,
 * with snippet.json) and ```go fences in the chapters. Used by the snippet checker and the
 * playground's example picker. A malformed snippet throws a message naming the file and field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { RunStatus } from '../../contract/run.ts';
import { GO_MINIMUM_PATTERN } from '../../contract/go-version.ts';
import { OUTCOMES, parseFenceMeta } from './meta.ts';

export const SnippetMeta = Type.Object(
  {
    title: Type.Object(
      { en: Type.String({ minLength: 1 }), 'zh-cn': Type.String({ minLength: 1 }) },
      { additionalProperties: false },
    ),
    action: Type.Union([Type.Literal('run'), Type.Literal('test')]),
    expect: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
    race: Type.Optional(Type.Boolean({ description: 'Build with -race (default true).' })),
    go: Type.Optional(
      Type.String({
        pattern: GO_MINIMUM_PATTERN,
        description: 'The oldest Go that builds it, e.g. "1.25" (absent: every Go the course supports).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SnippetMeta = Static<typeof SnippetMeta>;

export interface Snippet {
  /** "locks/double-lock" for folders, "docs/locks/production-lockup.mdx#2" for fences. */
  id: string;
  /** Where an author fixes it. */
  location: string;
  title: { en: string; 'zh-cn': string } | undefined;
  action: 'run' | 'test';
  expect: RunStatus | undefined;
  race: boolean;
  /** The oldest Go that builds it ("1.25"); absent: every Go the course supports. */
  go?: string | undefined;
  files: Record<string, string>;
}

/** Returns the snippets in folders below dir (each folder with a snippet.json is one snippet). */
export function loadSnippetFolders(dir: string): Snippet[] {
  if (!existsSync(dir)) return [];
  const out: Snippet[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'snippet.json') continue;
    const folder = entry.parentPath;
    const metaPath = join(folder, 'snippet.json');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(metaPath, 'utf8'));
    } catch (error) {
      throw new Error(`${metaPath}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const problem = [...Value.Errors(SnippetMeta, raw)][0];
    if (problem) throw new Error(`${metaPath}: ${problem.instancePath || '(root)'} ${problem.message}`);
    const meta = raw as SnippetMeta;
    const files: Record<string, string> = {};
    for (const name of readdirSync(folder).sort()) {
      if (name === 'snippet.json' || !statSync(join(folder, name)).isFile()) continue;
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.(go|mod|sum|txt)$/.test(name))
        throw new Error(`${join(folder, name)}: not a file the runner accepts`);
      files[name] = readFileSync(join(folder, name), 'utf8');
    }
    if (!Object.keys(files).some((f) => f.endsWith('.go'))) throw new Error(`${folder}: no .go file`);
    out.push({
      id: relative(dir, folder),
      location: metaPath,
      title: meta.title,
      action: meta.action,
      expect: meta.expect,
      race: meta.race ?? true,
      go: meta.go,
      files,
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

const FENCE = /^([ \t]*)(`{3,}|~{3,})go(?:[ \t]+([^\n]*))?\n([\s\S]*?)^\1\2[ \t]*$/gm;

/** Returns the ```go fences of the MDX pages below docsDir, in page order. */
export function loadFenceSnippets(docsDir: string): Snippet[] {
  const out: Snippet[] = [];
  const pages = readdirSync(docsDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.mdx?$/.test(d.name))
    .map((d) => join(d.parentPath, d.name))
    .sort();
  for (const page of pages) {
    const text = readFileSync(page, 'utf8');
    let n = 0;
    for (const m of text.matchAll(FENCE)) {
      n += 1;
      const line = text.slice(0, m.index).split('\n').length;
      let options;
      try {
        options = parseFenceMeta(m[3]);
      } catch (error) {
        throw new Error(`${page}:${line}: ${(error as Error).message}`, { cause: error });
      }
      const code = m[4] ?? '';
      out.push({
        id: `${relative(docsDir, page)}#${n}`,
        location: `${page}:${line}`,
        title: options.title ? { en: options.title, 'zh-cn': options.title } : undefined,
        action: options.action,
        expect: options.expect,
        race: !options.norace,
        go: options.go,
        files: { [options.file]: code },
      });
    }
  }
  return out;
}
