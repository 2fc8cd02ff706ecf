import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goexitCallsIn, mainGoexitCalls } from './goexit-calls.ts';

const source = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

describe('goexitCallsIn', () => {
  it('finds the call in main and tells a go-statement literal apart', () => {
    expect(goexitCallsIn('main.go', source('goexit_inpanic.go'))).toEqual([
      { func: 'main.main', file: 'main.go', line: 9, inGoStatement: true },
      { func: 'main.main', file: 'main.go', line: 13, inGoStatement: false },
    ]);
  });

  it('counts a deferred literal as main’s own goroutine', () => {
    const src =
      'package main\n\nimport "runtime"\n\nfunc main() {\n\tdefer func() {\n\t\truntime.Goexit()\n\t}()\n}\n';
    expect(goexitCallsIn('main.go', src)).toEqual([
      { func: 'main.main', file: 'main.go', line: 7, inGoStatement: false },
    ]);
  });

  it('follows aliases and dot imports, and ignores comments, strings and other packages', () => {
    const aliased = [
      'package main',
      '',
      'import (',
      '\t"fmt"',
      '\trt "runtime"',
      ')',
      '',
      '/* runtime.Goexit() */',
      'func main() {',
      '\tfmt.Println("runtime.Goexit()", `rt.Goexit()`) // rt.Goexit()',
      '\trt.Goexit()',
      '}',
    ].join('\n');
    expect(goexitCallsIn('a.go', aliased).map((c) => c.line)).toEqual([11]);
    const dotted = 'package main\n\nimport . "runtime"\n\nfunc main() {\n\tGoexit()\n}\n';
    expect(goexitCallsIn('b.go', dotted).map((c) => c.line)).toEqual([6]);
    const other = 'package main\n\nimport "mylib/runtime2"\n\nfunc main() { runtime2.Goexit() }\n';
    expect(goexitCallsIn('c.go', other)).toEqual([]);
    const blank = 'package main\n\nimport _ "runtime"\n\nfunc main() {}\n';
    expect(goexitCallsIn('d.go', blank)).toEqual([]);
  });

  it('names methods and skips top-level function literals', () => {
    const src = [
      'package main',
      'import "runtime"',
      'type T struct{ n int }',
      'var stop = func() { runtime.Goexit() }',
      'func (t *T) quit() {',
      '\truntime.Goexit()',
      '}',
    ].join('\n');
    expect(goexitCallsIn('t.go', src).map((c) => `${c.func}:${c.line}`)).toEqual(['main:4', 'main.T.quit:6']);
  });
});

describe('mainGoexitCalls', () => {
  it('prefers func main, outside go statements', () => {
    expect(mainGoexitCalls({ 'main.go': source('goexit_inpanic.go') })).toEqual([
      { func: 'main.main', file: 'main.go', line: 13 },
    ]);
    expect(mainGoexitCalls({ 'main.go': source('goexit_main.go'), 'go.mod': 'module sandbox\n' })).toEqual([
      { func: 'main.main', file: 'main.go', line: 13 },
    ]);
  });

  it('falls back to helpers, then to any call', () => {
    const helper = 'package main\n\nimport "runtime"\n\nfunc stop() {\n\truntime.Goexit()\n}\n';
    expect(
      mainGoexitCalls({ 'main.go': 'package main\n\nfunc main() { stop() }\n', 'stop.go': helper }),
    ).toEqual([{ func: 'main.stop', file: 'stop.go', line: 6 }]);
    const onlyGo =
      'package main\n\nimport "runtime"\n\nfunc main() {\n\tgo func() { runtime.Goexit() }()\n}\n';
    expect(mainGoexitCalls({ 'main.go': onlyGo })).toEqual([{ func: 'main.main', file: 'main.go', line: 6 }]);
    expect(mainGoexitCalls({ 'main.go': 'package main\n\nfunc main() {}\n' })).toEqual([]);
  });
});
