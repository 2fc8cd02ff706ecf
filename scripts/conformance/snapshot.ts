/**
 * Pure: a mutex or rwmutex model state in the shape the Go conformance test compares
 * (tests/conformance/mutex_case.go MutexSnap, rwmutex_case.go RWMutexSnap). Absent values are ''
 * so the Go side needs no nulls.
 */
import type { MutexState } from '../../components/visualizer/models/mutex/state.ts';
import type { RWMutexState } from '../../components/visualizer/models/rwmutex/state.ts';
import type { Sema } from '../../components/visualizer/models/sema.ts';

const sema = (s: Sema) => ({ count: s.count, waiters: [...s.waiters] });

/** The mutex model's state word, semaphore, clock, holder, runnext, failure and goroutines. */
export function mutexSnapshot(s: MutexState) {
  return {
    word: s.word,
    sema: sema(s.sema),
    now: s.now,
    holder: s.holder ?? '',
    mustRun: s.runnext ?? '',
    failure: s.failure?.message ?? '',
    gs: s.goroutines.map((g) => ({ id: g.id, ip: g.ip, pc: g.pc, tryLock: [...g.tryLockResults] })),
  };
}

/**
 * The rwmutex model's counters, semaphores, writer lock, failure and goroutines. What a goroutine
 * sleeps on is compared while it is parked; the locks it holds (bookkeeping: Go keeps no owner)
 * only while the program is alive.
 */
export function rwmutexSnapshot(s: RWMutexState) {
  return {
    readerCount: s.readerCount,
    readerWait: s.readerWait,
    readerSem: sema(s.readerSem),
    writerSem: sema(s.writerSem),
    w: { locked: s.w.locked, holder: s.w.holder ?? '', waiters: [...s.w.waiters] },
    failure: s.failure?.message ?? '',
    gs: s.goroutines.map((g) => ({
      id: g.id,
      ip: g.ip,
      pc: g.pc,
      blockedOn: g.pc === 'parked' ? (g.blockedOn ?? '') : '',
      readHeld: s.failure ? 0 : g.readHeld,
      writeHeld: s.failure ? false : g.writeHeld,
    })),
  };
}

/** The snapshot of either model's state. */
export function snapshotOf(state: unknown): object {
  const s = state as MutexState | RWMutexState;
  return s.model === 'mutex' ? mutexSnapshot(s) : rwmutexSnapshot(s);
}
