import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompilerErrors, parsePosition } from './compiler.ts';
import { parseTestEvents } from './test2json.ts';

const W = '/sandbox/src';
const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

describe('parseCompilerErrors', () => {
  it('reads errors across two files in printed order', () => {
    expect(parseCompilerErrors(fixture('compile_multi.txt'), W)).toEqual(
      JSON.parse(fixture('compile_multi.json')),
    );
  });

  it('reads a syntax error', () => {
    expect(parseCompilerErrors(fixture('compile_syntax.txt'), W)).toEqual([
      {
        file: 'main.go',
        line: 6,
        column: 18,
        message: 'syntax error: unexpected newline in argument list; possibly missing comma or )',
        source: 'compiler',
      },
    ]);
  });

  it('drops the "too many errors" notice but keeps the ten errors', () => {
    const ds = parseCompilerErrors(fixture('compile_many.txt'), W);
    expect(ds).toHaveLength(10);
    expect(ds.at(-1)).toMatchObject({ line: 13, column: 9, message: 'undefined: undefinedName10' });
    expect(ds.some((d) => d.message === 'too many errors')).toBe(false);
  });

  it('joins tab-indented continuation lines (have/want) to the message', () => {
    const { buildOutput } = parseTestEvents(fixture('test_compile.txt'), W);
    expect(parseCompilerErrors(buildOutput, W)).toEqual([
      { file: 'bad_test.go', line: 7, column: 2, message: 'declared and not used: x', source: 'compiler' },
      {
        file: 'bad_test.go',
        line: 8,
        column: 8,
        message: 'too many arguments in call to c.Inc\nhave (number)\nwant ()',
        source: 'compiler',
      },
    ]);
  });

  it('reads gofmt errors with absolute paths', () => {
    expect(
      parseCompilerErrors(fixture('fmt_syntax.txt'), W).map(
        (d) => `${d.file}:${d.line}:${d.column} ${d.message}`,
      ),
    ).toEqual([
      "main.go:6:18 missing ',' before newline in argument list",
      "main.go:7:4 missing ',' in argument list",
      "main.go:8:1 expected operand, found '}'",
    ]);
  });

  it('ignores lines without a position and exact duplicates', () => {
    const text = '# sandbox\ngo: warning\nmain.go:3:1: x\nmain.go:3:1: x\n<standard input>:2:1: y\n';
    expect(parseCompilerErrors(text, W).map((d) => `${d.file}:${d.message}`)).toEqual([
      'main.go:x',
      '<standard input>:y',
    ]);
  });
});

describe('parsePosition', () => {
  it('accepts line-only and line:column positions', () => {
    expect(parsePosition('/sandbox/src/main.go:10:2', W)).toEqual({ file: 'main.go', line: 10, column: 2 });
    expect(parsePosition('main.go:10', W)).toEqual({ file: 'main.go', line: 10, column: 0 });
    expect(parsePosition('nowhere', W)).toBeNull();
  });
});
