/**
 * Linked binaries by content hash, so an unchanged lesson example skips the build. Files are
 * server-owned (0755, so the sandbox user can execute the hard link a job gets), names are the
 * sha256 keys, the directory is 0711 (not listable), and the total size is bounded by evicting the
 * least recently used. Only binaries from successful builds are ever put here.
 */
import {
  closeSync,
  fchmodSync,
  fchownSync,
  lstatSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  chmodSync,
} from 'node:fs';
import { join } from 'node:path';
import { openSandboxFile, writeNewFile } from './jobdir.ts';

/**
 * Owner rwx, others r-x. Not execute-only: a binary the process cannot read makes it non-dumpable,
 * its /proc/self/environ unreadable, and ThreadSanitizer then misses GORACE (measured: every run
 * took 1 s longer, the default atexit_sleep_ms).
 */
export const BINARY_MODE = 0o755;

/** An LRU directory of binaries. */
export class BinaryCache {
  private readonly entries = new Map<string, { size: number; usedAt: number }>();
  private total = 0;
  private readonly dir: string;
  private readonly maxBytes: number;

  constructor(dir: string, maxBytes: number) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    mkdirSync(dir, { recursive: true, mode: 0o711 });
    chmodSync(dir, 0o711);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!/^[0-9a-f]{64}$/.test(name)) {
        // A temp file of a crashed put. Several servers on one machine may share the data dir: a
        // live server's temp file is its put in progress, renamed in a moment, so it stays.
        if (!tempOfLiveProcess(name)) unlinkSync(path);
        continue;
      }
      let st;
      try {
        st = statSync(path);
        if ((st.mode & 0o777) !== BINARY_MODE) chmodSync(path, BINARY_MODE); // cached by an older version
      } catch {
        continue; // evicted meanwhile by another server sharing the directory
      }
      this.entries.set(name, { size: st.size, usedAt: st.mtimeMs });
      this.total += st.size;
    }
    this.evict();
  }

  /** Hard-links the cached binary to dest and returns true, or returns false on a miss. */
  linkTo(key: string, dest: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    try {
      linkSync(join(this.dir, key), dest);
    } catch {
      this.forget(key);
      return false;
    }
    entry.usedAt = Date.now();
    const now = new Date();
    try {
      utimesSync(join(this.dir, key), now, now); // survives a restart as the LRU order
    } catch {
      // not important
    }
    return true;
  }

  /** Stores a binary (atomically: temp file then rename) and evicts old ones beyond the bound. */
  put(key: string, data: Buffer): void {
    if (!/^[0-9a-f]{64}$/.test(key) || data.length > this.maxBytes) return;
    const tmp = this.tempPath();
    writeNewFile(tmp, data, BINARY_MODE);
    renameSync(tmp, join(this.dir, key));
    this.record(key, data.length);
    this.evict();
  }

  /**
   * Moves a freshly built binary into the cache without copying it (a race binary is ~10 MB), or
   * returns false so the caller can fall back to put(). The build's sandbox must be gone: the file
   * is opened without following links, must be a regular file with one link, is taken over by the
   * server (owner and mode) and is checked to be the same inode after the rename. On success it
   * is also hard-linked to `linkDest` (before any eviction could remove it).
   */
  adopt(key: string, path: string, linkDest: string): boolean {
    if (!/^[0-9a-f]{64}$/.test(key)) return false;
    const opened = openSandboxFile(path, this.maxBytes);
    if (!opened) return false;
    const { fd, stats } = opened;
    const tmp = this.tempPath();
    try {
      fchownSync(fd, process.getuid?.() ?? stats.uid, process.getgid?.() ?? stats.gid);
      fchmodSync(fd, BINARY_MODE);
      renameSync(path, tmp);
      const moved = lstatSync(tmp);
      if (moved.ino !== stats.ino || moved.dev !== stats.dev) {
        unlinkSync(tmp);
        return false;
      }
      renameSync(tmp, join(this.dir, key));
      this.record(key, stats.size);
      linkSync(join(this.dir, key), linkDest);
      this.evict();
      return true;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // never created, or already renamed into the cache
      }
      return false; // e.g. EXDEV: the jobs and binary directories are on different file systems
    } finally {
      closeSync(fd);
    }
  }

  /** Bytes held. */
  get sizeBytes(): number {
    return this.total;
  }

  private tempPath(): string {
    return join(this.dir, `tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  }

  /** Counts a file now stored under key (replacing any earlier one). */
  private record(key: string, size: number): void {
    const old = this.entries.get(key);
    if (old) this.total -= old.size;
    this.entries.set(key, { size, usedAt: Date.now() });
    this.total += size;
  }

  private evict(): void {
    if (this.total <= this.maxBytes) return;
    const oldestFirst = [...this.entries].sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [key] of oldestFirst) {
      if (this.total <= this.maxBytes) break;
      this.forget(key);
    }
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
    try {
      unlinkSync(join(this.dir, key));
    } catch {
      // already gone
    }
  }
}

/** True for `tmp-<pid>-…` when that process still runs (EPERM: it runs as another user). */
function tempOfLiveProcess(name: string): boolean {
  const pid = Number(/^tmp-(\d+)-/.exec(name)?.[1] ?? NaN);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
