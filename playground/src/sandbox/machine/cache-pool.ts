/**
 * Keeps a few per-job Go build caches ready. Filling one (about 2,000 hard links) and removing
 * it afterwards each cost ~20 ms of CPU; done during a build they slow it down on a 2-core
 * machine, so the pool fills caches and removes finished job trees as idle work (idle-work.ts).
 * A pooled cache is a directory owned like a fresh one (see gocache.ts); a job takes it by rename.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareJobCache } from './gocache.ts';
import type { IdleTask, IdleWork } from './idle-work.ts';
import { removeTree, type Owner } from './jobdir.ts';

// Past this many waiting removals, removals happen at once so disk use stays bounded.
const MAX_PENDING_REMOVALS = 8;

export class CachePool implements IdleTask {
  private readonly ready: string[] = [];
  private readonly pending: string[] = [];
  private wantFill = false;
  private closed = false;
  private readonly jobsDir: string;
  private readonly base: string;
  private readonly owner: Owner;
  private readonly size: number;
  private readonly idle: IdleWork;

  constructor(opts: { jobsDir: string; base: string; owner: Owner; size: number; idle: IdleWork }) {
    this.jobsDir = opts.jobsDir;
    this.base = opts.base;
    this.owner = opts.owner;
    this.size = opts.size;
    this.idle = opts.idle;
  }

  /** Moves a prepared cache to `dest` (an existing empty dir is replaced) or fills `dest` now. */
  provide(dest: string): void {
    const pooled = this.ready.shift();
    if (pooled) {
      rmdirSync(dest);
      renameSync(join(pooled, 'gocache'), dest);
      this.removeLater(pooled);
    } else {
      prepareJobCache(this.base, dest, this.owner);
    }
    this.fill();
  }

  /** Asks for the pool to be (re)filled when the server is idle. */
  fill(): void {
    if (this.closed) return;
    this.wantFill = true;
    this.idle.request(this);
  }

  /** Removes a tree later, when the server is idle (sooner if too many are waiting). */
  removeLater(path: string): void {
    if (this.closed) return removeTree(path);
    this.pending.push(path);
    while (this.pending.length > MAX_PENDING_REMOVALS) removeTree(this.pending.shift() ?? '');
    this.idle.request(this);
  }

  /** Finishes pending removals and removes the pooled caches. */
  close(): void {
    this.closed = true;
    for (const path of this.pending.splice(0)) removeTree(path);
    for (const root of this.ready.splice(0)) removeTree(root);
  }

  /** One removal, or one cache filled (IdleWork calls this while the server is idle). */
  step(): boolean {
    if (this.closed) return false;
    const path = this.pending.shift();
    if (path !== undefined) removeTree(path);
    else if (this.wantFill && this.ready.length < this.size) {
      if (!this.fillOne()) this.wantFill = false; // stop trying until asked again
    } else {
      this.wantFill = false;
      return false;
    }
    return true;
  }

  /** Prepares one cache; false when that failed (the pool stops trying until asked again). */
  private fillOne(): boolean {
    // Named like a job tree, so a crashed server's leftovers are removed at the next start.
    const root = mkdtempSync(join(this.jobsDir, `job-${process.pid}-pool-`));
    chmodSync(root, 0o711);
    const cache = join(root, 'gocache');
    try {
      mkdirSync(cache, { mode: 0o700 });
      if (this.owner) chownSync(cache, this.owner.uid, this.owner.gid);
      prepareJobCache(this.base, cache, this.owner);
      this.ready.push(root);
      return true;
    } catch {
      removeTree(root);
      return false;
    }
  }
}
