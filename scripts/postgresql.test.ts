import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBinDir } from './postgresql.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A stand-in /usr/lib/postgresql with the given versions and, in each bin/, the given programs. */
function tree(versions: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'lockstep-pgbin-'));
  roots.push(root);
  for (const [v, programs] of Object.entries(versions)) {
    mkdirSync(join(root, v, 'bin'), { recursive: true });
    for (const p of programs) writeFileSync(join(root, v, 'bin', p), '');
  }
  return root;
}

const ALL = ['initdb', 'pg_ctl', 'postgres'];

describe('postgresBinDir', () => {
  it('finds the newest complete version, comparing versions as numbers', () => {
    const root = tree({ '9.6': ALL, '13': ALL, '15': ALL, '16': ['pg_ctl'], 'not-a-version': ALL });
    expect(postgresBinDir(root)).toBe(join(root, '15', 'bin'));
  });

  it('is null when nothing is installed', () => {
    expect(postgresBinDir(tree({}))).toBeNull();
    expect(postgresBinDir('/nonexistent/postgresql')).toBeNull();
  });
});
