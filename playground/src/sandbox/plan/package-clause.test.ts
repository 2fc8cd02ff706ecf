import { describe, expect, it } from 'vitest';
import { libraryInsteadOfProgram, packageClauses, testPackageName } from './package-clause.ts';

describe('packageClauses', () => {
  it('reads the name after comments and build lines, with its position; skips tests and other files', () => {
    const files = {
      'counter.go': '//go:build linux\n\n/* doc */\npackage counter\n',
      'counter_test.go': 'package counter\n',
      'go.mod': 'module sandbox\n',
      'x.go': '// only a comment\n',
    };
    expect(packageClauses(files)).toEqual([{ file: 'counter.go', name: 'counter', line: 4, column: 9 }]);
  });
});

describe('libraryInsteadOfProgram', () => {
  it('marks every clause when no file is package main', () => {
    const files = { 'a.go': 'package counter\n', 'b.go': '\tpackage counter\n' };
    expect(libraryInsteadOfProgram(files).map((c) => `${c.file}:${c.line}:${c.column}`)).toEqual([
      'a.go:1:9',
      'b.go:1:10',
    ]);
  });
  it('leaves programs, and main beside another name (the compiler says that better), alone', () => {
    expect(libraryInsteadOfProgram({ 'main.go': 'package main\n' })).toEqual([]);
    expect(libraryInsteadOfProgram({ 'main.go': 'package main\n', 'b.go': 'package b\n' })).toEqual([]);
    expect(libraryInsteadOfProgram({ 'main_test.go': 'package counter\n' })).toEqual([]);
  });
});

describe('testPackageName', () => {
  it("is the first test file's clause, internal or external", () => {
    const files = {
      'a.go': 'package counter\n',
      'b_test.go': '// doc\npackage counter_test\n',
      'c_test.go': 'package counter\n',
    };
    expect(testPackageName(files)).toBe('counter_test');
    expect(testPackageName({ 'c_test.go': 'package counter\n' })).toBe('counter');
  });
  it('is undefined without a readable test file', () => {
    expect(testPackageName({ 'a.go': 'package counter\n', 'x_test.go': '// no clause\n' })).toBeUndefined();
  });
});
