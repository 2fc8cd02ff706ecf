/**
 * `gofmt -w -- a.go b.go …` (the fmt action). gofmt rewrites every file it can parse and leaves a
 * file with a syntax error as it was, naming it in its errors on stderr (exit status 2):
 *   /sandbox/src/main.go:6:18: missing ',' before newline in argument list
 * The sandbox hands back every file as gofmt left it; this module says which of them gofmt
 * formatted. The errors themselves become compiler diagnostics in evidence.ts.
 */
import type { StepOutcome } from '../sandbox/plan/outcome.ts';
import { parseCompilerErrors } from './compiler.ts';
import { killedBySandbox } from './evidence.ts';

/** Returns the names of the files gofmt's errors are about (it formatted none of them). */
export function gofmtRejected(stderr: string, workDir: string): Set<string> {
  return new Set(parseCompilerErrors(stderr, workDir).map((d) => d.file));
}

/**
 * Returns the files gofmt formatted, by name: those it gave back that none of its errors names.
 * Nothing when the step did not run, or the sandbox stopped it before it could finish writing.
 */
export function formattedFiles(
  step: StepOutcome | undefined,
  after: Readonly<Record<string, string>> | undefined,
  workDir: string,
): Record<string, string> | undefined {
  if (!step || !after || killedBySandbox(step)) return undefined;
  const rejected = gofmtRejected(step.stderr, workDir);
  return Object.fromEntries(Object.entries(after).filter(([name]) => !rejected.has(name)));
}
