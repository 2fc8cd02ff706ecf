/**
 * Finds `import "C"` the way the Go tool does: by reading the import declarations of a file
 * (comments, grouped blocks, raw strings and escapes included), not by searching for text.
 */

/** Names of the .go files whose imports include the pseudo-package "C". */
export function filesUsingCgo(files: Record<string, string>): string[] {
  return Object.keys(files)
    .filter((name) => name.endsWith('.go'))
    .filter((name) => importPaths(files[name] ?? '').includes('C'))
    .sort();
}

type Token = { kind: 'ident' | 'string' | 'punct' | 'eof'; text: string };

/** The import paths of a Go file; stops at the first declaration that is not an import. */
export function importPaths(source: string): string[] {
  const lexer = new Lexer(source);
  const paths: string[] = [];
  if (lexer.next().text !== 'package') return paths;
  lexer.next(); // package name
  let tok = lexer.next();
  while (tok.text === ';') tok = lexer.next();
  while (tok.kind === 'ident' && tok.text === 'import') {
    tok = lexer.next();
    if (tok.text === '(') {
      tok = lexer.next();
      while (tok.kind !== 'eof' && tok.text !== ')') {
        if (tok.kind === 'string') paths.push(tok.text);
        tok = lexer.next();
      }
    } else {
      // import [name] "path"
      if (tok.kind !== 'string') tok = lexer.next();
      if (tok.kind === 'string') paths.push(tok.text);
    }
    tok = lexer.next();
    while (tok.text === ';') tok = lexer.next();
  }
  return paths;
}

/** Just enough of Go's lexer for import declarations: newlines are not tokens, strings are unquoted. */
class Lexer {
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
    if (this.i >= s.length) return { kind: 'eof', text: '' };
    const c = s[this.i] ?? '';
    if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}\p{Nd}_]+/u.exec(s.slice(this.i, this.i + 256));
      const text = m ? m[0] : c;
      this.i += text.length;
      return { kind: 'ident', text };
    }
    if (c === '`') {
      const end = s.indexOf('`', this.i + 1);
      const text = s.slice(this.i + 1, end < 0 ? s.length : end).replaceAll('\r', '');
      this.i = end < 0 ? s.length : end + 1;
      return { kind: 'string', text };
    }
    if (c === '"') {
      let j = this.i + 1;
      while (j < s.length && s[j] !== '"' && s[j] !== '\n') j += s[j] === '\\' ? 2 : 1;
      const text = unquote(s.slice(this.i + 1, j));
      this.i = j + 1;
      return { kind: 'string', text };
    }
    this.i++;
    return { kind: 'punct', text: c };
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
