// sync.Mutex as a step-by-step state machine, following Go 1.24+ src/internal/sync/mutex.go
// (sync.Mutex is `struct{ _ noCopy; mu isync.Mutex }` and delegates to it): Lock, lockSlow, TryLock, Unlock,
// unlockSlow, with the exact state-word arithmetic. Parking uses sema.ts (src/runtime/sema.go).
// Each call is split into the micro-steps a learner can interleave; `locals` mirrors lockSlow's local variables.
// One handler per micro-step, in the order the Go source runs them: the calls (Lock, TryLock, Unlock),
// then lockSlow's loop (loopTop → cas → semacquire → woken), then unlockSlow and the semaphore release.

import { replaceAt, say, usageError, type EnabledEvent, type Failure, type StepResult } from '../types.ts';
import { lock, loopTop, cas, semacquire, tryLock, woken } from './lock.ts';
import type { MutexEvent, MutexGoroutine, MutexOp, MutexPc, MutexState } from './state.ts';
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
  // Another goroutine can only be changed by semrelease (to `woken`); this goroutine's own record wins.
  const self = { ...g, ip: st.ip, pc: st.pc, locals: st.L, tryLockResults: st.tryLockResults };
  const goroutines = replaceAt(st.s.goroutines, index, self);
  return { state: { ...st.s, goroutines }, narration: st.n, effects: st.fx };
}

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
