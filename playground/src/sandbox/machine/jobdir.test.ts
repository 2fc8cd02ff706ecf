/**
 * The host side of sandbox-writable directories, on a real filesystem: whatever a sandbox planted
 * there (symlinks, FIFOs, hard links, huge files, locked dirs), the host neither follows it, nor
 * blocks on it, nor writes through it, nor removes anything outside the tree.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
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
import { createJobDirs, readSandboxFile, removeTree, writeNewFile } from './jobdir.ts';

let base: string;
/** A host file the sandbox must never reach through the job tree. */
let secret: string;
let job: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'lockstep-jobdir-'));
  secret = join(base, 'secret.txt');
  writeFileSync(secret, 'host secret');
  job = join(base, 'job');
  mkdirSync(job);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('readSandboxFile', () => {
  it('reads a regular file the sandbox wrote', () => {
    writeFileSync(join(job, 'out.txt'), 'formatted');
    expect(readSandboxFile(join(job, 'out.txt'), 1024)?.toString()).toBe('formatted');
  });

  it('refuses a symlink, even to a readable host file', () => {
    symlinkSync(secret, join(job, 'out.txt'));
    expect(readSandboxFile(join(job, 'out.txt'), 1024)).toBeNull();
  });

  it('refuses a hard link to a host file', () => {
    linkSync(secret, join(job, 'out.txt'));
    expect(readSandboxFile(join(job, 'out.txt'), 1024)).toBeNull();
  });

  it('refuses a FIFO without blocking on it', () => {
    execFileSync('mkfifo', [join(job, 'out.txt')]);
    expect(readSandboxFile(join(job, 'out.txt'), 1024)).toBeNull();
  });

  it('refuses a directory, a missing file and one over the size bound', () => {
    mkdirSync(join(job, 'dir'));
    writeFileSync(join(job, 'big'), Buffer.alloc(2048));
    expect(readSandboxFile(join(job, 'dir'), 1024)).toBeNull();
    expect(readSandboxFile(join(job, 'missing'), 1024)).toBeNull();
    expect(readSandboxFile(join(job, 'big'), 1024)).toBeNull();
  });
});

describe('writeNewFile', () => {
  it('never writes through a planted symlink', () => {
    symlinkSync(secret, join(job, 'main.go'));
    expect(() => writeNewFile(join(job, 'main.go'), 'overwritten', 0o644)).toThrow(/EEXIST/);
    expect(readFileSync(secret, 'utf8')).toBe('host secret');
  });

  it('never replaces a file that exists', () => {
    writeFileSync(join(job, 'main.go'), 'first');
    expect(() => writeNewFile(join(job, 'main.go'), 'second', 0o644)).toThrow(/EEXIST/);
    expect(readFileSync(join(job, 'main.go'), 'utf8')).toBe('first');
  });

  it('writes a new file with the given mode', () => {
    writeNewFile(join(job, 'main.go'), 'package main\n', 0o640);
    expect(readFileSync(join(job, 'main.go'), 'utf8')).toBe('package main\n');
    expect(statSync(join(job, 'main.go')).mode & 0o777).toBe(0o640);
  });
});

describe('removeTree', () => {
  it('removes links, not what they point at', () => {
    const outside = join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'keep.txt'), 'keep');
    symlinkSync(outside, join(job, 'to-dir'));
    symlinkSync(secret, join(job, 'to-file'));
    mkdirSync(join(job, 'nested', 'deeper'), { recursive: true });
    symlinkSync(outside, join(job, 'nested', 'deeper', 'again'));
    removeTree(job);
    expect(existsSync(job)).toBe(false);
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readFileSync(secret, 'utf8')).toBe('host secret');
  });

  it('removes a tree with directories the sandbox locked (0500, 0000)', () => {
    mkdirSync(join(job, 'locked', 'inner'), { recursive: true });
    writeFileSync(join(job, 'locked', 'inner', 'f'), 'x');
    chmodSync(join(job, 'locked', 'inner'), 0o000);
    chmodSync(join(job, 'locked'), 0o500);
    removeTree(job);
    expect(existsSync(job)).toBe(false);
  });

  it('is quiet about a tree that is already gone', () => {
    expect(() => removeTree(join(base, 'never-made'))).not.toThrow();
  });
});

describe('createJobDirs', () => {
  it('makes a traversable but unlistable root with private working dirs', () => {
    const dirs = createJobDirs(job, null);
    expect(statSync(dirs.root).mode & 0o777).toBe(0o711);
    for (const dir of [dirs.src, dirs.out, dirs.gocache]) expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(dirs.run).mode & 0o777).toBe(0o711);
    expect(dirs.root.startsWith(join(job, `job-${process.pid}-`))).toBe(true);
  });
});
