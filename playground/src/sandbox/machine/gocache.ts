/**
 * The Go build cache, made safe to share. A base cache owned by the server holds what the warm-up
 * compiled (std with and without -race, testing, vet facts). Each job gets a copy made of hard
 * links: new directories owned by the sandbox user, files still the server's and read-only to it,
 * so a job can add entries to its own copy but can never change an entry another job will use.
 * Nothing a job writes flows back; only the warm-up (our own trusted programs) is promoted.
 */
import { chownSync, copyFileSync, constants, linkSync, lstatSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { readSandboxFile, safeReaddir, writeNewFile, type Owner } from './jobdir.ts';

// Go cache files are small except archives of big packages; anything larger is not promoted.
const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Fills an empty per-job cache dir from the base. With an owner (server is root) files are hard
 * links; without one the sandbox runs as the server's uid and could write through links, so files
 * are copied (reflinked where the file system can).
 */
export function prepareJobCache(base: string, dest: string, owner: Owner): void {
  for (const name of safeReaddir(base)) {
    const from = join(base, name);
    const to = join(dest, name);
    const st = lstatSync(from);
    if (st.isDirectory()) {
      mkdirSync(to, { mode: 0o700 });
      if (owner) chownSync(to, owner.uid, owner.gid);
      for (const file of safeReaddir(from)) placeFile(join(from, file), join(to, file), owner);
    } else if (st.isFile()) {
      placeFile(from, to, owner);
    }
  }
}

function placeFile(from: string, to: string, owner: Owner): void {
  if (owner) linkSync(from, to);
  else copyFileSync(from, to, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
}

/** Copies entries a trusted warm-up job added into the base (as new server-owned 0644 files). */
export function promoteToBase(jobCache: string, base: string): number {
  let added = 0;
  for (const name of safeReaddir(jobCache)) {
    const from = join(jobCache, name);
    const st = lstatSync(from);
    if (st.isDirectory() && /^[0-9a-f]{2}$/.test(name)) {
      mkdirSync(join(base, name), { recursive: true, mode: 0o755 });
      for (const file of safeReaddir(from)) added += promoteFile(join(from, file), join(base, name, file));
    } else if (st.isFile()) {
      added += promoteFile(from, join(base, name));
    }
  }
  return added;
}

function promoteFile(from: string, to: string): number {
  if (exists(to)) return 0;
  const data = readSandboxFile(from, MAX_CACHE_FILE_BYTES);
  if (data === null) return 0;
  const tmp = `${to}.promote-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeNewFile(tmp, data, 0o644);
  renameSync(tmp, to); // atomic: a concurrent warm-up promoting the same entry wrote the same bytes
  return 1;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
