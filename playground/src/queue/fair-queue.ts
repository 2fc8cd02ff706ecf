/**
 * A job queue with a global concurrency limit and per-client fairness: each client runs at most
 * one job at a time and may have a few waiting; the next free slot goes to the oldest waiting
 * job whose client is idle. Beyond the limits, submit() fails fast so the route can answer 429.
 * No I/O and no timers: time comes from the injected clock.
 */

export interface QueueLimits {
  /** Jobs running at once across all clients. */
  concurrency: number;
  /** Jobs one client may have waiting (not running). */
  perClientWaiting: number;
  /** Jobs waiting in total. */
  maxWaiting: number;
}

export interface SubmitOptions {
  /** Aborting removes a waiting job, or tells a running task to stop. */
  signal?: AbortSignal;
  /** Called with the 1-based place in line whenever it changes (0 = started). */
  onPosition?: (position: number) => void;
}

/** Thrown when a client or the whole queue has no room; `retryAfterS` suggests when to retry. */
export class QueueFullError extends Error {
  readonly retryAfterS: number;
  readonly scope: 'client' | 'server';
  constructor(scope: 'client' | 'server', retryAfterS: number) {
    super(
      scope === 'client'
        ? 'You already have runs waiting; wait for them to finish before starting another.'
        : 'The runner is busy; try again in a few seconds.',
    );
    this.name = 'QueueFullError';
    this.scope = scope;
    this.retryAfterS = retryAfterS;
  }
}

/** Thrown to a waiting job whose signal was aborted before it started. */
export class QueueAbortedError extends Error {
  constructor() {
    super('The run was cancelled before it started.');
    this.name = 'QueueAbortedError';
  }
}

interface Waiting {
  client: string;
  start: () => void;
  cancel: (error: Error) => void;
  onPosition?: (position: number) => void;
  lastPosition: number;
  enqueuedAt: number;
}

export interface QueueStats {
  running: number;
  waiting: number;
  clients: number;
}

export class FairQueue {
  readonly limits: QueueLimits;
  private readonly now: () => number;
  private readonly waiting: Waiting[] = [];
  private readonly runningByClient = new Map<string, number>();
  private running = 0;
  /** Moving average of job duration, to suggest Retry-After. */
  private avgJobMs = 2000;

  constructor(limits: QueueLimits, now: () => number = () => Date.now()) {
    this.limits = limits;
    this.now = now;
  }

  /** Returns counts for /api/health. */
  stats(): QueueStats {
    return { running: this.running, waiting: this.waiting.length, clients: this.runningByClient.size };
  }

  /** Runs task when a slot is free for this client; resolves with its result. */
  async submit<T>(
    client: string,
    task: (signal: AbortSignal) => Promise<T>,
    opts: SubmitOptions = {},
  ): Promise<T> {
    if (opts.signal?.aborted) throw new QueueAbortedError();
    const controller = new AbortController();
    const forwardAbort = (): void => controller.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      // A job that waits is counted as running by dispatch() before its promise resumes.
      if (this.canStart(client)) this.begin(client);
      else await this.wait(client, opts);
      opts.onPosition?.(0);
      const startedAt = this.now();
      try {
        return await task(controller.signal);
      } finally {
        this.avgJobMs = 0.8 * this.avgJobMs + 0.2 * Math.max(1, this.now() - startedAt);
        this.finish(client);
      }
    } finally {
      opts.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  private canStart(client: string): boolean {
    return (
      this.running < this.limits.concurrency &&
      !this.runningByClient.has(client) &&
      !this.waiting.some((w) => w.client === client)
    );
  }

  private wait(client: string, opts: SubmitOptions): Promise<void> {
    const mine = this.waiting.filter((w) => w.client === client).length;
    if (mine >= this.limits.perClientWaiting) {
      throw new QueueFullError('client', this.retryAfter());
    }
    if (this.waiting.length >= this.limits.maxWaiting) throw new QueueFullError('server', this.retryAfter());
    return new Promise<void>((resolve, reject) => {
      const entry: Waiting = {
        client,
        start: resolve,
        cancel: reject,
        onPosition: opts.onPosition,
        lastPosition: -1,
        enqueuedAt: this.now(),
      };
      this.waiting.push(entry);
      opts.signal?.addEventListener(
        'abort',
        () => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) {
            this.waiting.splice(i, 1);
            entry.cancel(new QueueAbortedError());
            this.announcePositions();
          }
        },
        { once: true },
      );
      this.announcePositions();
    });
  }

  private begin(client: string): void {
    this.running += 1;
    this.runningByClient.set(client, (this.runningByClient.get(client) ?? 0) + 1);
  }

  private finish(client: string): void {
    this.running -= 1;
    const n = (this.runningByClient.get(client) ?? 1) - 1;
    if (n <= 0) this.runningByClient.delete(client);
    else this.runningByClient.set(client, n);
    this.dispatch();
  }

  /** Starts waiting jobs while slots are free: oldest first among clients with nothing running. */
  private dispatch(): void {
    while (this.running < this.limits.concurrency) {
      const i = this.waiting.findIndex((w) => !this.runningByClient.has(w.client));
      if (i < 0) break;
      const [entry] = this.waiting.splice(i, 1);
      this.begin(entry!.client);
      entry!.start();
    }
    this.announcePositions();
  }

  /** Tells each waiting job its place in the effective order (clients with a running job go last). */
  private announcePositions(): void {
    const idle = this.waiting.filter((w) => !this.runningByClient.has(w.client));
    const busy = this.waiting.filter((w) => this.runningByClient.has(w.client));
    [...idle, ...busy].forEach((w, index) => {
      if (w.lastPosition !== index + 1) {
        w.lastPosition = index + 1;
        w.onPosition?.(index + 1);
      }
    });
  }

  private retryAfter(): number {
    const ahead = this.waiting.length + this.running;
    return Math.max(1, Math.ceil((ahead * this.avgJobMs) / this.limits.concurrency / 1000));
  }
}
