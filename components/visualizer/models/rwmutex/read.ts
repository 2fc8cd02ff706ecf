// The reader side of sync/rwmutex.go, one handler per micro-step: RLock (and its readerSem wait),
// RUnlock and rUnlockSlow.

import { cansemacquire, semaEnqueue, semrelease } from '../sema.ts';
import { int32 } from '../types.ts';
import { rwmutexMaxReaders } from './state.ts';
import { die, finish, park, readAcquired, tell, wake, type Handler } from './step.ts';

/** RLock: `if rw.readerCount.Add(1) < 0 { runtime_SemacquireRWMutexR(&rw.readerSem, false, 0) }`. */
export const rlock: Handler = (st) => {
  const id = st.id;
  const v = int32(st.s.readerCount + 1);
  st.s = { ...st.s, readerCount: v };
  if (v < 0) {
    st.g = { ...st.g, pc: 'rlockSem' };
    tell(st, 'rw.rlock.pending', { g: id, readerCount: v });
    return;
  }
  tell(st, 'rw.rlock.ok', { g: id, readerCount: v });
  readAcquired(st);
};

/** runtime_SemacquireRWMutexR(&rw.readerSem, false, 0) → semacquire1: take a count or park. */
export const rlockSem: Handler = (st) => {
  const got = cansemacquire(st.s.readerSem);
  if (got) {
    st.s = { ...st.s, readerSem: got };
    readAcquired(st);
    return;
  }
  st.s = { ...st.s, readerSem: semaEnqueue(st.s.readerSem, st.id, false) };
  park(st, 'readerSem');
  tell(st, 'rw.rlock.parked', {
    g: st.id,
  });
};

/** RUnlock: `if r := rw.readerCount.Add(-1); r < 0 { rw.rUnlockSlow(r) }`. */
export const runlock: Handler = (st) => {
  const id = st.id;
  st.fx.push({ kind: 'release', goroutine: id, sync: 'rw.writerSem', merge: true }); // race.ReleaseMerge(&rw.writerSem)
  const r = int32(st.s.readerCount - 1);
  st.s = { ...st.s, readerCount: r };
  st.g = { ...st.g, r, readHeld: Math.max(0, st.g.readHeld - 1) };
  if (r < 0) {
    st.g = { ...st.g, pc: 'runlockSlow' };
    tell(st, 'rw.runlock.slow', {
      g: id,
      readerCount: r,
    });
    return;
  }
  tell(st, 'rw.runlock.ok', { g: id, readerCount: r });
  finish(st);
};

/** rUnlockSlow: fatal if it was not read-locked; `if rw.readerWait.Add(-1) == 0 { Semrelease(&rw.writerSem) }`. */
export const runlockSlow: Handler = (st) => {
  const id = st.id;
  if (st.g.r + 1 === 0 || st.g.r + 1 === -rwmutexMaxReaders) {
    die(st, 'sync: RUnlock of unlocked RWMutex', 'rw.runlock.fatal');
    return;
  }
  const wait = int32(st.s.readerWait - 1);
  st.s = { ...st.s, readerWait: wait };
  if (wait === 0) {
    // The last reader unblocks the writer: runtime_Semrelease(&rw.writerSem, false, 1).
    const rel = semrelease(st.s.writerSem, false);
    st.s = { ...st.s, writerSem: rel.sema };
    if (rel.woken) wake(st, rel.woken, {});
    tell(st, 'rw.runlock.lastReader', {
      g: id,
      woken: rel.woken ?? '',
    });
  } else {
    tell(st, 'rw.runlock.departing', { g: id, readerWait: wait });
  }
  finish(st);
};
