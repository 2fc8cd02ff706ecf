// The state of the sync.Once model (Go 1.26 src/sync/once.go): `done`, `m` (a held/queue lock, see
// ../cond/lock.ts), which goroutine is running f, and each goroutine's place in its program and in f.
// Go 1.24's Once kept done in an atomic.Uint32 (Load() == 0, Store(1)); Go 1.25 made it an atomic.Bool
// (!Load(), Store(true)). The logic is the same, and the model shows done as 0 or 1.
// `impl: 'cas'` swaps Do for the incorrect one that once.go's comment warns about (see cas.ts).

import type { Failure, GoroutineId, ModelInfo } from '../types.ts';
import { newLock, type SimpleLock } from '../cond/lock.ts';

/** One statement of f: ordinary work, a panic, or a nested `once.Do` on the same Once. */
export type OnceBody = 'work' | 'panic' | 'do';

/**
 * One call in a goroutine's program: `once.Do(f)` with f's statements (`recover`: a deferred
 * recover() in the caller stops f's panic at the caller; `message`: the panic's value), or other work.
 */
export type OnceOp =
  | { kind: 'do'; f: OnceBody[]; recover?: boolean; message?: string }
  | { kind: 'work' }
  | { kind: 'use'; name: string };

/**
 * Which Do runs: `go`, the real one (fast path, then doSlow under o.m); `cas`, the incorrect
 * `if o.done.CompareAndSwap(false, true) { f() }` that the comment in sync/once.go describes.
 */
export type OnceImpl = 'go' | 'cas';

/**
 * Where a goroutine is: `start` (its next op: the fast path's done.Load, or the CAS), `lock` (doSlow's o.m.Lock next),
 * `parked` (queued on o.m), `check` (doSlow's second done.Load), `f` (statement fIp of f next),
 * `nested` (a nested Do's o.m.Lock next), `store` (the deferred done.Store), `unlock` (the deferred
 * o.m.Unlock).
 */
export type OncePc = 'start' | 'lock' | 'parked' | 'check' | 'f' | 'nested' | 'store' | 'unlock' | 'done';

/** A goroutine calling Do. */
export interface OnceG {
  id: GoroutineId;
  program: OnceOp[];
  ip: number;
  pc: OncePc;
  fIp: number;
  panicking: boolean;
}

/** The whole scenario. */
export interface OnceState {
  model: 'once';
  impl: OnceImpl;
  /** o.done: 0 until the f that ran has returned (or panicked), then 1. */
  done: number;
  m: SimpleLock;
  /** The goroutine running f, if any. */
  runner: GoroutineId | null;
  /** An f has run to its end: what it sets (cfg) is set. A panicking f never gets there. */
  returned: boolean;
  /** Goroutines that used what f sets (a `use` op) before any f had returned: the break level's fact. */
  early: GoroutineId[];
  goroutines: OnceG[];
  failure: Failure | null;
}

/** Advance one goroutine by one step. */
export type OnceEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const onceInfo: ModelInfo = {
  id: 'once',
  title: 'sync.Once',
  goVersions: 'Go 1.24+',
  sources: [
    'src/sync/once.go: Do, doSlow (done is an atomic.Uint32 in Go 1.24, an atomic.Bool since Go 1.25)',
    'src/runtime/panic.go: deferred calls run while a panic unwinds',
    'src/sync/once.go: the comment on Do about the incorrect CompareAndSwap-only implementation',
  ],
  simplifications: [
    'o.m is a plain held/queue lock: Unlock hands it to the first goroutine queued (the mutex model shows the real Mutex).',
    'Each statement of f is one step; a nested Do takes its fast path and its Lock in two steps.',
  ],
};

/** A fresh Once: not done, m unlocked. */
export function newOnceState(programs: Record<GoroutineId, OnceOp[]>, impl: OnceImpl = 'go'): OnceState {
  return {
    model: 'once',
    impl,
    done: 0,
    m: newLock(),
    runner: null,
    returned: false,
    early: [],
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length ? 'start' : 'done',
      fIp: 0,
      panicking: false,
    })),
    failure: null,
  };
}

/** True when every unfinished goroutine is parked on o.m (a nested Do parks its caller on itself). */
export function onceIsDeadlocked(s: OnceState): boolean {
  const live = s.goroutines.filter((g) => g.pc !== 'done');
  return !s.failure && live.length > 0 && live.every((g) => g.pc === 'parked');
}
