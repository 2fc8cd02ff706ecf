// The state of the sync.Cond model: the Cond's L (lock.ts), its notifyList as src/runtime/sema.go keeps it
// (`wait`, the next ticket to hand out; `notify`, the next ticket to wake; the list of parked waiters with
// their tickets), the shared state the condition reads, and each goroutine's place in its program.
// The transitions live in cond.ts.

import type { Failure, GoroutineId, ModelInfo } from '../types.ts';
import { newLock, type SimpleLock } from './lock.ts';

/**
 * One call in a goroutine's program. `waitWhileEmpty` is `for n == 0 { c.Wait() }` (loop) or the bug
 * `if n == 0 { c.Wait() }`; `put` makes the state non-empty (`q = append(q, x)`, `ready.Store(true)`);
 * `take` is `x := q[0]; q = q[1:]`, which panics on an empty queue; `work` is ordinary code.
 */
export type CondOp =
  | { kind: 'lock' }
  | { kind: 'unlock' }
  | { kind: 'wait' }
  | { kind: 'waitWhileEmpty'; loop: boolean }
  | { kind: 'signal' }
  | { kind: 'broadcast' }
  | { kind: 'put' }
  | { kind: 'take' }
  | { kind: 'work' };

/**
 * Where a goroutine is. Inside Wait: `add` (notifyListAdd next), `unlock` (c.L.Unlock next), `park`
 * (notifyListWait next: the ticket-before-park window is add → park), `parkedCond`, `relock` (c.L.Lock
 * next), `parkedL` (queued on L, in Lock or in Wait's relock).
 */
export type CondPc = 'start' | 'add' | 'unlock' | 'park' | 'parkedCond' | 'relock' | 'parkedL' | 'done';

/** A goroutine and, once Wait took one, its ticket. */
export interface CondG {
  id: GoroutineId;
  program: CondOp[];
  ip: number;
  pc: CondPc;
  ticket: number | null;
}

/** A parked waiter in the notify list: runtime sudog's `g` and `ticket`. */
export interface NotifyWaiter {
  g: GoroutineId;
  ticket: number;
}

/** The whole scenario. */
export interface CondState {
  model: 'cond';
  L: SimpleLock;
  /** notifyList.wait: the ticket the next Wait takes (notifyListAdd returns it, then adds 1). */
  wait: number;
  /** notifyList.notify: the ticket the next Signal wakes; every ticket below it is notified. */
  notify: number;
  /** notifyList head…tail: parked waiters in the order they parked. */
  list: NotifyWaiter[];
  /** The state the condition reads: the queue's length, or 1/0 for a ready flag. */
  n: number;
  goroutines: CondG[];
  failure: Failure | null;
}

/** Advance one goroutine by one step. */
export type CondEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const condInfo: ModelInfo = {
  id: 'cond',
  title: 'sync.Cond',
  goVersions: 'Go 1.24+',
  sources: [
    'src/sync/cond.go: Wait, Signal, Broadcast, copyChecker',
    'src/runtime/sema.go: notifyList, notifyListAdd, notifyListWait, notifyListNotifyOne, notifyListNotifyAll',
    'src/runtime/runtime2.go: waitReasonSyncCondWait ("sync.Cond.Wait")',
  ],
  simplifications: [
    'c.L is a plain held/queue lock: Unlock hands it to the first goroutine queued (Go’s mutex lets a newcomer barge in normal mode; the mutex model shows that).',
    'notifyList’s own runtime lock is not shown: each notifyList call is one step.',
    'copyChecker (panic "sync.Cond is copied") is not modelled: the scenarios have one Cond value.',
    'Tickets do not wrap: Go compares them with less(a, b), which survives uint32 wrap-around.',
  ],
};

/** A fresh Cond: L unlocked, no ticket handed out, the state `n` (0 = empty). */
export function newCondState(programs: Record<GoroutineId, CondOp[]>, n = 0): CondState {
  return {
    model: 'cond',
    L: newLock(),
    wait: 0,
    notify: 0,
    list: [],
    n,
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length ? 'start' : 'done',
      ticket: null,
    })),
    failure: null,
  };
}

/** True when every unfinished goroutine is parked (on the Cond or on L). */
export function condIsDeadlocked(s: CondState): boolean {
  const live = s.goroutines.filter((g) => g.pc !== 'done');
  return !s.failure && live.length > 0 && live.every((g) => g.pc === 'parkedCond' || g.pc === 'parkedL');
}
