// sync.RWMutex as a step-by-step state machine, following src/sync/rwmutex.go (Go 1.24+): RLock, RUnlock,
// rUnlockSlow, Lock, Unlock, with readerCount/readerWait as atomic.Int32, rwmutexMaxReaders = 1 << 30,
// and the two runtime semaphores writerSem/readerSem (sema.ts). Writer preference: once a writer subtracts
// rwmutexMaxReaders, readerCount is negative and every new RLock parks — which is why recursive read locking
// and RLock→Lock upgrades deadlock.
// One handler per micro-step, in the order of rwmutex.go: RLock, RUnlock/rUnlockSlow, Lock, Unlock.

import { cansemacquire, semaEnqueue } from '../sema.ts';
import { replaceAt, usageError, type EnabledEvent, type StepResult } from '../types.ts';
import { rlock, rlockSem, runlock, runlockSlow } from './read.ts';
import type { RWMutexKey } from './narration-en.ts';
import type { RWGoroutine, RWMutexEvent, RWMutexState, RWOp, RWPc } from './state.ts';
import { finish, park, readAcquired, tell, writeAcquired, type Handler, type Step } from './step.ts';
import { lock, lockAnnounce, lockWait, unlock, unlockRelease, unlockW } from './write.ts';

export * from './deadlock.ts';
export * from './state.ts';

/** Back from semacquire1 (or from w's handoff): consume the semaphore count and continue. */
const woken: Handler = (st) => {
  const id = st.id;
  const on = st.g.blockedOn;
  if (on === 'w') {
    st.g = { ...st.g, pc: 'lockAnnounce', blockedOn: null };
    tell(st, 'rw.lock.wHandoff', { g: id });
    return;
  }
  if (on === null) throw usageError(`${id} woke without waiting on anything`);
  const sem = on === 'readerSem' ? st.s.readerSem : st.s.writerSem;
  const got = cansemacquire(sem);
  if (!got) {
    // semacquire1's loop: `if s.ticket != 0 || cansemacquire(addr) { break }`, else queue (lifo=false) and
    // gopark again. The count went to someone else; the goroutine stays parked inside RLock/Lock.
    const back = semaEnqueue(sem, id, false);
    st.s = on === 'readerSem' ? { ...st.s, readerSem: back } : { ...st.s, writerSem: back };
    park(st, on);
    tell(st, 'rw.sema.repark', { g: id, sem: on });
    return;
  }
  st.s = on === 'readerSem' ? { ...st.s, readerSem: got } : { ...st.s, writerSem: got };
  tell(st, on === 'readerSem' ? 'rw.woken.readerSem' : 'rw.woken.writerSem', { g: id });
  if (on === 'readerSem') readAcquired(st);
  else writeAcquired(st);
};

/** Ordinary code between calls. */
const work: Handler = (st) => {
  tell(st, 'rw.work', { g: st.id });
  finish(st);
};

/** The calls a program makes (pc `start`). */
const CALLS: Record<RWOp, Handler> = { rlock, runlock, lock, unlock, work };

/** The micro-steps inside the calls, by pc. */
const INSIDE: Partial<Record<RWPc, Handler>> = {
  rlockSem,
  runlockSlow,
  lockAnnounce,
  lockWait,
  woken,
  unlockRelease,
  unlockW,
};

/** Applies one event and returns the new state, narration and effects. */
export function stepRWMutex(state: RWMutexState, event: RWMutexEvent): StepResult<RWMutexState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const g = state.goroutines[index];
  if (!g || g.pc === 'parked' || g.pc === 'done') throw usageError(`${event.g} cannot step now`);
  const op = g.program[g.ip];
  const handler = g.pc === 'start' ? op && CALLS[op] : INSIDE[g.pc];
  if (!handler) throw usageError(`${g.id} has no step at ${g.pc}`);
  const st: Step = { s: state, g, id: g.id, n: [], fx: [] };
  handler(st);
  return {
    state: { ...st.s, goroutines: replaceAt(st.s.goroutines, index, st.g) },
    narration: st.n,
    effects: st.fx,
  };
}

/** The label key of each call (pc `start`) and of each micro-step inside one. */
const CALL_LABEL: Record<RWOp, RWMutexKey> = {
  rlock: 'rw.label.rlock',
  runlock: 'rw.label.runlock',
  lock: 'rw.label.lock',
  unlock: 'rw.label.unlock',
  work: 'rw.label.work',
};
const INSIDE_LABEL: Record<Exclude<RWPc, 'start' | 'parked' | 'done'>, RWMutexKey> = {
  rlockSem: 'rw.label.rlockSem',
  runlockSlow: 'rw.label.runlockSlow',
  lockAnnounce: 'rw.label.lockAnnounce',
  lockWait: 'rw.label.lockWait',
  unlockRelease: 'rw.label.unlockRelease',
  unlockW: 'rw.label.unlockW',
  woken: 'rw.label.woken',
};

/** The micro-steps that can run now. */
export function rwmutexEnabledEvents(state: RWMutexState): EnabledEvent<RWMutexEvent, RWMutexKey>[] {
  if (state.failure) return [];
  return state.goroutines
    .filter(
      (g): g is RWGoroutine & { pc: 'start' | keyof typeof INSIDE_LABEL } =>
        g.pc !== 'parked' && g.pc !== 'done',
    )
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: {
        key: g.pc === 'start' ? CALL_LABEL[g.program[g.ip] ?? 'work'] : INSIDE_LABEL[g.pc],
        params: {},
      },
    }));
}
