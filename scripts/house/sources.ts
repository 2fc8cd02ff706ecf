/**
 * The repository's own code as the house rules see it: TypeScript and JavaScript under git,
 * without tests (and the suites and fixtures they share), generated files and content (lesson code is data, not the house).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** True for a path the house rules apply to. */
export function isHouseCode(path: string): boolean {
  if (!/\.(ts|mts|mjs|js)$/.test(path)) return false;
  // Tests, shared test suites and fixtures, and generated code.
  if (/\.test\.ts$|-suite\.ts$|(^|[/-])fixture\.ts$|\.generated\.ts$|\.d\.ts$/.test(path)) return false;
  return !/^(tests|content|public|dist|node_modules)\//.test(path);
}

/** path → text of every house file in the working tree at root. */
export function houseSources(root: string): Map<string, string> {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  const files = new Map<string, string>();
  for (const path of listed.split('\n').filter(isHouseCode).sort()) {
    try {
      files.set(path, readFileSync(`${root}/${path}`, 'utf8'));
    } catch {
      // Listed by git but deleted in the working tree.
    }
  }
  return files;
}
