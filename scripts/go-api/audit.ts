/**
 * Pure: which standard-library APIs newer than a given Go a package of Go files uses, looked up
 * in Go's own API lists (api-lists.ts). Package-level names are found exactly (`synctest.Test`
 * through the file's own import name); a method or field is found by name (`wg.Go(`) in files
 * that import its package, unless the package declares a method or field of that name itself —
 * there are no types here, so that is the one guess, and it can only over-report.
 * Imports missing from every list (testing/synctest to a Go 1.24 GOROOT) count as newer than
 * the newest list.
 */
import { compareApiVersions, type ApiIndex } from './api-lists.ts';

export interface ApiUse {
  /** "sync.WaitGroup.Go", "testing/synctest.Test", or the import path itself. */
  api: string;
  /** The language version that added it; `>1.24` style when it is in none of the lists. */
  version: string;
  file: string;
  line: number;
}

interface Scanned {
  /** The source with comments blanked (strings kept, for import paths). */
  noComments: string;
  /** The source with comments and the insides of string and rune literals blanked. */
  code: string;
}

/** Blanks comments and literals, keeping every newline so positions map to the same lines. */
export function scanGo(source: string): Scanned {
  let noComments = '';
  let code = '';
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const two = source.slice(i, i + 2);
    let end: number;
    if (two === '//') {
      end = source.indexOf('\n', i);
      end = end < 0 ? source.length : end;
      noComments += blank(source.slice(i, end));
      code += blank(source.slice(i, end));
    } else if (two === '/*') {
      end = source.indexOf('*/', i + 2);
      end = end < 0 ? source.length : end + 2;
      noComments += blank(source.slice(i, end));
      code += blank(source.slice(i, end));
    } else if (c === '"' || c === "'" || c === '`') {
      end = i + 1;
      while (end < source.length && source[end] !== c) {
        if (c !== '`' && source[end] === '\\') end += 1;
        if (c !== '`' && source[end] === '\n') break;
        end += 1;
      }
      end = Math.min(end + 1, source.length);
      noComments += source.slice(i, end);
      code += c + blank(source.slice(i + 1, end - 1)) + c;
    } else {
      end = i + 1;
      noComments += c;
      code += c;
    }
    i = end;
  }
  return { noComments, code };
}

/** Returns a file's imports: path → the name it is used by ("_" and "." included). */
export function goImports(noComments: string): Map<string, string> {
  const out = new Map<string, string>();
  const specs: string[] = [];
  for (const m of noComments.matchAll(/^import\s*\(([\s\S]*?)\)/gm)) specs.push(...m[1]!.split('\n'));
  for (const m of noComments.matchAll(/^import\s+([^\s(][^\n]*)$/gm)) specs.push(m[1]!);
  for (const spec of specs) {
    const m = /^\s*([A-Za-z_][\w]*|\.)?\s*"([^"]+)"/.exec(spec);
    if (!m) continue;
    const path = m[2]!;
    // math/rand/v2 is used as rand.
    const last =
      path
        .split('/')
        .filter((p) => !/^v\d+$/.test(p))
        .pop() ?? path;
    out.set(path, m[1] ?? last);
  }
  return out;
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the path is a standard-library one (its first element has no dot) and not the module's own. */
function isStd(path: string, ownModules: readonly string[]): boolean {
  const first = path.split('/')[0] ?? '';
  return !first.includes('.') && path !== 'C' && path !== 'unsafe' && !ownModules.includes(first);
}

/**
 * Returns every use of an API newer than `since` in one package's files (tests included; a
 * go.mod's module name counts as the module's own import path, as does "sandbox", the runner's).
 */
export function newerApiUses(files: Record<string, string>, index: ApiIndex, since: string): ApiUse[] {
  const ownModules = ['sandbox', /^module\s+(\S+)/m.exec(files['go.mod'] ?? '')?.[1] ?? 'sandbox'];
  const goFiles = Object.entries(files).filter(([name]) => name.endsWith('.go'));
  const scanned = goFiles.map(([name, text]) => ({ name, ...scanGo(text) }));
  const allCode = scanned.map((s) => s.code).join('\n');
  const beyond = `>${index.newest}`;
  const uses: ApiUse[] = [];
  const add = (api: string, version: string, file: string, line: number) => {
    if (version === beyond || compareApiVersions(version, since) > 0) uses.push({ api, version, file, line });
  };
  for (const { name, noComments, code } of scanned) {
    for (const [path, local] of goImports(noComments)) {
      if (!isStd(path, ownModules)) continue;
      const at = noComments.indexOf(`"${path}"`);
      const known = index.packages.get(path);
      if (known === undefined) {
        add(path, beyond, name, lineOf(noComments, at));
        continue;
      }
      add(path, known, name, lineOf(noComments, at));
      if (local === '_' || local === '.') continue;
      for (const m of code.matchAll(new RegExp(`(?<![\\w.])${escape(local)}\\.([A-Za-z_]\\w*)`, 'g'))) {
        // A name in none of the lists is not the standard library's (or does not compile): not judged.
        const version = index.names.get(`${path}.${m[1]}`);
        if (version !== undefined) add(`${path}.${m[1]}`, version, name, lineOf(code, m.index));
      }
    }
  }
  // Members newer than `since` of packages this package imports, unless it declares the name itself.
  const imported = new Set(scanned.flatMap((s) => [...goImports(s.noComments).keys()]));
  for (const { pkg, typeName, member, version } of membersNewerThan(index, since)) {
    if (!imported.has(pkg)) continue;
    const own = new RegExp(`func\\s*\\([^)]*\\)\\s*${member}\\s*[([]|^\\s*${member}\\s+[\\w*[\\]]`, 'm');
    if (own.test(allCode)) continue;
    for (const { name, code, noComments } of scanned) {
      // maps.Clone is the package maps's function, not a method Clone of some value.
      const packages = new Set(goImports(noComments).values());
      for (const m of code.matchAll(new RegExp(`([\\w)\\]]*)\\.${member}\\b`, 'g'))) {
        if (!packages.has(m[1]!)) add(`${pkg}.${typeName}.${member}`, version, name, lineOf(code, m.index));
      }
    }
  }
  return uses;
}

interface Member {
  pkg: string;
  typeName: string;
  member: string;
  version: string;
}

/** The members newer than `since`, worked out once per index and version (the lists hold ~30 000). */
const newerMembers = new WeakMap<ApiIndex, Map<string, Member[]>>();
function membersNewerThan(index: ApiIndex, since: string): Member[] {
  const bySince = newerMembers.get(index) ?? new Map<string, Member[]>();
  newerMembers.set(index, bySince);
  let list = bySince.get(since);
  if (!list) {
    list = [];
    for (const [key, version] of index.members) {
      if (compareApiVersions(version, since) <= 0) continue;
      const [typeName = '', member = ''] = key.split('.').slice(-2);
      list.push({ pkg: key.slice(0, -(typeName.length + member.length + 2)), typeName, member, version });
    }
    bySince.set(since, list);
  }
  return list;
}

/** The newest version among the uses ("1" when there are none; ">1.N" when one is in no list). */
export function newestNeeded(uses: readonly ApiUse[]): string {
  let newest = '1';
  for (const u of uses) {
    if (u.version.startsWith('>')) return u.version;
    if (compareApiVersions(u.version, newest) > 0) newest = u.version;
  }
  return newest;
}
