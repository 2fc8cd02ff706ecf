/**
 * A small Go highlighter for one line of code: keywords, predeclared names, strings, runes,
 * numbers and comments. Enough for the home page's short, well-formed demo program, which is
 * drawn at build time without shipping a highlighter; block comments spanning lines are not
 * needed there and not handled.
 */

export type TokenKind = 'keyword' | 'builtin' | 'string' | 'number' | 'comment' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

// The language's 25 keywords and its predeclared identifiers (The Go Programming Language Specification).
const KEYWORDS = new Set(
  'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var'.split(
    ' ',
  ),
);
const BUILTINS = new Set(
  'any append bool byte cap clear close complex copy delete error false float32 float64 imag int int8 int16 int32 int64 iota len make max min new nil panic print println real recover rune string true uint uint8 uint16 uint32 uint64 uintptr'.split(
    ' ',
  ),
);

const PATTERN =
  /(\/\/.*$)|("(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*')|(\b\d[\d_]*(?:\.\d+)?\b)|([A-Za-z_]\w*)/g;

/** Splits one line into tokens whose texts, joined, are the line. */
export function tokenizeGo(line: string): Token[] {
  const out: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = out.at(-1);
    if (last && last.kind === kind && kind === 'plain') last.text += text;
    else if (text) out.push({ kind, text });
  };
  let at = 0;
  for (const m of line.matchAll(PATTERN)) {
    push('plain', line.slice(at, m.index));
    const [text, comment, str, num, word] = m;
    if (comment) push('comment', text);
    else if (str) push('string', text);
    else if (num) push('number', text);
    else if (word && KEYWORDS.has(word)) push('keyword', text);
    else if (word && BUILTINS.has(word)) push('builtin', text);
    else push('plain', text);
    at = m.index + text.length;
  }
  push('plain', line.slice(at));
  return out;
}
