import { describe, expect, it } from 'vitest';
import {
  browserImportsIntoServer,
  importCycles,
  lineCount,
  longFunctions,
  relativeImports,
} from './code-shape-measure.ts';

/** A function whose body has `lines` lines, braces included. */
const body = (lines: number): string => `{\n${'  x++;\n'.repeat(lines - 2)}}`;

describe('lineCount', () => {
  it('counts lines as an editor does', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\n\n')).toBe(2);
  });
});

describe('longFunctions', () => {
  it('finds declarations, arrows, methods and object members over the limit, named', () => {
    const text = [
      `function declared() ${body(81)}`,
      `function short() ${body(80)}`,
      `const arrow = () => ${body(90)};`,
      `class C { method() ${body(85)} }`,
      `const o = { member: function () ${body(82)} };`,
      `export default function () ${body(83)}`,
    ].join('\n');
    const found = longFunctions('x.ts', text);
    expect(found.map((f) => [f.name, f.lines])).toEqual([
      ['arrow', 90],
      ['method', 85],
      ['(anonymous)', 83],
      ['member', 82],
      ['declared', 81],
    ]);
    expect(found.find((f) => f.name === 'declared')?.line).toBe(1);
  });

  it('counts an inner function on its own and inside its outer one', () => {
    const inner = `function inner() ${body(81)}`;
    const text = `function outer() {\n${inner}\n}`;
    expect(longFunctions('x.ts', text).map((f) => f.name)).toEqual(['outer', 'inner']);
  });

  it('ignores bodiless overloads and declarations', () => {
    expect(longFunctions('x.ts', 'declare function f(): void;\nfunction g(a: string): void;\n')).toEqual([]);
  });
});

describe('relativeImports', () => {
  it('resolves relative imports and re-exports, type-only ones included, and skips packages', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../lib/b.ts';",
      "export { c } from './sub/c.ts';",
      "import ts from 'typescript';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(relativeImports('src/x/y.ts', text)).toEqual(['src/x/a.ts', 'src/lib/b.ts', 'src/x/sub/c.ts']);
  });
});

describe('importCycles', () => {
  it('finds each circle once, whatever its length, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d', 'outside']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('finds none in an acyclic graph', () => {
    expect(
      importCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('browserImportsIntoServer', () => {
  it('lists only components/ files importing from playground/', () => {
    const imports = new Map([
      ['components/a.ts', ['contract/run.ts', 'playground/src/x.ts']],
      ['playground/src/y.ts', ['playground/src/x.ts']],
      ['scripts/z.ts', ['playground/src/x.ts']],
    ]);
    expect(browserImportsIntoServer(imports)).toEqual(['components/a.ts → playground/src/x.ts']);
  });
});
