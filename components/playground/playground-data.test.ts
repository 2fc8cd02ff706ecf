import { describe, expect, test } from 'vitest';
import { decodeData, editorHeight, hasTests, newFileSource, tabAfter } from './playground-data.ts';

function encode(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes));
}

describe('decodeData', () => {
  test('reads base64 JSON, including non-ASCII text', () => {
    const data = { files: { 'main.go': '// 数据竞争\n' }, action: 'run', title: '锁' };
    expect(decodeData(encode(data))).toEqual(data);
  });

  test('returns null for a missing or broken attribute', () => {
    expect(decodeData(null)).toBeNull();
    expect(decodeData('')).toBeNull();
    expect(decodeData('not base64 ☃')).toBeNull();
    expect(decodeData(btoa('{not json'))).toBeNull();
  });
});

describe('hasTests', () => {
  test('is true only with a _test.go file', () => {
    expect(hasTests({ 'main.go': '', 'main_test.go': '' })).toBe(true);
    expect(hasTests({ 'main.go': '', 'go.mod': '', 'test.go': '' })).toBe(false);
  });
});

describe('tabAfter', () => {
  const names = ['main.go', 'cache.go', 'cache_test.go'];

  test('moves right and left, wrapping at both ends', () => {
    expect(tabAfter(names, 'main.go', 'ArrowRight')).toBe('cache.go');
    expect(tabAfter(names, 'cache_test.go', 'ArrowRight')).toBe('main.go');
    expect(tabAfter(names, 'main.go', 'ArrowLeft')).toBe('cache_test.go');
    expect(tabAfter(names, 'cache.go', 'ArrowLeft')).toBe('main.go');
  });

  test('ignores other keys and unknown tabs', () => {
    expect(tabAfter(names, 'main.go', 'Enter')).toBeNull();
    expect(tabAfter(names, 'gone.go', 'ArrowRight')).toBeNull();
    expect(tabAfter(['main.go'], 'main.go', 'ArrowRight')).toBe('main.go');
  });
});

describe('newFileSource', () => {
  test('a Go file joins the first file’s package', () => {
    expect(newFileSource('extra.go', { 'cache.go': '// doc\npackage cache\n' })).toBe('package cache\n');
    expect(newFileSource('extra.go', { 'main.go': 'no package clause' })).toBe('package main\n');
  });

  test('other allowed files start empty', () => {
    expect(newFileSource('go.mod', {})).toBe('');
    expect(newFileSource('notes.txt', {})).toBe('');
  });

  test('refuses paths, hidden files and other extensions', () => {
    for (const name of ['dir/a.go', '../a.go', '.hidden.go', 'a.js', 'a go.go', ''])
      expect(newFileSource(name, {})).toBeNull();
  });

  test('follows the runner’s rule to the letter, length included', () => {
    expect(newFileSource(`${'a'.repeat(64)}.go`, {})).toBe('package main\n');
    // 65 characters before the extension: the runner refuses it, so it is never added.
    expect(newFileSource(`${'a'.repeat(65)}.go`, {})).toBeNull();
  });
});

describe('editorHeight', () => {
  test('fits the longest file plus one line', () => {
    expect(editorHeight({ 'a.go': 'one\ntwo\nthree', 'b.go': 'x' })).toBe(4 * 21 + 12);
  });

  test('an explicit height wins, and both are capped at 32 lines', () => {
    expect(editorHeight({ 'a.go': 'x' }, 10)).toBe(10 * 21 + 12);
    expect(editorHeight({ 'a.go': 'x\n'.repeat(100) })).toBe(32 * 21 + 12);
    expect(editorHeight({ 'a.go': 'x' }, 50)).toBe(32 * 21 + 12);
  });
});
