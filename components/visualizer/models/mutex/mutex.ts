// sync.Mutex as a step-by-step state machine, following Go 1.24+ src/internal/sync/mutex.go
// (sync.Mutex is `struct{ _ noCopy; mu isync.Mutex }` and delegates to it): Lock, lockSlow, TryLock, Unlock,
// unlockSlow, with the exact state-word arithmetic. Parking uses sema.ts (src/runtime/sema.go).
// Each call is split into the micro-steps a learner can interleave; `locals` mirrors lockSlow's local variables.
// One handler per micro-step, in the order the Go source runs them: the calls (Lock, TryLock, Unlock),
// then lockSlow's loop (loopTop → cas → semacquire → woken), then unlockSlow and the semaphore release.

import {
  replaceAt,
  say,
  usageError,
  type EnabledEvent,
  type Failure,
  type Narration,
  type StepResult,
} from '../types.ts';
import type { MutexKey } from './narration-en.ts';
import { lock, loopTop, cas, semacquire, tryLock, woken } from './lock.ts';
import {
  mustRunNext,
  mutexStarving,
  type MutexEvent,
  type MutexGoroutine,
  type MutexOp,
  type MutexPc,
  type MutexState,
} from './state.ts';
import { finish, tell, type Handler, type Step } from './step.ts';
import { semreleaseStep, unlock, unlockSlow } from './unlock.ts';

export * from './state.ts';

/** Ordinary code between calls (e.g. the critical section). */
const work: Handler = (st) => {
  tell(st, 'mutex.work', { g: st.g.id });
  finish(st);
};

/** The calls a program makes (pc `start`). */
const CALLS: Record<MutexOp, Handler> = { lock, tryLock, unlock, work };

/** The micro-steps inside lockSlow and unlockSlow, by pc. */
const INSIDE: Partial<Record<MutexPc, Handler>> = {
  loopTop,
  cas,
  semacquire,
  woken,
  unlockSlow,
  semrelease: semreleaseStep,
};

/** Applies one event. Returns the new state, narration and effects (park/ready/acquire/release/failure). */
export function stepMutex(state: MutexState, event: MutexEvent): StepResult<MutexState> {
  if (event.type === 'tick') {
    const now = state.now + event.ns;
    return {
      state: { ...state, now },
      narration: [say('mutex.tick', { ns: event.ns, now })],
      effects: [],
    };
  }
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const g = state.goroutines[index];
  if (!g) throw usageError(`no goroutine ${event.g}`);
  if (g.pc === 'parked' || g.pc === 'done') throw usageError(`${g.id} cannot step (${g.pc})`);
  const op = g.program[g.ip];
  const handler = g.pc === 'start' ? op && CALLS[op] : INSIDE[g.pc];
  if (!handler) throw usageError(`${g.id} has no step at ${g.pc}`);
  const first = mustRunNext(state);
  if (first !== null && first !== g.id)
    throw usageError(
      `${g.id} cannot run before ${first}: the handoff put ${first} in runnext and yielded the P`,
    );
  const st: Step = {
    s: state,
    g,
    canSpin: event.canSpin,
    L: g.locals,
    pc: g.pc,
    ip: g.ip,
    tryLockResults: g.tryLockResults,
    n: [],
    fx: [],
  };
  handler(st);
  if (state.runnext === g.id) st.s = { ...st.s, runnext: null }; // it ran: runnext is empty again
  // Another goroutine can only be changed by semrelease (to `woken`); this goroutine's own record wins.
  const self = { ...g, ip: st.ip, pc: st.pc, locals: st.L, tryLockResults: st.tryLockResults };
  const goroutines = replaceAt(st.s.goroutines, index, self);
  const starvedOnce = st.s.starvedOnce || (st.s.word & mutexStarving) !== 0;
  return { state: { ...st.s, goroutines, starvedOnce }, narration: st.n, effects: st.fx };
}

export function mutexEnabledEvents(state: MutexState): EnabledEvent<MutexEvent, MutexKey>[] {
  if (state.failure) return [];
  const first = mustRunNext(state);
  return state.goroutines
    .filter((g): g is Runnable => g.pc !== 'parked' && g.pc !== 'done')
    .filter((g) => first === null || g.id === first)
    .map((g) => ({ goroutine: g.id, event: { type: 'step', g: g.id }, label: mutexStepLabel(g) }));
}

/** The label key of each call (pc `start`) and of each micro-step inside one. */
const CALL_LABEL: Record<MutexOp, MutexKey> = {
  lock: 'mutex.label.lock',
  unlock: 'mutex.label.unlock',
  tryLock: 'mutex.label.tryLock',
  work: 'mutex.label.work',
};
const INSIDE_LABEL: Record<Exclude<MutexPc, 'start' | 'parked' | 'done'>, MutexKey> = {
  loopTop: 'mutex.label.loopTop',
  cas: 'mutex.label.cas',
  semacquire: 'mutex.label.semacquire',
  woken: 'mutex.label.woken',
  unlockSlow: 'mutex.label.unlockSlow',
  semrelease: 'mutex.label.semrelease',
};

/** A goroutine that can step (not parked, not done). */
type Runnable = MutexGoroutine & { pc: 'start' | keyof typeof INSIDE_LABEL };

function mutexStepLabel(g: Runnable): Narration<MutexKey> {
  return { key: g.pc === 'start' ? CALL_LABEL[g.program[g.ip] ?? 'work'] : INSIDE_LABEL[g.pc], params: {} };
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
