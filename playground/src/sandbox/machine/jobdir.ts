/**
 * Per-job directories on the host, and the only ways the host touches them. The sandbox may have
 * planted symlinks, FIFOs or hard links in anything it could write, so the host opens files there
 * with O_NOFOLLOW (and O_NONBLOCK against FIFOs), accepts only regular files with one link, and
 * removes trees without following links (the Judge0 CVE-2024-28185/28189 lesson).
 */
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  readdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';

/** The directories of one job. Only src, out and gocache are ever writable inside a sandbox. */
export interface JobDirs {
  root: string;
  src: string;
  out: string;
  gocache: string;
  /** Host-owned, never writable by a sandbox: the binary the run step executes. */
  run: string;
}

/** The uid/gid that owns sandbox-writable dirs, or null when the sandbox runs as the server's own uid. */
export type Owner = { uid: number; gid: number } | null;

/** Creates a fresh job tree under jobsDir (root 0711: traversable by the sandbox user, not listable). */
export function createJobDirs(jobsDir: string, owner: Owner): JobDirs {
  const root = mkdtempSync(join(jobsDir, `job-${process.pid}-`));
  chmodSync(root, 0o711);
  const dirs: JobDirs = {
    root,
    src: join(root, 'src'),
    out: join(root, 'out'),
    gocache: join(root, 'gocache'),
    run: join(root, 'run'),
  };
  for (const dir of [dirs.src, dirs.out, dirs.gocache]) {
    mkdirSync(dir, { mode: 0o700 });
    if (owner) chownSync(dir, owner.uid, owner.gid);
  }
  mkdirSync(dirs.run, { mode: 0o711 });
  return dirs;
}

/**
 * A traced run's trace dir with its one file, created empty and owned by the sandbox user: the run
 * sandbox binds only that file writable (the dir read-only), the converter reads it read-only.
 * Beside the job's other dirs, so it is removed with them.
 */
export function createTraceDir(dirs: JobDirs, owner: Owner, fileName: string): string {
  const dir = join(dirs.root, 'trace');
  mkdirSync(dir, { mode: 0o711 });
  const file = join(dir, fileName);
  writeNewFile(file, '', 0o600);
  if (owner) chownSync(file, owner.uid, owner.gid);
  return dir;
}

/** Writes a new file that must not exist yet (O_EXCL|O_NOFOLLOW): never writes through a planted link. */
export function writeNewFile(path: string, data: string | Buffer, mode: number): void {
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    mode,
  );
  try {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
  } finally {
    closeSync(fd);
  }
}

/** Writes the job's sources, owned by the sandbox user (gofmt -w and go mod edits rewrite them). */
export function writeSources(src: string, files: Record<string, string>, owner: Owner): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(src, name);
    writeNewFile(path, content, 0o644);
    if (owner) chownSync(path, owner.uid, owner.gid);
  }
}

/**
 * Opens a file the sandbox produced without following links: an fd and its stats, or null when
 * it is missing, not a regular file, linked elsewhere, or larger than maxBytes. The caller closes.
 */
export function openSandboxFile(path: string, maxBytes: number): { fd: number; stats: Stats } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  const stats = fstatSync(fd);
  if (stats.isFile() && stats.nlink === 1 && stats.size <= maxBytes) return { fd, stats };
  closeSync(fd);
  return null;
}

/** Reads a file the sandbox produced, or null when openSandboxFile refuses it. */
export function readSandboxFile(path: string, maxBytes: number): Buffer | null {
  const opened = openSandboxFile(path, maxBytes);
  if (!opened) return null;
  const { fd, stats } = opened;
  try {
    const buffer = Buffer.alloc(stats.size);
    let offset = 0;
    while (offset < stats.size) {
      const n = readSync(fd, buffer, offset, stats.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return buffer.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

/** Lists a directory; a missing or unreadable one is empty. */
export function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Removes a tree without following links; makes sandbox-made dirs writable first if needed. */
export function removeTree(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // A non-root server can be locked out by a 0500 dir the sandbox made: open up dirs, retry.
    unlockDirs(path);
    rmSync(path, { recursive: true, force: true, maxRetries: 2 });
  }
}

function unlockDirs(path: string): void {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return;
  }
  if (!st.isDirectory()) return;
  try {
    chmodSync(path, 0o700);
  } catch {
    return;
  }
  for (const name of readdirSync(path)) unlockDirs(join(path, name));
}
