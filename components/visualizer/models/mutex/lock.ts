// The Lock side of internal/sync/mutex.go, one handler per micro-step: Lock's fast path, TryLock, and
// lockSlow's loop (spin or compute new → CAS → runtime_SemacquireMutex → woken).

import { cansemacquire } from '../sema.ts';
import { int32 } from '../types.ts';
import {
  activeSpin,
  canSpin,
  mutexLocked,
  mutexStarving,
  mutexWaiterShift,
  mutexWoken,
  noLocals,
  starvationThresholdNs,
} from './state.ts';
import { acquired, die, finish, park, tell, type Handler } from './step.ts';

/** mutex.go Lock: fast path `atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked)`. */
export const lock: Handler = (st) => {
  const id = st.g.id;
  if (st.s.word === 0) {
    st.s = { ...st.s, word: mutexLocked };
    tell(st, 'mutex.fastpath.acquired', { g: id });
    acquired(st);
    return;
  }
  // Slow path: lockSlow starts with waitStartTime=0, starving=false, awoke=false, iter=0, old := m.state.
  st.L = { ...noLocals, old: st.s.word };
  st.pc = 'loopTop';
  tell(st, 'mutex.fastpath.failed', {
    g: id,
    word: st.s.word,
  });
};

/** mutex.go TryLock: fail if old&(mutexLocked|mutexStarving) != 0, else CAS old → old|mutexLocked. */
export const tryLock: Handler = (st) => {
  const id = st.g.id;
  const old = st.s.word;
  const ok = (old & (mutexLocked | mutexStarving)) === 0;
  st.tryLockResults = [...st.tryLockResults, ok];
  if (ok) {
    st.s = { ...st.s, word: old | mutexLocked };
    tell(st, 'mutex.trylock.ok', {
      g: id,
      old,
      word: old | mutexLocked,
    });
    acquired(st);
    return;
  }
  tell(st, 'mutex.trylock.fail', {
    g: id,
    word: old,
    starving: (old & mutexStarving) !== 0,
  });
  finish(st);
};

/** lockSlow loop top: spin while locked (not starving) and canSpin, else compute `new` from `old`. */
export const loopTop: Handler = (st) => {
  const id = st.g.id;
  const L = st.L;
  const spinOk = L.iter < activeSpin && (st.canSpin ?? canSpin(L.iter, st.s.spinEnv));
  if ((L.old & (mutexLocked | mutexStarving)) === mutexLocked && spinOk) {
    // lockSlow: spin; first try to set mutexWoken so Unlock does not wake another waiter.
    let awoke = L.awoke;
    if (!awoke && (L.old & mutexWoken) === 0 && L.old >> mutexWaiterShift !== 0 && st.s.word === L.old) {
      st.s = { ...st.s, word: L.old | mutexWoken };
      awoke = true;
      tell(st, 'mutex.spin.setWoken', { g: id, old: L.old, word: st.s.word });
    }
    st.L = { ...L, awoke, iter: L.iter + 1, old: st.s.word }; // runtime_doSpin(); iter++; old = m.state
    tell(st, 'mutex.spin', { g: id, iter: st.L.iter, word: st.s.word });
    return;
  }
  // lockSlow: compute `new` from `old`.
  const old = L.old;
  let nw = old;
  if ((old & mutexStarving) === 0) nw |= mutexLocked; // don't try to acquire a starving mutex
  if ((old & (mutexLocked | mutexStarving)) !== 0) nw += 1 << mutexWaiterShift; // queue as a waiter
  if (L.starving && (old & mutexLocked) !== 0) nw |= mutexStarving; // switch to starvation mode
  if (L.awoke) {
    if ((nw & mutexWoken) === 0) {
      die(st, 'sync: inconsistent mutex state', 'mutex.throw.inconsistent'); // throw(...)
      return;
    }
    nw &= ~mutexWoken;
  }
  st.L = { ...L, new: int32(nw) };
  st.pc = 'cas';
  tell(st, 'mutex.new.computed', {
    g: id,
    old,
    new: st.L.new,
  });
};

/** lockSlow: `atomic.CompareAndSwapInt32(&m.state, old, new)`. */
export const cas: Handler = (st) => {
  const id = st.g.id;
  const L = st.L;
  if (st.s.word !== L.old) {
    tell(st, 'mutex.cas.failed', {
      g: id,
      word: st.s.word,
    });
    st.L = { ...L, old: st.s.word };
    st.pc = 'loopTop';
    return;
  }
  st.s = { ...st.s, word: L.new };
  if ((L.old & (mutexLocked | mutexStarving)) === 0) {
    tell(st, 'mutex.cas.acquired', {
      g: id,
      old: L.old,
      word: L.new,
    });
    acquired(st);
    return;
  }
  // queueLifo := waitStartTime != 0; if waitStartTime == 0 { waitStartTime = runtime_nanotime() }.
  st.L = { ...L, queueLifo: L.waitStartTime !== 0, waitStartTime: L.waitStartTime || st.s.now };
  st.pc = 'semacquire';
  tell(st, 'mutex.cas.queued', {
    g: id,
    old: L.old,
    word: L.new,
  });
};

/** runtime_SemacquireMutex(&m.sema, queueLifo, 2) → semacquire1: cansemacquire, else queue and gopark. */
export const semacquire: Handler = (st) => {
  const id = st.g.id;
  const got = cansemacquire(st.s.sema);
  if (got) {
    st.s = { ...st.s, sema: got };
    st.L = { ...st.L, ticket: true };
    st.pc = 'woken';
    tell(st, 'mutex.sema.fast', { g: id });
    return;
  }
  park(st);
  tell(st, 'mutex.sema.parked', {
    g: id,
    lifo: st.L.queueLifo,
  });
};

/**
 * Back from runtime_SemacquireMutex. semacquire1's loop first: `if s.ticket != 0 || cansemacquire(addr)
 * { break }`, else queue again and park. Then lockSlow: starving = starving || nanotime()-waitStartTime >
 * starvationThresholdNs; in starvation mode the mutex was handed off (fix up the state word), else loop again.
 */
export const woken: Handler = (st) => {
  const id = st.g.id;
  if (!st.L.ticket) {
    const got = cansemacquire(st.s.sema);
    if (!got) {
      park(st);
      tell(st, 'mutex.sema.repark', {
        g: id,
      });
      return;
    }
    st.s = { ...st.s, sema: got };
  }
  const waited = st.s.now - st.L.waitStartTime;
  const starving = st.L.starving || waited > starvationThresholdNs;
  const old = st.s.word;
  st.L = { ...st.L, ticket: false, starving, old };
  if ((old & mutexStarving) === 0) {
    st.L = { ...st.L, awoke: true, iter: 0 };
    st.pc = 'loopTop';
    tell(st, 'mutex.wake', {
      g: id,
      word: old,
      starving,
      becameStarving: starving && !st.g.locals.starving,
      waited,
    });
    return;
  }
  if ((old & (mutexLocked | mutexWoken)) !== 0 || old >> mutexWaiterShift === 0) {
    die(st, 'sync: inconsistent mutex state', 'mutex.throw.inconsistent');
    return;
  }
  // delta := int32(mutexLocked - 1<<mutexWaiterShift); exit starvation if !starving || last waiter.
  let delta = mutexLocked - (1 << mutexWaiterShift);
  const exit = !starving || old >> mutexWaiterShift === 1;
  if (exit) delta -= mutexStarving;
  st.s = { ...st.s, word: int32(st.s.word + delta) };
  tell(st, 'mutex.handoff.acquired', { g: id, old, delta, word: st.s.word });
  if (exit) tell(st, 'mutex.starvation.exit', { g: id, waited, starving });
  acquired(st);
};
