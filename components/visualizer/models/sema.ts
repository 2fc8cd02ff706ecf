// The runtime semaphore that sync.Mutex, sync.RWMutex and sync.WaitGroup park on, after
// src/runtime/sema.go (semacquire1, semrelease1, cansemacquire, semaRoot.queue/dequeue).
// Simplification: one semaphore = one counter + one FIFO list of parked goroutines. The real runtime keys
// waiters by address in a treap inside one of 251 semaRoots (`semTable`), which changes nothing a learner sees.

import type { GoroutineId } from './types.ts';

/** A runtime semaphore: the uint32 counter at `addr` plus the goroutines parked on that address, head first. */
export interface Sema {
  count: number;
  waiters: GoroutineId[];
}

/** What semrelease did: the new semaphore, who was dequeued, and whether it was handed the count directly. */
export interface SemReleaseResult {
  sema: Sema;
  woken: GoroutineId | null;
  /** `s.ticket = 1` in semrelease1: the releaser consumed the count on the waiter's behalf (handoff). */
  ticket: boolean;
}

/** An empty semaphore (count 0, nobody parked). */
export function newSema(): Sema {
  return { count: 0, waiters: [] };
}

/** sema.go cansemacquire: CAS-decrement the count if it is positive; null if it is 0. */
export function cansemacquire(sema: Sema): Sema | null {
  return sema.count > 0 ? { ...sema, count: sema.count - 1 } : null;
}

/**
 * sema.go semaRoot.queue: park `g` on the semaphore. `lifo` puts it at the head of the queue
 * (semacquire1's `lifo` argument; sync.Mutex passes `queueLifo` for a waiter that was already woken once).
 */
export function semaEnqueue(sema: Sema, g: GoroutineId, lifo: boolean): Sema {
  return { ...sema, waiters: lifo ? [g, ...sema.waiters] : [...sema.waiters, g] };
}

/**
 * sema.go semrelease1: `atomic.Xadd(addr, 1)`; if nobody waits, return; else dequeue the head waiter and,
 * when `handoff` is true and cansemacquire succeeds, set its ticket so it owns the count on wake-up.
 * The caller readies `woken` (readyWithTime → goready, which puts it in the releasing P's runnext).
 */
export function semrelease(sema: Sema, handoff: boolean): SemReleaseResult {
  const bumped: Sema = { ...sema, count: sema.count + 1 };
  const [head, ...rest] = bumped.waiters;
  if (head === undefined) return { sema: bumped, woken: null, ticket: false };
  const dequeued: Sema = { ...bumped, waiters: rest };
  if (handoff) {
    const taken = cansemacquire(dequeued);
    if (taken) return { sema: taken, woken: head, ticket: true };
  }
  return { sema: dequeued, woken: head, ticket: false };
}
