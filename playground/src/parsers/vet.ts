/**
 * `go vet -json` output. Findings come as one JSON object per package,
 *   { "sandbox": { "copylocks": [ { "posn": "/sandbox/src/main.go:13:13", "end": "…", "message": "…" } ] } }
 * and vet exits 0 with them. An analyzer that failed appears as { "analyzer": { "error": "…" } }.
 * When the package does not type-check, vet prints no JSON at all but compiler errors:
 *   # sandbox
 *   # [sandbox]
 *   vet: ./helper.go:4:9: cannot use n * 2 (value of type int) as string value in return statement
 * Those become diagnostics with source 'compiler' (they are the compiler's words, and the verdict
 * for them is compile_error, not vet_findings).
 */
import type { Diagnostic } from '../../../contract/run.ts';
import { parseCompilerErrors, parsePosition } from './compiler.ts';

interface JsonFinding {
  posn?: unknown;
  message?: unknown;
}

/** Returns the top-level JSON objects in the text (vet prints one per package) and the rest. */
function splitJson(text: string): { objects: unknown[]; rest: string } {
  const objects: unknown[] = [];
  let rest = '';
  let i = 0;
  while (i < text.length) {
    // vet starts each object on a line of its own; a `{` inside an error message is not one.
    const open = lineStartBrace(text, i);
    if (open < 0) break;
    const end = matchingBrace(text, open);
    if (end < 0) break;
    try {
      objects.push(JSON.parse(text.slice(open, end + 1)));
      rest += text.slice(i, open);
    } catch {
      rest += text.slice(i, end + 1);
    }
    i = end + 1;
  }
  return { objects, rest: rest + text.slice(i) };
}

/** Returns the index of the next `{` that begins a line, at or after `from`; -1 if none. */
function lineStartBrace(text: string, from: number): number {
  const re = /^\{/gm;
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

/** Returns the index of the brace closing the one at `open`, skipping JSON strings; -1 if none. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Returns the diagnostic for one finding or analyzer error (unpositioned → line 0). */
function toDiagnostic(posn: unknown, message: string, workDir: string): Diagnostic {
  const pos = typeof posn === 'string' ? parsePosition(posn, workDir) : null;
  return { file: pos?.file ?? '', line: pos?.line ?? 0, column: pos?.column ?? 0, message, source: 'vet' };
}

/** Returns the diagnostics of one package's analyzer map. */
function fromPackage(analyzers: unknown, workDir: string): Diagnostic[] {
  if (typeof analyzers !== 'object' || analyzers === null) return [];
  const out: Diagnostic[] = [];
  for (const [name, value] of Object.entries(analyzers)) {
    if (Array.isArray(value)) {
      for (const f of value as JsonFinding[]) {
        if (typeof f?.message === 'string') out.push(toDiagnostic(f.posn, f.message, workDir));
      }
    } else if (typeof value === 'object' && value !== null && 'error' in value) {
      const err = String((value as { error: unknown }).error);
      const pos = /^(.*?:\d+(?::\d+)?): (.*)$/s.exec(err);
      out.push(toDiagnostic(pos?.[1], pos ? `${name}: ${pos[2]}` : `${name}: ${err}`, workDir));
    }
  }
  return out;
}

/**
 * Returns vet's findings (source 'vet', sorted by file, line, column) followed by any compiler
 * errors vet printed instead (source 'compiler'). Accepts stdout, stderr, or both concatenated.
 */
export function parseVetJson(output: string, workDir: string): Diagnostic[] {
  const { objects, rest } = splitJson(output);
  const findings: Diagnostic[] = [];
  for (const obj of objects) {
    if (typeof obj !== 'object' || obj === null) continue;
    for (const analyzers of Object.values(obj)) findings.push(...fromPackage(analyzers, workDir));
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return [...findings, ...parseCompilerErrors(rest, workDir)];
}

/**
 * Returns the diagnostics of a `go vet -json` step. Go ≥ 1.25 prints the JSON on stdout and the
 * compiler errors of a package that does not type-check on stderr; older versions print both on
 * stderr. Reading the two together covers every version, each text once.
 */
export function parseVetStep(step: { stdout: string; stderr: string }, workDir: string): Diagnostic[] {
  return parseVetJson(`${step.stdout}\n${step.stderr}`, workDir);
}
