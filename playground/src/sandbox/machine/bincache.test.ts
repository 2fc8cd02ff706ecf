import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryCache } from './bincache.ts';

const KEY = 'a'.repeat(64);

describe('BinaryCache.adopt', () => {
  let root: string;
  let cache: BinaryCache;
  let out: string;
  let run: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bincache-'));
    cache = new BinaryCache(join(root, 'binaries'), 1 << 20);
    out = join(root, 'out');
    run = join(root, 'run');
    mkdirSync(out);
    mkdirSync(run);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('moves a built binary into the cache and links it for the run, without copying', () => {
    writeFileSync(join(out, 'prog'), 'ELF…', { mode: 0o600 });
    const ino = statSync(join(out, 'prog')).ino;
    expect(cache.adopt(KEY, join(out, 'prog'), join(run, 'prog'))).toBe(true);
    expect(existsSync(join(out, 'prog'))).toBe(false);
    expect(statSync(join(run, 'prog')).ino).toBe(ino);
    expect(statSync(join(run, 'prog')).mode & 0o777).toBe(0o755);
    expect(cache.linkTo(KEY, join(root, 'again'))).toBe(true);
    expect(readFileSync(join(root, 'again'), 'utf8')).toBe('ELF…');
  });

  it('refuses a symlink, so a build cannot make the cache point at a host file', () => {
    writeFileSync(join(root, 'secret'), 'host file');
    symlinkSync(join(root, 'secret'), join(out, 'prog'));
    expect(cache.adopt(KEY, join(out, 'prog'), join(run, 'prog'))).toBe(false);
    expect(existsSync(join(run, 'prog'))).toBe(false);
    expect(cache.linkTo(KEY, join(root, 'again'))).toBe(false);
  });

  it('refuses a file with a second hard link', () => {
    writeFileSync(join(out, 'prog'), 'ELF');
    linkSync(join(out, 'prog'), join(out, 'other'));
    expect(cache.adopt(KEY, join(out, 'prog'), join(run, 'prog'))).toBe(false);
    expect(existsSync(join(out, 'prog'))).toBe(true);
  });

  it('refuses a missing file, a directory, a file over the size bound and a malformed key', () => {
    expect(cache.adopt(KEY, join(out, 'prog'), join(run, 'prog'))).toBe(false);
    mkdirSync(join(out, 'dir'));
    expect(cache.adopt(KEY, join(out, 'dir'), join(run, 'prog'))).toBe(false);
    writeFileSync(join(out, 'big'), Buffer.alloc((1 << 20) + 1));
    expect(cache.adopt(KEY, join(out, 'big'), join(run, 'prog'))).toBe(false);
    writeFileSync(join(out, 'prog'), 'ELF');
    expect(cache.adopt('../x', join(out, 'prog'), join(run, 'prog'))).toBe(false);
    expect(existsSync(join(out, 'prog'))).toBe(true);
  });
});

describe('BinaryCache at start', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'bincache-start-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('removes temp files of crashed puts, but not those of another live server sharing the directory', () => {
    const dir = join(root, 'binaries');
    mkdirSync(dir);
    // process.ppid is alive (it started this one); pid 2^22+1 is above Linux's pid_max, so never alive.
    const live = `tmp-${process.ppid}-abc`;
    const dead = `tmp-${2 ** 22 + 1}-abc`;
    for (const name of [live, dead, 'stray']) writeFileSync(join(dir, name), 'partial');
    writeFileSync(join(dir, KEY), 'ELF');
    const cache = new BinaryCache(dir, 1 << 20);
    expect(existsSync(join(dir, live))).toBe(true);
    expect(existsSync(join(dir, dead))).toBe(false);
    expect(existsSync(join(dir, 'stray'))).toBe(false);
    expect(cache.sizeBytes).toBe(3);
  });
});
