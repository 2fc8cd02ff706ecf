// The state of the sync.Mutex model (Go 1.24+ src/internal/sync/mutex.go): the constants, the state
// word, lockSlow's locals per goroutine, the spin inputs, and how a scenario starts. The transitions
// live in mutex.ts.

import { newSema, type Sema } from '../sema.ts';
import { int32, type Failure, type GoroutineId, type ModelInfo } from '../types.ts';

/** internal/sync/mutex.go constants: mutexLocked = 1 << iota, mutexWoken, mutexStarving, mutexWaiterShift = iota. */
export const mutexLocked = 1;
/** Bit 1: a goroutine is awake (spinning or woken) so Unlock need not wake another. */
export const mutexWoken = 2;
/** Bit 2: starvation mode, ownership is handed off FIFO. */
export const mutexStarving = 4;
/** The waiter count lives in state >> 3. */
export const mutexWaiterShift = 3;
/** starvationThresholdNs = 1e6: a waiter blocked longer than 1 ms switches the mutex to starvation mode. */
export const starvationThresholdNs = 1e6;
/**
 * runtime/lock_spinbit.go active_spin = 4: at most 4 spin iterations (each runtime_doSpin is
 * procyield(active_spin_cnt = 30), also in lock_spinbit.go); proc.go's canSpin reads it.
 */
export const activeSpin = 4;

/** One call a goroutine's program makes; `work` is a no-op step (e.g. inside the critical section). */
export type MutexOp = 'lock' | 'unlock' | 'tryLock' | 'work';

/** Where a goroutine is inside the algorithm. `start` = about to begin program[ip]. */
export type MutexPc =
  'start' | 'loopTop' | 'cas' | 'semacquire' | 'parked' | 'woken' | 'unlockSlow' | 'semrelease' | 'done';

/** lockSlow's locals (old, new, iter, awoke, starving, waitStartTime, queueLifo) plus semaphore bookkeeping. */
export interface MutexLocals {
  old: number;
  new: number;
  iter: number;
  awoke: boolean;
  starving: boolean;
  waitStartTime: number;
  queueLifo: boolean;
  /** unlockSlow: whether the pending runtime_Semrelease is the starvation-mode handoff. */
  handoff: boolean;
  /** The semaphore count is already ours (s.ticket from a handoff, or cansemacquire succeeded without parking). */
  ticket: boolean;
}

/** A goroutine with its program of Mutex calls. */
export interface MutexGoroutine {
  id: GoroutineId;
  program: MutexOp[];
  ip: number;
  pc: MutexPc;
  locals: MutexLocals;
  tryLockResults: boolean[];
}

/**
 * Inputs of runtime/proc.go internal_sync_runtime_canSpin (linked as internal/sync.runtime_canSpin); the
 * model has no real CPUs. Go 1.25+ checks numCPUStartup, the CPU count read once at start-up (Go 1.24 reads ncpu; both pinned in source-pins.json).
 */
export interface SpinEnv {
  numCPUStartup: number;
  gomaxprocs: number;
  npidle: number;
  nmspinning: number;
  localRunqEmpty: boolean;
}

/** The whole Mutex scenario: the state word, the semaphore, a logical clock in ns and the goroutines. */
export interface MutexState {
  model: 'mutex';
  /** m.state (int32). */
  word: number;
  /** m.sema and the goroutines parked on it. */
  sema: Sema;
  /** Logical runtime_nanotime(); starts above 0 because lockSlow treats waitStartTime == 0 as "never waited". */
  now: number;
  spinEnv: SpinEnv;
  goroutines: MutexGoroutine[];
  /** Bookkeeping only (Go's Mutex has no owner): who acquired it last and has not unlocked. */
  holder: GoroutineId | null;
  /**
   * The waiter a starvation-mode Unlock handed the mutex to: semrelease1 readies it into the P's runnext
   * (goready → ready(gp, next=true)) and, because s.ticket == 1, calls goyield, so it runs before anyone
   * else on that P. Cleared when it takes its step. Go also sets runnext on a normal-mode wake, but there
   * the releaser keeps running, so only the handoff is recorded here.
   */
  runnext: GoroutineId | null;
  /**
   * A fact about the run, not part of Go's mutex: the starving bit has been set at some step. A level's
   * "starve it, then bring it back" goal reads it, since a predicate sees only the state after the last move.
   */
  starvedOnce: boolean;
  failure: Failure | null;
}

/** Advance one goroutine by one micro-step (optionally overriding canSpin), or advance the clock. */
export type MutexEvent = { type: 'step'; g: GoroutineId; canSpin?: boolean } | { type: 'tick'; ns: number };

/** The state word decoded into its fields. */
export interface MutexWordView {
  word: number;
  locked: boolean;
  woken: boolean;
  starving: boolean;
  waiters: number;
  bits: string;
}

/** Metadata for the UI. */
export const mutexInfo: ModelInfo = {
  id: 'mutex',
  title: 'sync.Mutex',
  goVersions: 'Go 1.24+',
  sources: [
    'src/internal/sync/mutex.go: Lock, lockSlow, TryLock, Unlock, unlockSlow',
    'src/runtime/sema.go: semacquire1, semrelease1, cansemacquire',
    'src/runtime/proc.go: internal_sync_runtime_canSpin, internal_sync_runtime_doSpin, ready (runnext)',
    'src/runtime/lock_spinbit.go: active_spin, active_spin_cnt',
  ],
  simplifications: [
    'Spinning is decided by an explicit input (SpinEnv or the step event), not by real CPUs.',
    'Time only moves on tick events; a spin iteration takes no time.',
    "TryLock's load and CAS happen in one step; Unlock's AddInt32 and its fatal check happen in one step.",
    'The semaphore is a counter plus one FIFO list (no semaRoot treap).',
  ],
};

/** lockSlow's locals before the first iteration (and after a call returns). */
export const noLocals: MutexLocals = {
  old: 0,
  new: 0,
  iter: 0,
  awoke: false,
  starving: false,
  waitStartTime: 0,
  queueLifo: false,
  handoff: false,
  ticket: false,
};

/** A fresh scenario: unlocked mutex, one goroutine per program, single-CPU SpinEnv (no spinning). */
export function newMutexState(
  programs: Record<GoroutineId, MutexOp[]>,
  options: { now?: number; spinEnv?: Partial<SpinEnv> } = {},
): MutexState {
  return {
    model: 'mutex',
    word: 0,
    sema: newSema(),
    now: options.now ?? 1000,
    spinEnv: {
      numCPUStartup: 1,
      gomaxprocs: 1,
      npidle: 0,
      nmspinning: 0,
      localRunqEmpty: true,
      ...options.spinEnv,
    },
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length > 0 ? 'start' : 'done',
      locals: noLocals,
      tryLockResults: [],
    })),
    holder: null,
    runnext: null,
    starvedOnce: false,
    failure: null,
  };
}

/** Decodes a state word: bit0 locked, bit1 woken, bit2 starving, waiters = word >> 3. */
export function describeMutexState(word: number): MutexWordView {
  const w = int32(word);
  return {
    word: w,
    locked: (w & mutexLocked) !== 0,
    woken: (w & mutexWoken) !== 0,
    starving: (w & mutexStarving) !== 0,
    waiters: w >> mutexWaiterShift,
    bits: (w >>> 0).toString(2).padStart(8, '0'),
  };
}

/**
 * The goroutine that must run before any other after a handoff, or null. With one P (GOMAXPROCS=1, the
 * scenarios' default) the unlocker's goyield leaves nothing else to run first; with more Ps, other
 * goroutines may run on the other Ps meanwhile, so nobody is held back.
 */
export function mustRunNext(state: MutexState): GoroutineId | null {
  return state.spinEnv.gomaxprocs <= 1 ? state.runnext : null;
}

/** Whether some goroutine has queued in lockSlow (has a waitStartTime), so time passing can matter to it. */
export function someoneQueued(state: MutexState): boolean {
  return state.goroutines.some((g) => g.locals.waitStartTime !== 0);
}

/**
 * proc.go internal_sync_runtime_canSpin: `i >= active_spin || numCPUStartup <= 1 || gomaxprocs <=
 * sched.npidle+sched.nmspinning+1` → false; then spin only if this P's local run queue is empty.
 */
export function canSpin(iter: number, env: SpinEnv): boolean {
  if (iter >= activeSpin || env.numCPUStartup <= 1 || env.gomaxprocs <= env.npidle + env.nmspinning + 1)
    return false;
  return env.localRunqEmpty;
}
