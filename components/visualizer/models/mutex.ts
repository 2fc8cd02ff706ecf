// sync.Mutex as a step-by-step state machine, following Go 1.24+ src/internal/sync/mutex.go
// (sync.Mutex is `struct{ _ noCopy; mu isync.Mutex }` and delegates to it): Lock, lockSlow, TryLock, Unlock,
// unlockSlow, with the exact state-word arithmetic. Parking uses sema.ts (src/runtime/sema.go).
// Each call is split into the micro-steps a learner can interleave; `locals` mirrors lockSlow's local variables.

import { cansemacquire, newSema, semaEnqueue, semrelease, type Sema } from './sema.ts';
import {
  failure,
  int32,
  replaceAt,
  say,
  teller,
  usageError,
  type EnabledEvent,
  type Effect,
  type Failure,
  type GoroutineId,
  type ModelInfo,
  type Narration,
  type StepResult,
} from './types.ts';

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
/** runtime/proc.go active_spin = 4: at most 4 spin iterations (each runtime_doSpin = procyield(30)). */
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

/** Inputs of runtime.sync_runtime_canSpin (runtime/proc.go); the model has no real CPUs. */
export interface SpinEnv {
  ncpu: number;
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
    'src/runtime/proc.go: sync_runtime_canSpin, sync_runtime_doSpin',
  ],
  simplifications: [
    'Spinning is decided by an explicit input (SpinEnv or the step event), not by real CPUs.',
    'Time only moves on tick events; a spin iteration takes no time.',
    "TryLock's load and CAS happen in one step; Unlock's AddInt32 and its fatal check happen in one step.",
    'The semaphore is a counter plus one FIFO list (no semaRoot treap).',
  ],
};

const noLocals: MutexLocals = {
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
    spinEnv: { ncpu: 1, gomaxprocs: 1, npidle: 0, nmspinning: 0, localRunqEmpty: true, ...options.spinEnv },
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length > 0 ? 'start' : 'done',
      locals: noLocals,
      tryLockResults: [],
    })),
    holder: null,
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

/** runtime.sync_runtime_canSpin: iter < active_spin, multicore, another running P, empty local runq. */
export function canSpin(iter: number, env: SpinEnv): boolean {
  if (iter >= activeSpin || env.ncpu <= 1 || env.gomaxprocs <= env.npidle + env.nmspinning + 1) return false;
  return env.localRunqEmpty;
}

function fmt(word: number): string {
  const v = describeMutexState(word);
  const flags = [v.locked && 'locked', v.woken && 'woken', v.starving && 'starving']
    .filter(Boolean)
    .join('|');
  return `${v.word} [${flags || 'unlocked'}, waiters=${v.waiters}]`;
}

/** Applies one event. Returns the new state, narration and effects (park/ready/acquire/release/failure). */
export function stepMutex(state: MutexState, event: MutexEvent): StepResult<MutexState> {
  if (event.type === 'tick') {
    const now = state.now + event.ns;
    return {
      state: { ...state, now },
      narration: [say('mutex.tick', `${event.ns} ns pass (clock ${now} ns).`, { ns: event.ns, now })],
      effects: [],
    };
  }
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const g = state.goroutines[index];
  if (!g) throw usageError(`no goroutine ${event.g}`);
  if (g.pc === 'parked' || g.pc === 'done') throw usageError(`${g.id} cannot step (${g.pc})`);
  const self: MutexGoroutine = g;
  const n: Narration[] = [];
  const tell = teller(n);
  const fx: Effect[] = [];
  let s: MutexState = state;
  let L: MutexLocals = g.locals;
  let pc: MutexPc = g.pc;
  let ip = g.ip;
  let tryLockResults = g.tryLockResults;
  const id = g.id;
  const finish = (): void => {
    ip += 1;
    pc = ip < g.program.length ? 'start' : 'done';
    L = noLocals;
  };
  const acquired = (): void => {
    s = { ...s, holder: id };
    fx.push({ kind: 'acquire', goroutine: id, sync: 'mutex' }); // race.Acquire(unsafe.Pointer(m))
    finish();
  };
  const die = (message: string, key: string): void => {
    const f = failure('fatal', message, id);
    s = { ...s, failure: f };
    tell(key, `${id}: ${f.printed}`, { g: id, message });
    fx.push({ kind: 'failure', failure: f });
    pc = 'done';
  };
  const op = g.program[ip];

  if (pc === 'start' && op === 'lock') {
    // mutex.go Lock: fast path `atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked)`.
    if (s.word === 0) {
      s = { ...s, word: mutexLocked };
      tell(
        'mutex.fastpath.acquired',
        `${id} acquires the unlocked mutex with one CompareAndSwap (state 0 → 1).`,
        { g: id },
      );
      acquired();
    } else {
      // Slow path: lockSlow starts with waitStartTime=0, starving=false, awoke=false, iter=0, old := m.state.
      L = { ...noLocals, old: s.word };
      pc = 'loopTop';
      tell(
        'mutex.fastpath.failed',
        `${id}: the fast-path CAS fails (state is ${fmt(s.word)}); it enters lockSlow.`,
        { g: id, word: s.word },
      );
    }
  } else if (pc === 'start' && op === 'tryLock') {
    // mutex.go TryLock: fail if old&(mutexLocked|mutexStarving) != 0, else CAS old → old|mutexLocked.
    const old = s.word;
    const ok = (old & (mutexLocked | mutexStarving)) === 0;
    tryLockResults = [...tryLockResults, ok];
    if (ok) {
      s = { ...s, word: old | mutexLocked };
      tell('mutex.trylock.ok', `${id}: TryLock succeeds (state ${old} → ${old | mutexLocked}).`, {
        g: id,
        old,
        word: old | mutexLocked,
      });
      acquired();
    } else {
      const why = old & mutexStarving ? 'the mutex is in starvation mode' : 'the mutex is locked';
      tell('mutex.trylock.fail', `${id}: TryLock returns false because ${why} (state ${fmt(old)}).`, {
        g: id,
        word: old,
        starving: (old & mutexStarving) !== 0,
      });
      finish();
    }
  } else if (pc === 'start' && op === 'work') {
    tell('mutex.work', `${id} runs one step of ordinary code.`, { g: id });
    finish();
  } else if (pc === 'start' && op === 'unlock') {
    // mutex.go Unlock: `new := atomic.AddInt32(&m.state, -mutexLocked)`; non-zero → unlockSlow(new).
    fx.push({ kind: 'release', goroutine: id, sync: 'mutex', merge: false }); // race.Release(unsafe.Pointer(m))
    const nw = int32(s.word - mutexLocked);
    s = { ...s, word: nw, holder: s.holder === id ? null : s.holder };
    if (nw === 0) {
      tell('mutex.unlock.fast', `${id} unlocks: AddInt32(-1) leaves state 0, nobody to wake.`, { g: id });
      finish();
    } else if (((nw + mutexLocked) & mutexLocked) === 0) {
      // unlockSlow: `if (new+mutexLocked)&mutexLocked == 0 { fatal("sync: unlock of unlocked mutex") }`.
      die('sync: unlock of unlocked mutex', 'mutex.unlock.fatal');
    } else if ((nw & mutexStarving) === 0) {
      L = { ...noLocals, old: nw };
      pc = 'unlockSlow';
      tell(
        'mutex.unlock.slow',
        `${id} unlocks: state is now ${fmt(nw)}, so it enters unlockSlow to maybe wake a waiter.`,
        { g: id, word: nw },
      );
    } else {
      // Starving: `runtime_Semrelease(&m.sema, true, 2)` hands ownership off; mutexLocked stays clear.
      L = { ...noLocals, handoff: true };
      pc = 'semrelease';
      tell(
        'mutex.unlock.starving',
        `${id} unlocks in starvation mode (state ${fmt(nw)}): it will hand the mutex directly to the first waiter.`,
        { g: id, word: nw },
      );
    }
  } else if (pc === 'loopTop') {
    const spinOk = L.iter < activeSpin && (event.canSpin ?? canSpin(L.iter, s.spinEnv));
    if ((L.old & (mutexLocked | mutexStarving)) === mutexLocked && spinOk) {
      // lockSlow: spin; first try to set mutexWoken so Unlock does not wake another waiter.
      let awoke = L.awoke;
      if (!awoke && (L.old & mutexWoken) === 0 && L.old >> mutexWaiterShift !== 0 && s.word === L.old) {
        s = { ...s, word: L.old | mutexWoken };
        awoke = true;
        tell(
          'mutex.spin.setWoken',
          `${id} sets the woken bit (state ${L.old} → ${L.old | mutexWoken}) so Unlock will not wake a sleeper.`,
          { g: id, old: L.old, word: s.word },
        );
      }
      L = { ...L, awoke, iter: L.iter + 1, old: s.word }; // runtime_doSpin(); iter++; old = m.state
      tell(
        'mutex.spin',
        `${id} spins (iteration ${L.iter} of at most ${activeSpin}) and rereads state ${fmt(s.word)}.`,
        { g: id, iter: L.iter, word: s.word },
      );
    } else {
      // lockSlow: compute `new` from `old`.
      const old = L.old;
      let nw = old;
      if ((old & mutexStarving) === 0) nw |= mutexLocked; // don't try to acquire a starving mutex
      if ((old & (mutexLocked | mutexStarving)) !== 0) nw += 1 << mutexWaiterShift; // queue as a waiter
      if (L.starving && (old & mutexLocked) !== 0) nw |= mutexStarving; // switch to starvation mode
      if (L.awoke) {
        if ((nw & mutexWoken) === 0) {
          die('sync: inconsistent mutex state', 'mutex.throw.inconsistent'); // throw(...)
          return done();
        }
        nw &= ~mutexWoken;
      }
      L = { ...L, new: int32(nw) };
      pc = 'cas';
      tell('mutex.new.computed', `${id} computes new = ${fmt(L.new)} from old = ${fmt(old)}.`, {
        g: id,
        old,
        new: L.new,
      });
    }
  } else if (pc === 'cas') {
    // lockSlow: `atomic.CompareAndSwapInt32(&m.state, old, new)`.
    if (s.word !== L.old) {
      tell('mutex.cas.failed', `${id}: CAS fails (state changed to ${fmt(s.word)}); it retries the loop.`, {
        g: id,
        word: s.word,
      });
      L = { ...L, old: s.word };
      pc = 'loopTop';
    } else {
      s = { ...s, word: L.new };
      if ((L.old & (mutexLocked | mutexStarving)) === 0) {
        tell('mutex.cas.acquired', `${id}: CAS state ${L.old} → ${L.new} locks the mutex.`, {
          g: id,
          old: L.old,
          word: L.new,
        });
        acquired();
      } else {
        // queueLifo := waitStartTime != 0; if waitStartTime == 0 { waitStartTime = runtime_nanotime() }.
        L = { ...L, queueLifo: L.waitStartTime !== 0, waitStartTime: L.waitStartTime || s.now };
        pc = 'semacquire';
        tell('mutex.cas.queued', `${id}: CAS state ${L.old} → ${fmt(L.new)} registers it as a waiter.`, {
          g: id,
          old: L.old,
          word: L.new,
        });
      }
    }
  } else if (pc === 'semacquire') {
    // runtime_SemacquireMutex(&m.sema, queueLifo, 2) → semacquire1: cansemacquire, else queue and gopark.
    const got = cansemacquire(s.sema);
    if (got) {
      s = { ...s, sema: got };
      L = { ...L, ticket: true };
      pc = 'woken';
      tell('mutex.sema.fast', `${id} finds the semaphore already released and does not sleep.`, { g: id });
    } else {
      s = { ...s, sema: semaEnqueue(s.sema, id, L.queueLifo) };
      pc = 'parked';
      fx.push({ kind: 'park', goroutine: id, reason: 'sync.Mutex.Lock' });
      const where = L.queueLifo
        ? 'at the front of the queue (LIFO: it was already woken once)'
        : 'at the back of the queue';
      tell('mutex.sema.parked', `${id} parks on m.sema ${where}; its status is waiting [sync.Mutex.Lock].`, {
        g: id,
        lifo: L.queueLifo,
      });
    }
  } else if (pc === 'woken') {
    // semacquire1 loop: `if s.ticket != 0 || cansemacquire(addr) { break }`, otherwise queue again and park.
    if (!L.ticket) {
      const got = cansemacquire(s.sema);
      if (!got) {
        s = { ...s, sema: semaEnqueue(s.sema, id, L.queueLifo) };
        pc = 'parked';
        fx.push({ kind: 'park', goroutine: id, reason: 'sync.Mutex.Lock' });
        tell('mutex.sema.repark', `${id} wakes but the semaphore count is gone; it parks again.`, { g: id });
        return done();
      }
      s = { ...s, sema: got };
    }
    // lockSlow after SemacquireMutex: starving = starving || nanotime()-waitStartTime > starvationThresholdNs.
    const waited = s.now - L.waitStartTime;
    const starving = L.starving || waited > starvationThresholdNs;
    const old = s.word;
    L = { ...L, ticket: false, starving, old };
    if ((old & mutexStarving) !== 0) {
      if ((old & (mutexLocked | mutexWoken)) !== 0 || old >> mutexWaiterShift === 0) {
        die('sync: inconsistent mutex state', 'mutex.throw.inconsistent');
        return done();
      }
      // delta := int32(mutexLocked - 1<<mutexWaiterShift); exit starvation if !starving || last waiter.
      let delta = mutexLocked - (1 << mutexWaiterShift);
      const exit = !starving || old >> mutexWaiterShift === 1;
      if (exit) delta -= mutexStarving;
      s = { ...s, word: int32(s.word + delta) };
      const why = !starving ? `it waited only ${waited} ns (< 1 ms)` : 'it was the last waiter';
      tell(
        'mutex.handoff.acquired',
        `${id} owns the handed-off mutex: AddInt32(${delta}) takes state ${old} → ${fmt(s.word)}.`,
        { g: id, old, delta, word: s.word },
      );
      if (exit)
        tell('mutex.starvation.exit', `${id} switches the mutex back to normal mode because ${why}.`, {
          g: id,
          waited,
        });
      acquired();
    } else {
      L = { ...L, awoke: true, iter: 0 };
      pc = 'loopTop';
      const note =
        starving && !g.locals.starving ? ` It waited ${waited} ns (> 1 ms), so it is now starving.` : '';
      tell(
        'mutex.wake',
        `${id} wakes up (normal mode, state ${fmt(old)}) and must compete for the mutex again.${note}`,
        { g: id, word: old, starving, waited },
      );
    }
  } else if (pc === 'unlockSlow') {
    // unlockSlow loop: no waiters, or someone is already locked/woken/starving → return.
    const old = L.old;
    if (old >> mutexWaiterShift === 0 || (old & (mutexLocked | mutexWoken | mutexStarving)) !== 0) {
      tell('mutex.unlock.noWake', `${id} leaves without waking anyone (state ${fmt(old)}).`, {
        g: id,
        word: old,
      });
      finish();
    } else if (s.word === old) {
      // new = (old - 1<<mutexWaiterShift) | mutexWoken; CAS; then runtime_Semrelease(&m.sema, false, 2).
      const nw = int32((old - (1 << mutexWaiterShift)) | mutexWoken);
      s = { ...s, word: nw };
      L = { ...L, handoff: false };
      pc = 'semrelease';
      tell(
        'mutex.unlock.grabWake',
        `${id} takes the right to wake a waiter: CAS state ${old} → ${fmt(nw)}.`,
        { g: id, old, word: nw },
      );
    } else {
      L = { ...L, old: s.word };
      tell('mutex.unlock.casFailed', `${id}: CAS fails (state is now ${fmt(s.word)}); it looks again.`, {
        g: id,
        word: s.word,
      });
    }
  } else if (pc === 'semrelease') {
    const r = semrelease(s.sema, L.handoff);
    s = { ...s, sema: r.sema };
    if (r.woken !== null) {
      const woken = r.woken;
      s = {
        ...s,
        goroutines: s.goroutines.map((w) =>
          w.id === woken ? { ...w, pc: 'woken', locals: { ...w.locals, ticket: r.ticket } } : w,
        ),
      };
      fx.push({ kind: 'ready', goroutine: woken, by: id, handoff: L.handoff });
      n.push(
        L.handoff
          ? say(
              'mutex.semrelease.handoff',
              `${id} hands the mutex to ${woken} and yields its time slice so ${woken} runs next.`,
              { g: id, woken },
            )
          : say('mutex.semrelease.wake', `${id} wakes ${woken}; ${woken} does not own the mutex yet.`, {
              g: id,
              woken,
            }),
      );
    } else {
      tell('mutex.semrelease.none', `${id} releases the semaphore; nobody is parked yet.`, { g: id });
    }
    finish();
  } else {
    throw usageError(`${id} has no step at ${pc}`);
  }
  return done();

  function done(): StepResult<MutexState> {
    // Another goroutine can only be changed by semrelease (to `woken`); this goroutine's own record wins.
    const goroutines = replaceAt(s.goroutines, index, { ...self, ip, pc, locals: L, tryLockResults });
    return { state: { ...s, goroutines }, narration: n, effects: fx };
  }
}

/** The micro-steps that can run now (one per runnable goroutine), for the "you are the scheduler" UI. */
export function mutexEnabledEvents(state: MutexState): EnabledEvent<MutexEvent>[] {
  if (state.failure) return [];
  return state.goroutines
    .filter((g) => g.pc !== 'parked' && g.pc !== 'done')
    .map((g) => ({ goroutine: g.id, event: { type: 'step', g: g.id }, ...mutexStepLabel(g) }));
}

function mutexStepLabel(g: MutexGoroutine): { label: string; key: string } {
  const op = g.program[g.ip];
  const labels: Record<MutexPc, string> = {
    start:
      op === 'lock'
        ? 'Lock: fast-path CAS'
        : op === 'unlock'
          ? 'Unlock: AddInt32(-1)'
          : op === 'tryLock'
            ? 'TryLock'
            : 'work',
    loopTop: 'lockSlow: spin or compute new state',
    cas: 'lockSlow: CAS old → new',
    semacquire: 'runtime_SemacquireMutex',
    parked: 'parked',
    woken: 'wake up after semacquire',
    unlockSlow: 'unlockSlow: wake a waiter?',
    semrelease: 'runtime_Semrelease',
    done: 'done',
  };
  return { label: `${g.id}: ${labels[g.pc]}`, key: `mutex.label.${g.pc === 'start' ? op : g.pc}` };
}

/** True when every unfinished goroutine is parked on the semaphore (the runtime would report a deadlock). */
export function mutexIsDeadlocked(state: MutexState): boolean {
  const live = state.goroutines.filter((g) => g.pc !== 'done');
  return !state.failure && live.length > 0 && live.every((g) => g.pc === 'parked');
}

/** The fatal error the program died with, if any. */
export function mutexFatal(state: MutexState): Failure | null {
  return state.failure;
}
