import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const DOCS = 'content/docs';
const SECOND_LOCALE = 'zh-cn';

function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.mdx?$/.test(d.name))
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}

const all = pages(DOCS);
const english = all.filter((p) => !p.startsWith(`${SECOND_LOCALE}/`)).sort();
const chinese = all
  .filter((p) => p.startsWith(`${SECOND_LOCALE}/`))
  .map((p) => p.slice(SECOND_LOCALE.length + 1))
  .sort();

describe('both locales have the same pages', () => {
  test('every English page has a 简体中文 page and vice versa', () => {
    expect(chinese).toEqual(english);
  });

  test('each part has five chapters', () => {
    expect(english.filter((p) => p.startsWith('locks/'))).toHaveLength(5);
    expect(english.filter((p) => p.startsWith('maps/'))).toHaveLength(5);
  });

  test.each(english)('%s has the same sidebar order and section count in both locales', (page) => {
    const en = readFileSync(join(DOCS, page), 'utf8');
    const zh = readFileSync(join(DOCS, SECOND_LOCALE, page), 'utf8');
    const order = (s: string) => /^\s+order:\s*(\d+)/m.exec(s)?.[1];
    const sections = (s: string) => s.match(/^## /gm)?.length ?? 0;
    const diagrams = (s: string) => s.match(/^```mermaid/gm)?.length ?? 0;
    expect(order(zh)).toBe(order(en));
    expect(sections(zh)).toBe(sections(en));
    expect(diagrams(zh)).toBe(diagrams(en));
  });
});
