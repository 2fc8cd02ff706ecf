import { describe, expect, test } from 'vitest';
import { tokenizeGo } from './go-tokens.ts';

describe('tokenizeGo', () => {
  test('keywords, predeclared names, strings and numbers; the texts join back to the line', () => {
    const line = '\tdone := make(chan bool) // signal';
    const tokens = tokenizeGo(line);
    expect(tokens.map((t) => t.text).join('')).toBe(line);
    expect(tokens.filter((t) => t.kind !== 'plain')).toEqual([
      { kind: 'builtin', text: 'make' },
      { kind: 'keyword', text: 'chan' },
      { kind: 'builtin', text: 'bool' },
      { kind: 'comment', text: '// signal' },
    ]);
  });

  test('a string with an escaped quote and a // inside stays one string', () => {
    const tokens = tokenizeGo('fmt.Println("a \\"b\\" // c", 42)');
    expect(tokens).toEqual([
      { kind: 'plain', text: 'fmt.Println(' },
      { kind: 'string', text: '"a \\"b\\" // c"' },
      { kind: 'plain', text: ', ' },
      { kind: 'number', text: '42' },
      { kind: 'plain', text: ')' },
    ]);
  });

  test('identifiers that contain a keyword are plain; an empty line has no tokens', () => {
    expect(tokenizeGo('gopher forward')).toEqual([{ kind: 'plain', text: 'gopher forward' }]);
    expect(tokenizeGo('')).toEqual([]);
  });
});
