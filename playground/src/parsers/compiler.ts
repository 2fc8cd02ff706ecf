/**
 * Compiler (and gofmt) error text:
 *
 *   # sandbox
 *   ./helper.go:4:9: cannot use n * 2 (value of type int) as string value in return statement
 *   ./bad_test.go:8:8: too many arguments in call to c.Inc
 *   	have (number)
 *   	want ()
 *   ./main.go:13:9: too many errors
 *
 * Paths come as `./main.go` (go build), `main.go` or `/sandbox/src/main.go` (gofmt, go vet).
 * Tab-indented lines continue the previous message. `vet: ` prefixes the same errors when
 * `go vet` fails to type-check, so they are accepted here too.
 */
import type { Diagnostic } from '../../../contract/run.ts';
import { normalizePath } from './frames.ts';

const POSITIONED = /^(?:vet: )?(.+?\.go|<standard input>):(\d+)(?::(\d+))?: (.*)$/;

/** The compiler's notice that it stopped after ten errors: not an error of its own. */
const TOO_MANY = 'too many errors';

/** Returns `{ file, line, column }` of a `path:line[:col]` position string, or null. */
export function parsePosition(
  posn: string,
  workDir: string,
): { file: string; line: number; column: number } | null {
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(posn.trim());
  if (!m || m[1] === undefined) return null;
  return { file: normalizePath(m[1], workDir), line: Number(m[2]), column: Number(m[3] ?? 0) };
}

/**
 * Returns the positioned errors in compiler or gofmt output, in printed order, without exact
 * duplicates. Lines without a position (`# sandbox`, `go: …`) are not diagnostics and are skipped;
 * the caller keeps the raw text for those.
 */
export function parseCompilerErrors(output: string, workDir: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  let last: Diagnostic | null = null;
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (line.startsWith('\t') && last) {
      last.message += '\n' + line.trim();
      continue;
    }
    last = null;
    const m = POSITIONED.exec(line);
    if (!m || m[1] === undefined || m[4] === undefined) continue;
    if (m[4] === TOO_MANY) continue;
    const d: Diagnostic = {
      file: normalizePath(m[1], workDir),
      line: Number(m[2]),
      column: Number(m[3] ?? 0),
      message: m[4],
      source: 'compiler',
    };
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
    last = d;
  }
  return out;
}
