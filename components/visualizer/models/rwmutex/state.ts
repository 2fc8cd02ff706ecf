// The state of the sync.RWMutex model (src/sync/rwmutex.go, Go 1.24+): readerCount/readerWait, the writer
// mutex w, the two semaphores and each goroutine's position. The transitions live in rwmutex.ts.

import { newSema, type Sema } from '../sema.ts';
import type { Failure, GoroutineId, ModelInfo } from '../types.ts';

/** rwmutex.go: const rwmutexMaxReaders = 1 << 30. */
export const rwmutexMaxReaders = 1 << 30;

/** One call in a goroutine's program; `work` is a no-op step. */
export type RWOp = 'rlock' | 'runlock' | 'lock' | 'unlock' | 'work';

/** Where a goroutine is inside the algorithm. */
export type RWPc =
  | 'start'
  | 'rlockSem'
  | 'runlockSlow'
  | 'lockAnnounce'
  | 'lockWait'
  | 'unlockRelease'
  | 'unlockW'
  | 'parked'
  | 'woken'
  | 'done';

/** A goroutine and its program of RWMutex calls. */
export interface RWGoroutine {
  id: GoroutineId;
  program: RWOp[];
  ip: number;
  pc: RWPc;
  /** The local `r` of RUnlock/Lock/Unlock. */
  r: number;
  /** Read locks this goroutine currently holds (bookkeeping; Go does not track owners). */
  readHeld: number;
  writeHeld: boolean;
  blockedOn: 'w' | 'readerSem' | 'writerSem' | null;
}

/** The writer-exclusion Mutex `w`, shown simplified (see mutex.ts for its real algorithm). */
export interface WriterLock {
  locked: boolean;
  holder: GoroutineId | null;
  waiters: GoroutineId[];
}

/** The whole RWMutex scenario. */
export interface RWMutexState {
  model: 'rwmutex';
  readerCount: number;
  readerWait: number;
  w: WriterLock;
  writerSem: Sema;
  readerSem: Sema;
  goroutines: RWGoroutine[];
  failure: Failure | null;
}

/** Advance one goroutine by one micro-step. */
export type RWMutexEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const rwmutexInfo: ModelInfo = {
  id: 'rwmutex',
  title: 'sync.RWMutex',
  goVersions: 'Go 1.24+',
  sources: [
    'src/sync/rwmutex.go: RLock, RUnlock, rUnlockSlow, Lock, Unlock',
    'src/runtime/sema.go: semacquire1, semrelease1',
  ],
  simplifications: [
    'The inner writer Mutex w is a simple lock with a FIFO queue and direct handoff; mutex.ts models its real algorithm.',
    "Unlock's loop of runtime_Semrelease(&rw.readerSem) calls runs as one step.",
    'TryLock/TryRLock are not modelled.',
  ],
};

/** A fresh scenario with one goroutine per program. */
export function newRWMutexState(programs: Record<GoroutineId, RWOp[]>): RWMutexState {
  return {
    model: 'rwmutex',
    readerCount: 0,
    readerWait: 0,
    w: { locked: false, holder: null, waiters: [] },
    writerSem: newSema(),
    readerSem: newSema(),
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length > 0 ? 'start' : 'done',
      r: 0,
      readHeld: 0,
      writeHeld: false,
      blockedOn: null,
    })),
    failure: null,
  };
}

/** readerCount shown as a learner reads it: `2 − 2^30` while a writer is pending. */
export function describeReaderCount(readerCount: number): {
  value: number;
  writerPending: boolean;
  readers: number;
  text: string;
} {
  const writerPending = readerCount < 0;
  const readers = writerPending ? readerCount + rwmutexMaxReaders : readerCount;
  return {
    value: readerCount,
    writerPending,
    readers,
    text: writerPending ? `${readers} − 2^30` : `${readers}`,
  };
}

/** readerCount from a learner's "active readers" and "writer pending" inputs (describeReaderCount's inverse). */
export function readerCountFrom(readers: number, writerPending: boolean): number {
  return readers - (writerPending ? rwmutexMaxReaders : 0);
}
