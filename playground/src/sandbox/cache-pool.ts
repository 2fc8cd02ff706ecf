/**
 * Keeps a few per-job Go build caches ready. Filling one (about 2,000 hard links) and removing
 * it afterwards each cost ~20 ms on the critical path of every build; the pool fills caches while
 * the server is idle and removes finished job trees after the answer has gone out.
 * A pooled cache is a directory owned like a fresh one (see gocache.ts); a job takes it by rename.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareJobCache } from './gocache.ts';
import { removeTree, type Owner } from './jobdir.ts';

export class CachePool {
  private readonly ready: string[] = [];
  private readonly removals = new Set<Promise<void>>();
  private filling = false;
  private closed = false;
  private readonly jobsDir: string;
  private readonly base: string;
  private readonly owner: Owner;
  private readonly size: number;

  constructor(opts: { jobsDir: string; base: string; owner: Owner; size: number }) {
    this.jobsDir = opts.jobsDir;
    this.base = opts.base;
    this.owner = opts.owner;
    this.size = opts.size;
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

  /** Starts filling the pool in the background, one cache per event-loop turn. */
  fill(): void {
    if (this.filling || this.closed) return;
    this.filling = true;
    const step = (): void => {
      if (this.closed || this.ready.length >= this.size) {
        this.filling = false;
        return;
      }
      // Named like a job tree, so a crashed server's leftovers are removed at the next start.
      const root = mkdtempSync(join(this.jobsDir, `job-${process.pid}-pool-`));
      chmodSync(root, 0o711);
      const cache = join(root, 'gocache');
      try {
        mkdirSync(cache, { mode: 0o700 });
        if (this.owner) chownSync(cache, this.owner.uid, this.owner.gid);
        prepareJobCache(this.base, cache, this.owner);
        this.ready.push(root);
      } catch {
        removeTree(root);
        this.filling = false;
        return;
      }
      setImmediate(step);
    };
    setImmediate(step);
  }

  /** Removes a tree after the current work (the answer) is done. */
  removeLater(path: string): void {
    const done = new Promise<void>((resolve) =>
      setImmediate(() => {
        removeTree(path);
        resolve();
      }),
    );
    this.removals.add(done);
    void done.then(() => this.removals.delete(done));
  }

  /** Waits for pending removals and removes the pooled caches. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.removals]);
    for (const root of this.ready.splice(0)) removeTree(root);
  }
}
