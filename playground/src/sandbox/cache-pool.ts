/**
 * Keeps a few per-job Go build caches ready. Filling one (about 2,000 hard links) and removing
 * it afterwards each cost ~20 ms of CPU; done during a build they slow it down on a 2-core
 * machine, so the pool fills caches and removes finished job trees only while no job runs.
 * A pooled cache is a directory owned like a fresh one (see gocache.ts); a job takes it by rename.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareJobCache } from './gocache.ts';
import { removeTree, type Owner } from './jobdir.ts';

// Background work waits for this much quiet after the last job, so a learner's next request
// does not queue behind it. When jobs never stop coming it runs anyway after MAX_DEFER_MS (as
// it did before, overlapping a build), and past MAX_PENDING_REMOVALS removals happen at once.
const IDLE_GRACE_MS = 50;
const MAX_DEFER_MS = 150;
const MAX_PENDING_REMOVALS = 8;

export class CachePool {
  private readonly ready: string[] = [];
  private readonly pending: string[] = [];
  private active = 0;
  private wantFill = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private deferTimer: NodeJS.Timeout | null = null;
  private overdue = false;
  private working = false;
  private closed = false;
  private readonly jobsDir: string;
  private readonly base: string;
  private readonly owner: Owner;
  private readonly size: number;
  private readonly idleGraceMs: number;
  private readonly maxDeferMs: number;

  constructor(opts: {
    jobsDir: string;
    base: string;
    owner: Owner;
    size: number;
    idleGraceMs?: number;
    maxDeferMs?: number;
  }) {
    this.jobsDir = opts.jobsDir;
    this.base = opts.base;
    this.owner = opts.owner;
    this.size = opts.size;
    this.idleGraceMs = opts.idleGraceMs ?? IDLE_GRACE_MS;
    this.maxDeferMs = opts.maxDeferMs ?? MAX_DEFER_MS;
  }

  /** A job began: background work pauses (it competes with the build for the same cores). */
  jobStarted(): void {
    this.active++;
  }

  /** A job ended: background work resumes once the server has been idle for a moment. */
  jobEnded(): void {
    this.active = Math.max(0, this.active - 1);
    this.scheduleIdleWork();
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
    this.wantFill = true;
    this.scheduleIdleWork();
  }

  /** Removes a tree later, when the server is idle (sooner if too many are waiting). */
  removeLater(path: string): void {
    this.pending.push(path);
    while (this.pending.length > MAX_PENDING_REMOVALS) removeTree(this.pending.shift() ?? '');
    this.scheduleIdleWork();
  }

  /** Finishes pending removals and removes the pooled caches. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.deferTimer) clearTimeout(this.deferTimer);
    for (const path of this.pending.splice(0)) removeTree(path);
    for (const root of this.ready.splice(0)) removeTree(root);
  }

  private scheduleIdleWork(): void {
    if (this.closed || this.working) return;
    if (this.pending.length === 0 && !this.needsFill()) return;
    this.deferTimer ??= setTimeout(() => {
      this.deferTimer = null;
      this.overdue = true;
      this.startWork();
    }, this.maxDeferMs).unref();
    if (this.active > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.active === 0) this.startWork();
    }, this.idleGraceMs).unref();
  }

  private startWork(): void {
    if (this.working || this.closed) return;
    this.working = true;
    setImmediate(() => this.workStep());
  }

  private stopWork(): void {
    this.working = false;
    this.overdue = false;
    if (this.deferTimer) clearTimeout(this.deferTimer);
    this.deferTimer = null;
  }

  private needsFill(): boolean {
    return this.wantFill && this.ready.length < this.size;
  }

  /** One unit of background work per event-loop turn; pauses while a job runs unless overdue. */
  private workStep(): void {
    if (this.closed) return this.stopWork();
    if (this.active > 0 && !this.overdue) {
      this.working = false; // resumes when the jobs end, or when the work becomes overdue
      return;
    }
    const path = this.pending.shift();
    if (path !== undefined) {
      removeTree(path);
    } else if (this.needsFill()) {
      if (!this.fillOne()) this.wantFill = false;
    } else {
      this.wantFill = false;
      return this.stopWork();
    }
    setImmediate(() => this.workStep());
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
