/**
 * Token buckets by key (joins: one bucket per lab). A bucket starts full with `burst` tokens, a
 * request takes one, and tokens come back continuously at `perMinute`, up to `burst` again. So a
 * whole class can join at once, and a flood is slowed to the refill rate without ever locking the
 * lab for a fixed window. Pure: the caller passes the time.
 */

export interface BucketLimits {
  /** Requests that may come at once from a full bucket. */
  burst: number;
  /** Tokens added back per minute, spread evenly. */
  perMinute: number;
}

export type Take = { ok: true; remaining: number } | { ok: false; retryAfterS: number };

interface Bucket {
  tokens: number;
  atMs: number;
}

/** Below this many buckets no sweep is made; above it, full buckets are dropped now and then. */
const SWEEP_FLOOR = 1024;

export class TokenBuckets {
  readonly limits: BucketLimits;
  private readonly buckets = new Map<string, Bucket>();
  private sweepAt = SWEEP_FLOOR;

  constructor(limits: BucketLimits) {
    if (!(limits.burst >= 1) || !(limits.perMinute > 0))
      throw new Error('A token bucket needs a burst of at least 1 and a positive refill rate.');
    this.limits = limits;
  }

  /** Takes one token from `key`'s bucket at `nowMs`, or says how many seconds until one is back. */
  take(key: string, nowMs: number): Take {
    const tokens = this.level(key, nowMs);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
      this.sweep(nowMs);
      return { ok: true, remaining: Math.floor(tokens - 1) };
    }
    this.buckets.set(key, { tokens, atMs: nowMs });
    const msPerToken = 60_000 / this.limits.perMinute;
    return { ok: false, retryAfterS: Math.max(1, Math.ceil(((1 - tokens) * msPerToken) / 1000)) };
  }

  /** Tokens in `key`'s bucket at `nowMs` (a bucket never used is full). */
  level(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.limits.burst;
    // A clock that steps back refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, nowMs - bucket.atMs);
    return Math.min(this.limits.burst, bucket.tokens + (elapsed * this.limits.perMinute) / 60_000);
  }

  /** Buckets held in memory (full ones are forgotten by the sweep). */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * A full bucket is the same as no bucket, so it can go: memory follows the keys used within
   * one refill time, not every key ever seen. The sweep runs when the map has doubled since the
   * last one, so its cost per take stays constant.
   */
  private sweep(nowMs: number): void {
    if (this.buckets.size < this.sweepAt) return;
    for (const key of [...this.buckets.keys()])
      if (this.level(key, nowMs) >= this.limits.burst) this.buckets.delete(key);
    this.sweepAt = Math.max(SWEEP_FLOOR, this.buckets.size * 2);
  }
}
