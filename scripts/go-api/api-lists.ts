/**
 * Pure: Go's own record of when each standard-library API appeared, read from the lines of
 * $GOROOT/api/go1.N.txt ("pkg sync, method (*WaitGroup) Go(func()) #63796"). The API audit
 * (audit.ts) looks every identifier a snippet or exercise uses up here.
 */

/** Where one API is: a package-level name ("sync", "WaitGroup") or a member ("sync", "WaitGroup", "Go"). */
export interface ApiEntry {
  pkg: string;
  name: string;
  /** The type a method or field belongs to; absent for package-level names. */
  member?: string;
}

/** When each package, name and member first appeared. */
export interface ApiIndex {
  /** The language version whose file listed it first, e.g. "1.25". */
  packages: Map<string, string>;
  /** "pkg.Name" → version. */
  names: Map<string, string>;
  /** "pkg.Type.Member" → version. */
  members: Map<string, string>;
  /** The newest list read: an import missing from every list is newer than this. */
  newest: string;
}

const LINE = /^pkg ([^\s,]+)(?: \([^)]*\))?, (.*?)(?: #\d+)?$/;
const IDENT = '([A-Za-z_][A-Za-z0-9_]*)';

/** Returns the API one line declares, or null for lines that declare none (blank, comments). */
export function parseApiLine(line: string): ApiEntry | null {
  const m = LINE.exec(line.trim());
  if (!m) return null;
  const pkg = m[1]!;
  const rest = m[2]!;
  let d: RegExpExecArray | null;
  if ((d = new RegExp(`^method \\(\\*?${IDENT}(?:\\[[^\\]]*\\])?\\) ${IDENT}`).exec(rest)))
    return { pkg, name: d[1]!, member: d[2]! };
  // "type T struct, Field X" and "type T interface, Method(...)" are members of T.
  if ((d = new RegExp(`^type ${IDENT}(?:\\[.*?\\])? (?:struct|interface), ${IDENT}`).exec(rest)))
    return { pkg, name: d[1]!, member: d[2]! };
  if ((d = new RegExp(`^(?:func|type|const|var) ${IDENT}`).exec(rest))) return { pkg, name: d[1]! };
  return null;
}

/** "1.25" from "go1.25.txt"; null for other files (except.txt, next/…). */
export function apiFileVersion(fileName: string): string | null {
  return /^go(1(?:\.\d+)?)\.txt$/.exec(fileName)?.[1] ?? null;
}

const order = (v: string): number => {
  const [major = 0, minor = 0] = v.split('.').map(Number);
  return major * 1000 + minor;
};

/** Builds the index from the files' texts by version ("1", "1.1" … "1.26"), oldest listing winning. */
export function buildApiIndex(files: ReadonlyArray<{ version: string; text: string }>): ApiIndex {
  const index: ApiIndex = { packages: new Map(), names: new Map(), members: new Map(), newest: '1' };
  const keep = (map: Map<string, string>, key: string, version: string) => {
    const seen = map.get(key);
    if (seen === undefined || order(version) < order(seen)) map.set(key, version);
  };
  for (const { version, text } of [...files].sort((a, b) => order(a.version) - order(b.version))) {
    if (order(version) > order(index.newest)) index.newest = version;
    for (const line of text.split('\n')) {
      const entry = parseApiLine(line);
      if (!entry) continue;
      keep(index.packages, entry.pkg, version);
      if (entry.member) keep(index.members, `${entry.pkg}.${entry.name}.${entry.member}`, version);
      else keep(index.names, `${entry.pkg}.${entry.name}`, version);
    }
  }
  return index;
}

/** Compares two language versions ("1.9" < "1.24"). */
export function compareApiVersions(a: string, b: string): number {
  return order(a) - order(b);
}
