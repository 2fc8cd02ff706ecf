import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFenceSnippets, loadSnippetFolders } from './collect.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'snip-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('snippet collection', () => {
  test('reads folder snippets with their metadata and files', () => {
    const root = tree({
      'locks/a/snippet.json': JSON.stringify({
        title: { en: 'A', 'zh-cn': '甲' },
        action: 'run',
        expect: 'race',
      }),
      'locks/a/main.go': 'package main\n',
    });
    expect(loadSnippetFolders(root)).toEqual([
      expect.objectContaining({
        id: 'locks/a',
        expect: 'race',
        race: true,
        files: { 'main.go': 'package main\n' },
      }),
    ]);
  });

  test('a malformed snippet.json names the file and the field', () => {
    const root = tree({
      'x/snippet.json': JSON.stringify({ title: { en: 'A' }, action: 'run', expect: 'race' }),
      'x/main.go': '',
    });
    expect(() => loadSnippetFolders(root)).toThrow(/x\/snippet\.json: \/title/);
    const bad = tree({
      'y/snippet.json': JSON.stringify({ title: { en: 'A', 'zh-cn': 'B' }, action: 'run', expect: 'crash' }),
      'y/main.go': '',
    });
    expect(() => loadSnippetFolders(bad)).toThrow(/y\/snippet\.json: \/expect/);
  });

  test('finds go fences with their options and line', () => {
    const root = tree({
      'locks/p.mdx':
        '# P\n\n```go expect=deadlock norace title="Two locks"\npackage main\n```\n\n```js\nx\n```\n\n```go\npackage main\n```\n',
    });
    const found = loadFenceSnippets(root);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      id: 'locks/p.mdx#1',
      expect: 'deadlock',
      race: false,
      files: { 'main.go': 'package main\n' },
    });
    expect(found[0]!.location).toMatch(/p\.mdx:3$/);
    expect(found[1]!.expect).toBeUndefined();
    expect(found[0]!.go).toBeUndefined();
  });

  test('a minimum Go is read from a fence and from snippet.json, and checked', () => {
    const fences = tree({ 'a.mdx': '```go action=test expect=ok go=1.25\npackage x\n```\n' });
    expect(loadFenceSnippets(fences)[0]!.go).toBe('1.25');
    const folder = (go: unknown) =>
      tree({
        'z/snippet.json': JSON.stringify({
          title: { en: 'A', 'zh-cn': 'B' },
          action: 'run',
          expect: 'ok',
          go,
        }),
        'z/main.go': 'package main\n',
      });
    expect(loadSnippetFolders(folder('1.25'))[0]!.go).toBe('1.25');
    expect(() => loadSnippetFolders(folder('go1.25'))).toThrow(/z\/snippet\.json: \/go/);
  });
});
