import { describe, expect, it } from 'vitest';
import { filesUsingCgo, importPaths, unquote } from './cgo.ts';

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
