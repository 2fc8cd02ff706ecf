// The writer side of sync/rwmutex.go, one handler per micro-step: Lock (w, announce, wait for readers)
// and Unlock (give readerCount back, release readers, unlock w).

import { cansemacquire, semaEnqueue, semrelease } from '../sema.ts';
import { int32, type GoroutineId } from '../types.ts';
import { rwmutexMaxReaders } from './state.ts';
import { die, finish, park, tell, wake, writeAcquired, type Handler } from './step.ts';

/** Lock: `rw.w.Lock()` first resolves competition with other writers. */
export const lock: Handler = (st) => {
  const id = st.id;
  if (!st.s.w.locked) {
    st.s = { ...st.s, w: { ...st.s.w, locked: true, holder: id } };
    st.g = { ...st.g, pc: 'lockAnnounce' };
    tell(st, 'rw.lock.w', { g: id });
    return;
  }
  st.s = { ...st.s, w: { ...st.s.w, waiters: [...st.s.w.waiters, id] } };
  park(st, 'w');
  tell(st, 'rw.lock.wBlocked', { g: id, holder: st.s.w.holder ?? '' });
};

/** Lock: `r := rw.readerCount.Add(-rwmutexMaxReaders) + rwmutexMaxReaders` announces the pending writer. */
export const lockAnnounce: Handler = (st) => {
  const id = st.id;
  const v = int32(st.s.readerCount - rwmutexMaxReaders);
  const r = v + rwmutexMaxReaders;
  st.s = { ...st.s, readerCount: v };
  if (r !== 0) {
    st.g = { ...st.g, r, pc: 'lockWait' };
    tell(st, 'rw.lock.announce', { g: id, readerCount: v, r });
    return;
  }
  tell(st, 'rw.lock.acquired', { g: id, readerCount: v });
  writeAcquired(st);
};

/** Lock: `if r != 0 && rw.readerWait.Add(r) != 0 { runtime_SemacquireRWMutex(&rw.writerSem, false, 0) }`. */
export const lockWait: Handler = (st) => {
  const id = st.id;
  const wait = int32(st.s.readerWait + st.g.r);
  st.s = { ...st.s, readerWait: wait };
  if (wait === 0) {
    tell(st, 'rw.lock.readersGone', { g: id, r: st.g.r });
    writeAcquired(st);
    return;
  }
  const got = cansemacquire(st.s.writerSem);
  if (got) {
    st.s = { ...st.s, writerSem: got };
    writeAcquired(st);
    return;
  }
  st.s = { ...st.s, writerSem: semaEnqueue(st.s.writerSem, id, false) };
  park(st, 'writerSem');
  tell(st, 'rw.lock.wait', { g: id, readerWait: wait });
};

/** Unlock: `r := rw.readerCount.Add(rwmutexMaxReaders)`; `if r >= rwmutexMaxReaders { fatal(...) }`. */
export const unlock: Handler = (st) => {
  const id = st.id;
  st.fx.push({ kind: 'release', goroutine: id, sync: 'rw.readerSem', merge: false }); // race.Release(&rw.readerSem)
  const r = int32(st.s.readerCount + rwmutexMaxReaders);
  st.s = { ...st.s, readerCount: r };
  if (r >= rwmutexMaxReaders) {
    die(st, 'sync: Unlock of unlocked RWMutex', 'rw.unlock.fatal');
    return;
  }
  st.g = { ...st.g, r, pc: 'unlockRelease', writeHeld: false };
  tell(st, 'rw.unlock.announce', {
    g: id,
    readerCount: r,
  });
};

/** Unlock: `for i := 0; i < int(r); i++ { runtime_Semrelease(&rw.readerSem, false, 0) }`. */
export const unlockRelease: Handler = (st) => {
  const woken: GoroutineId[] = [];
  for (let i = 0; i < st.g.r; i++) {
    const rel = semrelease(st.s.readerSem, false);
    st.s = { ...st.s, readerSem: rel.sema };
    if (rel.woken) woken.push(rel.woken);
  }
  for (const w of woken) wake(st, w, {});
  st.g = { ...st.g, pc: 'unlockW' };
  tell(st, 'rw.unlock.release', { g: st.id, count: st.g.r, woken: woken.join(',') });
};

/** Unlock: `rw.w.Unlock()` lets the next writer proceed. */
export const unlockW: Handler = (st) => {
  const [next, ...rest] = st.s.w.waiters;
  st.s = {
    ...st.s,
    w: next ? { locked: true, holder: next, waiters: rest } : { locked: false, holder: null, waiters: [] },
  };
  if (next) wake(st, next, { blockedOn: 'w' });
  tell(st, 'rw.unlock.w', {
    g: st.id,
    next: next ?? '',
  });
  finish(st);
};
