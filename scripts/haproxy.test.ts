import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haproxyCandidates, haproxyPath } from './haproxy.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A directory holding a file named haproxy, executable or not. */
function dirWith(executable: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-haproxy-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'haproxy'), '#!/bin/sh\n');
  chmodSync(join(dir, 'haproxy'), executable ? 0o755 : 0o644);
  return dir;
}

describe('haproxyPath', () => {
  it('looks on PATH first, then in Debian’s /usr/sbin (off a normal user’s PATH)', () => {
    expect(haproxyCandidates({ PATH: '/a:/b' })).toEqual(['/a/haproxy', '/b/haproxy', '/usr/sbin/haproxy']);
  });

  it('takes the first executable one and skips files that cannot run', () => {
    const notExecutable = dirWith(false);
    const executable = dirWith(true);
    expect(haproxyPath({ PATH: `${notExecutable}:${executable}` })).toBe(join(executable, 'haproxy'));
  });

  it('uses only LOCKSTEP_HAPROXY when it is set, and says null when that is not there', () => {
    const dir = dirWith(true);
    expect(haproxyPath({ LOCKSTEP_HAPROXY: join(dir, 'haproxy'), PATH: '' })).toBe(join(dir, 'haproxy'));
    expect(haproxyPath({ LOCKSTEP_HAPROXY: join(dir, 'missing'), PATH: dir })).toBeNull();
  });
});
