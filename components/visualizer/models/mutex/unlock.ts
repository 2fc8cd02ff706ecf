// The Unlock side of internal/sync/mutex.go, one handler per micro-step: Unlock's AddInt32, unlockSlow's
// loop, and runtime_Semrelease (src/runtime/sema.go semrelease1, with handoff in starvation mode).

import { semrelease } from '../sema.ts';
import { int32 } from '../types.ts';
import { mutexLocked, mutexStarving, mutexWaiterShift, mutexWoken, noLocals } from './state.ts';
import { die, finish, tell, type Handler } from './step.ts';

/** mutex.go Unlock: `new := atomic.AddInt32(&m.state, -mutexLocked)`; non-zero → unlockSlow(new). */
export const unlock: Handler = (st) => {
  const id = st.g.id;
  st.fx.push({ kind: 'release', goroutine: id, sync: 'mutex', merge: false }); // race.Release(unsafe.Pointer(m))
  const nw = int32(st.s.word - mutexLocked);
  st.s = { ...st.s, word: nw, holder: st.s.holder === id ? null : st.s.holder };
  if (nw === 0) {
    tell(st, 'mutex.unlock.fast', { g: id });
    finish(st);
  } else if (((nw + mutexLocked) & mutexLocked) === 0) {
    // unlockSlow: `if (new+mutexLocked)&mutexLocked == 0 { fatal("sync: unlock of unlocked mutex") }`.
    die(st, 'sync: unlock of unlocked mutex', 'mutex.unlock.fatal');
  } else if ((nw & mutexStarving) === 0) {
    st.L = { ...noLocals, old: nw };
    st.pc = 'unlockSlow';
    tell(st, 'mutex.unlock.slow', { g: id, word: nw });
  } else {
    // Starving: `runtime_Semrelease(&m.sema, true, 2)` hands ownership off; mutexLocked stays clear.
    st.L = { ...noLocals, handoff: true };
    st.pc = 'semrelease';
    tell(st, 'mutex.unlock.starving', { g: id, word: nw });
  }
};

/** unlockSlow loop (normal mode): return if nobody waits or someone is already locked/woken/starving. */
export const unlockSlow: Handler = (st) => {
  const id = st.g.id;
  const old = st.L.old;
  if (old >> mutexWaiterShift === 0 || (old & (mutexLocked | mutexWoken | mutexStarving)) !== 0) {
    tell(st, 'mutex.unlock.noWake', {
      g: id,
      word: old,
    });
    finish(st);
  } else if (st.s.word === old) {
    // new = (old - 1<<mutexWaiterShift) | mutexWoken; CAS; then runtime_Semrelease(&m.sema, false, 2).
    const nw = int32((old - (1 << mutexWaiterShift)) | mutexWoken);
    st.s = { ...st.s, word: nw };
    st.L = { ...st.L, handoff: false };
    st.pc = 'semrelease';
    tell(st, 'mutex.unlock.grabWake', {
      g: id,
      old,
      word: nw,
    });
  } else {
    st.L = { ...st.L, old: st.s.word };
    tell(st, 'mutex.unlock.casFailed', {
      g: id,
      word: st.s.word,
    });
  }
};

/** runtime_Semrelease(&m.sema, handoff, 2) → semrelease1: wake the first waiter (handoff: and yield to it). */
export const semreleaseStep: Handler = (st) => {
  const id = st.g.id;
  const handoff = st.L.handoff;
  const r = semrelease(st.s.sema, handoff);
  st.s = { ...st.s, sema: r.sema };
  const w = r.woken;
  if (w === null) {
    tell(st, 'mutex.semrelease.none', { g: id });
    finish(st);
    return;
  }
  st.s = {
    ...st.s,
    goroutines: st.s.goroutines.map((x) =>
      x.id === w ? { ...x, pc: 'woken', locals: { ...x.locals, ticket: r.ticket } } : x,
    ),
  };
  st.fx.push({ kind: 'ready', goroutine: w, by: id, handoff });
  // semrelease1: `if s.ticket == 1 { goyield() }`: the woken waiter sits in runnext and runs next.
  if (handoff && r.ticket) st.s = { ...st.s, runnext: w };
  if (handoff)
    tell(st, 'mutex.semrelease.handoff', { g: id, woken: w, singleP: st.s.spinEnv.gomaxprocs <= 1 });
  else
    tell(st, 'mutex.semrelease.wake', {
      g: id,
      woken: w,
    });
  finish(st);
};
