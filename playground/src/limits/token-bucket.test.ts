import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.ts';

describe('token buckets', () => {
  it('lets a full burst through at once, then refuses with the time until the next token', () => {
    const buckets = new TokenBuckets({ burst: 300, perMinute: 120 });
    for (let i = 0; i < 300; i++) expect(buckets.take('lab', 1000).ok).toBe(true);
    // 120 a minute is one token every 500 ms: the refusal suggests one second, never zero.
    expect(buckets.take('lab', 1000)).toEqual({ ok: false, retryAfterS: 1 });
    expect(new TokenBuckets({ burst: 1, perMinute: 2 }).take('x', 0)).toEqual({ ok: true, remaining: 0 });
  });

  it('refills continuously at the rate and never above the burst', () => {
    const buckets = new TokenBuckets({ burst: 10, perMinute: 60 });
    for (let i = 0; i < 10; i++) buckets.take('lab', 0);
    expect(buckets.level('lab', 0)).toBe(0);
    expect(buckets.level('lab', 2500)).toBeCloseTo(2.5);
    expect(buckets.take('lab', 2500)).toEqual({ ok: true, remaining: 1 });
    expect(buckets.level('lab', 3_600_000)).toBe(10);
    const slow = new TokenBuckets({ burst: 1, perMinute: 1 });
    slow.take('lab', 0);
    expect(slow.take('lab', 15_000)).toEqual({ ok: false, retryAfterS: 45 });
  });

  it('keeps buckets apart by key', () => {
    const buckets = new TokenBuckets({ burst: 2, perMinute: 1 });
    buckets.take('a', 0);
    buckets.take('a', 0);
    expect(buckets.take('a', 0).ok).toBe(false);
    expect(buckets.take('b', 0).ok).toBe(true);
  });

  it('does not drain when the clock steps back', () => {
    const buckets = new TokenBuckets({ burst: 5, perMinute: 60 });
    buckets.take('lab', 10_000);
    expect(buckets.level('lab', 0)).toBe(4);
  });

  it('forgets full buckets so memory follows recent keys only', () => {
    const buckets = new TokenBuckets({ burst: 2, perMinute: 60 });
    for (let i = 0; i < 3000; i++) buckets.take(`lab-${i}`, 0);
    // Two seconds later every bucket is full again; the next sweep drops them.
    for (let i = 0; i < 3000; i++) buckets.take(`later-${i}`, 2000 + i);
    expect(buckets.size).toBeLessThan(3000);
    expect(buckets.level('lab-0', 5000)).toBe(2);
  });

  it('refuses limits that could never let anything through', () => {
    expect(() => new TokenBuckets({ burst: 0, perMinute: 60 })).toThrow(/burst/);
    expect(() => new TokenBuckets({ burst: 5, perMinute: 0 })).toThrow(/refill/);
  });
});
