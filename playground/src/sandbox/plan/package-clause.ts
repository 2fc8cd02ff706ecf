/**
 * Reads a Go file's package clause the way the compiler does (after comments), so the runner can
 * tell a program (package main) from a library before building it: `go build` of a library makes
 * no executable, and running one would only say that the sandbox found no program.
 */
import { Lexer, position } from './cgo.ts';

/** A file's package clause: the name and where the name stands (1-based line, byte column). */
export interface PackageClause {
  file: string;
  name: string;
  line: number;
  column: number;
}

/** The package clause of each non-test .go file, by file name; files without one are left out. */
export function packageClauses(files: Record<string, string>): PackageClause[] {
  return clausesOf(files, (name) => name.endsWith('.go') && !name.endsWith('_test.go'));
}

/**
 * The package a generated test file must declare to join the learner's tests: the clause of the
 * first test file (by name), which the compiler accepts whether it is the package or package_test.
 */
export function testPackageName(files: Record<string, string>): string | undefined {
  return clausesOf(files, (name) => name.endsWith('_test.go'))[0]?.name;
}

function clausesOf(files: Record<string, string>, take: (name: string) => boolean): PackageClause[] {
  return Object.keys(files)
    .filter(take)
    .sort()
    .flatMap((file) => {
      const source = files[file] ?? '';
      const lexer = new Lexer(source);
      if (lexer.next().text !== 'package') return [];
      const name = lexer.next();
      if (name.kind !== 'ident') return [];
      return [{ file, name: name.text, ...position(source, name.offset) }];
    });
}

/**
 * The clauses to mark when a run has no program: every clause, when none of them names package
 * main. Mixed names (main beside another) are left to the compiler, whose error says it better.
 */
export function libraryInsteadOfProgram(files: Record<string, string>): PackageClause[] {
  const clauses = packageClauses(files);
  return clauses.some((c) => c.name === 'main') ? [] : clauses;
}
