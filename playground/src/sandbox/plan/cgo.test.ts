import { describe, expect, it } from 'vitest';
import { cgoImports, filesUsingCgo, importPaths, position, unquote } from './cgo.ts';

describe('importPaths', () => {
  it('reads single, grouped, named and raw imports after comments', () => {
    const src =
      '// +build x\n/* c */ package main // p\n\nimport "fmt"\nimport (\n\tf "os" // c\n\t_ `C`\n)\nimport . "strings"; func main() {}\n';
    expect(importPaths(src)).toEqual(['fmt', 'os', 'C', 'strings']);
  });
  it('stops at the first declaration and ignores "C" in strings or comments later', () => {
    const src =
      'package main\n\nimport "fmt"\n\n// import "C"\nvar s = "import \\"C\\""\n\nfunc main() { fmt.Println(s) }\n';
    expect(importPaths(src)).toEqual(['fmt']);
  });
  it('unquotes escapes the compiler accepts', () => {
    expect(unquote('\\x43')).toBe('C');
    expect(unquote('\\u0043')).toBe('C');
    expect(unquote('\\103')).toBe('C');
  });
});

describe('filesUsingCgo', () => {
  it('finds import "C" in any .go file, including escaped and commented forms', () => {
    expect(
      filesUsingCgo({
        'a.go': 'package main\n// #include <stdio.h>\nimport "C"\n',
        'b.go': 'package main\nimport (\n\t"fmt"\n\t/* x */ "\\x43"\n)\n',
        'c.go': 'package main\n// import "C"\nfunc main() {}\n',
        'notes.txt': 'import "C"',
      }),
    ).toEqual(['a.go', 'b.go']);
  });
});

describe('cgoImports', () => {
  it('gives the line and column of the path in a single import after a preamble comment', () => {
    const src = 'package main\n\n/*\n#include <stdlib.h>\n*/\nimport "C"\n\nimport "fmt"\n';
    expect(cgoImports({ 'main.go': src })).toEqual([{ file: 'main.go', line: 6, column: 8 }]);
  });

  it('finds "C" inside an import block, named, after a comment on the same line', () => {
    const src = 'package main\n\nimport (\n\t"fmt"\n\t/* why */ _ "C" // cgo\n)\n';
    expect(cgoImports({ 'main.go': src })).toEqual([{ file: 'main.go', line: 5, column: 14 }]);
  });

  it('finds raw and escaped spellings and every file, in name order; ignores comments and strings', () => {
    expect(
      cgoImports({
        'z.go': 'package main\nimport `C`\n',
        'a.go': 'package main\n// import "C"\nimport "\\x43"\n',
        'm.go': 'package main\n\n/* import "C" */\nimport "fmt"\n\nvar s = `import "C"`\n',
        'notes.txt': 'import "C"',
      }),
    ).toEqual([
      { file: 'a.go', line: 3, column: 8 },
      { file: 'z.go', line: 2, column: 8 },
    ]);
  });

  it('counts columns in bytes like the compiler (a tab is one, 名 is three)', () => {
    const src = 'package main\n\nimport 名 "C"\n';
    expect(cgoImports({ 'main.go': src })).toEqual([{ file: 'main.go', line: 3, column: 12 }]);
  });

  it('handles CRLF line ends and several imports of "C" in one file', () => {
    const src = 'package main\r\n\r\nimport "C"\r\nimport (\r\n\t"C"\r\n)\r\n';
    expect(cgoImports({ 'main.go': src })).toEqual([
      { file: 'main.go', line: 3, column: 8 },
      { file: 'main.go', line: 5, column: 2 },
    ]);
  });

  it('is empty without cgo', () => {
    expect(
      cgoImports({ 'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println() }\n' }),
    ).toEqual([]);
  });
});

describe('position', () => {
  it('is 1-based', () => {
    expect(position('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(position('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
