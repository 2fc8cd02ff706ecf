/**
 * Finds `import "C"` the way the Go tool does: by reading the import declarations of a file
 * (comments, grouped blocks, raw strings and escapes included), not by searching for text.
 */

/** Where a file imports "C": the position of the import path, as the Go compiler counts it. */
export interface CgoImport {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in bytes of UTF-8 like the compiler's diagnostics (a tab is one column). */
  column: number;
}

/** Every `import "C"` in the .go files, by file name, then position. */
export function cgoImports(files: Record<string, string>): CgoImport[] {
  return Object.keys(files)
    .filter((name) => name.endsWith('.go'))
    .sort()
    .flatMap((file) => {
      const source = files[file] ?? '';
      return importSpecs(source)
        .filter((spec) => spec.path === 'C')
        .map((spec) => ({ file, ...position(source, spec.offset) }));
    });
}

/** Names of the .go files whose imports include the pseudo-package "C". */
export function filesUsingCgo(files: Record<string, string>): string[] {
  return [...new Set(cgoImports(files).map((c) => c.file))];
}

/** Line and byte column (both 1-based) of a UTF-16 offset into source. */
export function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    line: before.split('\n').length,
    column: new TextEncoder().encode(before.slice(lineStart)).length + 1,
  };
}

export type Token = { kind: 'ident' | 'string' | 'punct' | 'eof'; text: string; offset: number };

/** One import path and the offset (UTF-16) where its literal starts. */
interface ImportSpec {
  path: string;
  offset: number;
}

/** The import paths of a Go file; stops at the first declaration that is not an import. */
export function importPaths(source: string): string[] {
  return importSpecs(source).map((spec) => spec.path);
}

/** The import specs of a Go file, in order; stops at the first declaration that is not an import. */
function importSpecs(source: string): ImportSpec[] {
  const lexer = new Lexer(source);
  const specs: ImportSpec[] = [];
  const add = (tok: Token) => specs.push({ path: tok.text, offset: tok.offset });
  if (lexer.next().text !== 'package') return specs;
  lexer.next(); // package name
  let tok = lexer.next();
  while (tok.text === ';') tok = lexer.next();
  while (tok.kind === 'ident' && tok.text === 'import') {
    tok = lexer.next();
    if (tok.text === '(') {
      tok = lexer.next();
      while (tok.kind !== 'eof' && tok.text !== ')') {
        if (tok.kind === 'string') add(tok);
        tok = lexer.next();
      }
    } else {
      // import [name] "path"
      if (tok.kind !== 'string') tok = lexer.next();
      if (tok.kind === 'string') add(tok);
    }
    tok = lexer.next();
    while (tok.text === ';') tok = lexer.next();
  }
  return specs;
}

/** Just enough of Go's lexer for import declarations: newlines are not tokens, strings are unquoted. */
export class Lexer {
  private i = 0;
  private readonly s: string;
  constructor(source: string) {
    this.s = source;
  }

  next(): Token {
    const s = this.s;
    for (;;) {
      while (this.i < s.length && /\s/.test(s[this.i] ?? '')) this.i++;
      if (s.startsWith('//', this.i)) {
        const end = s.indexOf('\n', this.i);
        this.i = end < 0 ? s.length : end + 1;
      } else if (s.startsWith('/*', this.i)) {
        const end = s.indexOf('*/', this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
      } else break;
    }
    const offset = this.i;
    if (this.i >= s.length) return { kind: 'eof', text: '', offset };
    const c = s[this.i] ?? '';
    if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}\p{Nd}_]+/u.exec(s.slice(this.i, this.i + 256));
      const text = m ? m[0] : c;
      this.i += text.length;
      return { kind: 'ident', text, offset };
    }
    if (c === '`') {
      const end = s.indexOf('`', this.i + 1);
      const text = s.slice(this.i + 1, end < 0 ? s.length : end).replaceAll('\r', '');
      this.i = end < 0 ? s.length : end + 1;
      return { kind: 'string', text, offset };
    }
    if (c === '"') {
      let j = this.i + 1;
      while (j < s.length && s[j] !== '"' && s[j] !== '\n') j += s[j] === '\\' ? 2 : 1;
      const text = unquote(s.slice(this.i + 1, j));
      this.i = j + 1;
      return { kind: 'string', text, offset };
    }
    this.i++;
    return { kind: 'punct', text: c, offset };
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** Go interpreted-string escapes: `"\x43"` and `"\u0043"` are both "C" to the compiler. */
export function unquote(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[i + 1] ?? '';
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i += 1;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + n), 16) || 0);
      i += 1 + n;
    } else if (/[0-7]/.test(e)) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      out += e;
      i += 1;
    }
  }
  return out;
}
