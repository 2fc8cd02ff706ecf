import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../contract/errors.ts';
import { ERROR_STRINGS } from '../../components/i18n/strings/errors.ts';

/** Every .ts file of the server, tests left out. */
function serverFiles(dir = 'playground/src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The codes the server's source throws or sends, by the literal after the status (or first). */
function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /new RequestError\(\s*\d{3},\s*'([a-z_]+)'/g,
    /new SandboxInputError\(\s*'([a-z_]+)'/g,
    /error: '([a-z_]+)'/g,
  ];
  for (const file of serverFiles()) {
    const source = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.set(m[1]!, file);
  }
  return found;
}

describe('the closed set of error codes', () => {
  it('holds every code the server throws or sends', () => {
    const codes = thrownCodes();
    // The scan must see the throw sites at all, or it proves nothing.
    expect(codes.size).toBeGreaterThan(20);
    for (const [code, file] of codes) expect(ERROR_CODES, `${code} in ${file}`).toContain(code);
  });

  it('has words for every code in every locale', () => {
    for (const table of Object.values(ERROR_STRINGS))
      for (const code of ERROR_CODES) expect(Object.keys(table), code).toContain(`err.${code}`);
  });
});
