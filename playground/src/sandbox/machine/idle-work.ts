/**
 * Background work that competes with learners' builds for the same cores (filling ready build
 * caches, removing finished job trees, starting launchers ahead of time). It runs one unit per
 * event-loop turn while no job runs, after a short quiet, so a learner's next request does not
 * queue behind it; when jobs never stop coming it runs anyway once overdue.
 */

/** A source of background work. */
export interface IdleTask {
  /** Does one unit of work; returns false when there is nothing (more) to do. */
  step(): boolean;
}

// Measured on 2 vCPUs: 50 ms of quiet is long enough for a learner's follow-up request (the
// client's next call arrives within a few ms) and short enough that pools are refilled between
// reads of the output. Work that waited 1 s runs even while jobs run: with 150 ms it landed in
// the middle of a ~300 ms build and made edited runs ~15 ms slower (median of 15 paired runs);
// nothing it does is urgent, because the pools fall back to doing the work inline and job-tree
// removals are bounded separately (cache-pool.ts).
const IDLE_GRACE_MS = 50;
const MAX_DEFER_MS = 1_000;

export class IdleWork {
  private readonly tasks = new Set<IdleTask>();
  private active = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private deferTimer: NodeJS.Timeout | null = null;
  private overdue = false;
  private working = false;
  private closed = false;
  private readonly idleGraceMs: number;
  private readonly maxDeferMs: number;

  constructor(opts: { idleGraceMs?: number; maxDeferMs?: number } = {}) {
    this.idleGraceMs = opts.idleGraceMs ?? IDLE_GRACE_MS;
    this.maxDeferMs = opts.maxDeferMs ?? MAX_DEFER_MS;
  }

  /** A job began: background work pauses. */
  jobStarted(): void {
    this.active++;
  }

  /** A job ended: background work resumes once no job has run for a moment. */
  jobEnded(): void {
    this.active = Math.max(0, this.active - 1);
    this.schedule();
  }

  /** The task has work: run it when the server is idle (or when it is overdue). */
  request(task: IdleTask): void {
    if (this.closed) return;
    this.tasks.add(task);
    this.schedule();
  }

  /** Stops all background work; pending requests are dropped. */
  close(): void {
    this.closed = true;
    this.tasks.clear();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.deferTimer) clearTimeout(this.deferTimer);
  }

  private schedule(): void {
    if (this.closed || this.working || this.tasks.size === 0) return;
    this.deferTimer ??= setTimeout(() => {
      this.deferTimer = null;
      this.overdue = true;
      this.start();
    }, this.maxDeferMs).unref();
    if (this.active > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.active === 0) this.start();
    }, this.idleGraceMs).unref();
  }

  private start(): void {
    if (this.working || this.closed) return;
    this.working = true;
    setImmediate(() => this.workStep());
  }

  private stop(): void {
    this.working = false;
    this.overdue = false;
    if (this.deferTimer) clearTimeout(this.deferTimer);
    this.deferTimer = null;
  }

  /** One unit per event-loop turn; pauses while a job runs unless the work is overdue. */
  private workStep(): void {
    if (this.closed) return this.stop();
    if (this.active > 0 && !this.overdue) {
      this.working = false; // resumes when the jobs end, or when the work becomes overdue
      return;
    }
    const task = this.tasks.values().next().value;
    if (task === undefined) return this.stop();
    let more: boolean;
    try {
      more = task.step();
    } catch {
      more = false; // a failing task stops until it asks again; it never takes the loop down
    }
    if (!more) this.tasks.delete(task);
    setImmediate(() => this.workStep());
  }
}
