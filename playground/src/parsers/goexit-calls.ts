/**
 * Where the learner's code calls runtime.Goexit, read from the sources. When main calls Goexit its
 * goroutine is gone (runtime/traceback.go tracebackothers skips dead goroutines), so no dump can
 * show the line: the sources are the only place left that can. The scan is lexical (comments,
 * strings, runes and the import name of "runtime" are honoured), not a type check.
 */
import type { Frame } from '../../../contract/run.ts';

type Token = { kind: 'ident' | 'string' | 'punct' | 'eof'; text: string; line: number };

/** Tokens of Go source without comments; string and rune literals are one token each. */
function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  const s = source;
  const skipTo = (end: number) => {
    for (let k = i; k < end; k++) if (s[k] === '\n') line++;
    i = end;
  };
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (s.startsWith('//', i)) {
      const end = s.indexOf('\n', i);
      i = end < 0 ? s.length : end;
    } else if (s.startsWith('/*', i)) {
      const end = s.indexOf('*/', i + 2);
      skipTo(end < 0 ? s.length : end + 2);
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}\p{Nd}_]+/u.exec(s.slice(i, i + 256));
      const text = m ? m[0] : c;
      out.push({ kind: 'ident', text, line });
      i += text.length;
    } else if (c === '`') {
      const end = s.indexOf('`', i + 1);
      const at = line;
      const stop = end < 0 ? s.length : end + 1;
      const text = s.slice(i + 1, stop - 1);
      skipTo(stop);
      out.push({ kind: 'string', text, line: at });
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < s.length && s[j] !== c && s[j] !== '\n') j += s[j] === '\\' ? 2 : 1;
      out.push({ kind: 'string', text: s.slice(i + 1, j), line });
      i = Math.min(j + 1, s.length);
    } else {
      out.push({ kind: 'punct', text: c, line });
      i++;
    }
  }
  out.push({ kind: 'eof', text: '', line });
  return out;
}

/**
 * Returns the names package "runtime" is imported under in one file: "runtime", an alias, or "."
 * for a dot import (a blank import gives none). Reads the import declarations only.
 */
function runtimeNames(toks: readonly Token[]): Set<string> {
  const names = new Set<string>();
  let k = toks[0]?.text === 'package' ? 2 : 0;
  const spec = (at: number): number => {
    // [name] "path"
    const first = toks[at];
    const named = first?.kind !== 'string';
    const path = toks[named ? at + 1 : at];
    if (path?.kind === 'string' && path.text === 'runtime') {
      const name = named ? (first?.text ?? '') : 'runtime';
      if (name !== '_') names.add(name);
    }
    return named ? at + 2 : at + 1;
  };
  while (toks[k]?.text === ';') k++;
  while (toks[k]?.text === 'import') {
    k++;
    if (toks[k]?.text === '(') {
      k++;
      while (toks[k] && toks[k]!.kind !== 'eof' && toks[k]!.text !== ')') {
        if (toks[k]!.text === ';') k++;
        else k = spec(k);
      }
      k++;
    } else {
      k = spec(k);
    }
    while (toks[k]?.text === ';') k++;
  }
  return names;
}

/** One `Goexit()` call found in a file. */
export interface GoexitCall extends Frame {
  /** Inside a function literal started with `go`: another goroutine's call, not main's. */
  inGoStatement: boolean;
}

/**
 * Returns the runtime.Goexit calls of one file, with the top-level function each is in
 * (`main.main`, `main.stop`; methods as `main.T.m`).
 */
export function goexitCallsIn(file: string, source: string): GoexitCall[] {
  const toks = tokenize(source);
  const none: Token = { kind: 'eof', text: '', line: 0 };
  const at = (k: number): Token => (k < 0 ? none : toks[Math.min(k, toks.length - 1)]!);
  const pkg = at(0).text === 'package' ? at(1).text : 'main';
  const names = runtimeNames(toks);
  if (names.size === 0) return [];

  const calls: GoexitCall[] = [];
  let depth = 0;
  let func = '';
  /** Brace depths at which the body of a `go func…` literal opened. */
  const goBodies: number[] = [];
  let goPending = false;
  for (let k = 0; k < toks.length; k++) {
    const t = at(k);
    const declares = depth === 0 && at(k - 1).text !== '=' && at(k - 1).text !== ',';
    if (t.kind === 'ident' && t.text === 'func' && declares) {
      // func Name(…) or func (r T) Name(…) / func (r *T) Name(…)
      let n = k + 1;
      let receiver = '';
      if (at(n).text === '(') {
        let level = 0;
        for (; at(n).kind !== 'eof'; n++) {
          if (at(n).text === '(') level++;
          else if (at(n).text === ')' && --level === 0) break;
          else if (at(n).kind === 'ident') receiver = at(n).text;
        }
        n++;
      }
      func = at(n).kind === 'ident' ? `${pkg}.${receiver ? `${receiver}.` : ''}${at(n).text}` : pkg;
    } else if (t.kind === 'ident' && t.text === 'go' && at(k + 1).text === 'func') {
      goPending = true;
    } else if (t.text === '{' && t.kind === 'punct') {
      if (goPending) {
        goBodies.push(depth);
        goPending = false;
      }
      depth++;
    } else if (t.text === '}' && t.kind === 'punct') {
      depth--;
      if (goBodies.at(-1) === depth) goBodies.pop();
      if (depth === 0) func = '';
    } else if (t.kind === 'ident' && t.text === 'Goexit' && at(k + 1).text === '(') {
      const qualified = at(k - 1).text === '.' && names.has(at(k - 2).text);
      const dotted = names.has('.') && at(k - 1).text !== '.';
      if (qualified || dotted) {
        calls.push({ func: func || pkg, file, line: t.line, inGoStatement: goBodies.length > 0 });
      }
    }
  }
  return calls;
}

/**
 * Returns where main most likely called runtime.Goexit: the calls in func main (or TestMain) that
 * are not inside a `go func` literal; failing that, every call outside one (main may call a helper
 * that calls Goexit); failing that, every call. Files are taken in name order.
 */
export function mainGoexitCalls(files: Readonly<Record<string, string>>): Frame[] {
  const all = Object.keys(files)
    .filter((name) => name.endsWith('.go'))
    .sort()
    .flatMap((name) => goexitCallsIn(name, files[name] ?? ''));
  const onMain = all.filter((c) => !c.inGoStatement);
  const inMain = onMain.filter((c) => /\.(main|TestMain)$/.test(c.func));
  const picked = inMain.length > 0 ? inMain : onMain.length > 0 ? onMain : all;
  return picked.map(({ func, file, line }) => ({ func, file, line }));
}
