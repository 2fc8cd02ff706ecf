// The lock a sync.Cond's L stands for (and sync.Once's o.m), kept deliberately small: who holds it and
// who waits, head first. Unlock hands the lock straight to the head waiter (as internal/sync/mutex.go does
// in starvation mode); the mutex model (models/mutex/) shows normal mode's barging and spinning, which
// would only add steps here without changing what a Cond or a Once teaches.
// Unlocking an unlocked lock is Go's fatal "sync: unlock of unlocked mutex" (internal/sync/mutex.go
// unlockSlow → fatal); like Go, the lock has no owner, so any goroutine may unlock a held lock.

import type { GoroutineId } from '../types.ts';

/** A mutex as held/queue: the holder (null = unlocked) and the goroutines parked in Lock, head first. */
export interface SimpleLock {
  holder: GoroutineId | null;
  queue: GoroutineId[];
}

/** An unlocked lock with nobody waiting. */
export const newLock = (): SimpleLock => ({ holder: null, queue: [] });

/** Lock: take a free lock, or join the queue (the caller parks with reason sync.Mutex.Lock). */
export function lockOf(l: SimpleLock, g: GoroutineId): { lock: SimpleLock; got: boolean } {
  if (l.holder === null) return { lock: { ...l, holder: g }, got: true };
  return { lock: { ...l, queue: [...l.queue, g] }, got: false };
}

/** Unlock: null when the lock was not held (the fatal error); else the new lock and whom it was handed to. */
export function unlockOf(l: SimpleLock): { lock: SimpleLock; handedTo: GoroutineId | null } | null {
  if (l.holder === null) return null;
  const [head, ...rest] = l.queue;
  return { lock: { holder: head ?? null, queue: rest }, handedTo: head ?? null };
}

/** The message Go's runtime prints when Unlock finds the mutex unlocked. */
export const UNLOCK_OF_UNLOCKED = 'sync: unlock of unlocked mutex';
