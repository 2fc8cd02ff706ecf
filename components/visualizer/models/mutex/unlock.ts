// The Unlock side of internal/sync/mutex.go, one handler per micro-step: Unlock's AddInt32, unlockSlow's
// loop, and runtime_Semrelease (src/runtime/sema.go semrelease1, with handoff in starvation mode).

import { semrelease } from '../sema.ts';
import { int32 } from '../types.ts';
import { mutexLocked, mutexStarving, mutexWaiterShift, mutexWoken, noLocals } from './state.ts';
import { die, finish, fmt, tell, type Handler } from './step.ts';

/** mutex.go Unlock: `new := atomic.AddInt32(&m.state, -mutexLocked)`; non-zero → unlockSlow(new). */
export const unlock: Handler = (st) => {
  const id = st.g.id;
  st.fx.push({ kind: 'release', goroutine: id, sync: 'mutex', merge: false }); // race.Release(unsafe.Pointer(m))
  const nw = int32(st.s.word - mutexLocked);
  st.s = { ...st.s, word: nw, holder: st.s.holder === id ? null : st.s.holder };
  if (nw === 0) {
    tell(st, 'mutex.unlock.fast', `${id} unlocks: AddInt32(-1) leaves state 0, nobody to wake.`, { g: id });
    finish(st);
  } else if (((nw + mutexLocked) & mutexLocked) === 0) {
    // unlockSlow: `if (new+mutexLocked)&mutexLocked == 0 { fatal("sync: unlock of unlocked mutex") }`.
    die(st, 'sync: unlock of unlocked mutex', 'mutex.unlock.fatal');
  } else if ((nw & mutexStarving) === 0) {
    st.L = { ...noLocals, old: nw };
    st.pc = 'unlockSlow';
    tell(
      st,
      'mutex.unlock.slow',
      `${id} unlocks: state is now ${fmt(nw)}, so it enters unlockSlow to maybe wake a waiter.`,
      { g: id, word: nw },
    );
  } else {
    // Starving: `runtime_Semrelease(&m.sema, true, 2)` hands ownership off; mutexLocked stays clear.
    st.L = { ...noLocals, handoff: true };
    st.pc = 'semrelease';
    tell(
      st,
      'mutex.unlock.starving',
      `${id} unlocks in starvation mode (state ${fmt(nw)}): it will hand the mutex directly to the first waiter.`,
      { g: id, word: nw },
    );
  }
};

/** unlockSlow loop (normal mode): return if nobody waits or someone is already locked/woken/starving. */
export const unlockSlow: Handler = (st) => {
  const id = st.g.id;
  const old = st.L.old;
  if (old >> mutexWaiterShift === 0 || (old & (mutexLocked | mutexWoken | mutexStarving)) !== 0) {
    tell(st, 'mutex.unlock.noWake', `${id} leaves without waking anyone (state ${fmt(old)}).`, {
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
    tell(
      st,
      'mutex.unlock.grabWake',
      `${id} takes the right to wake a waiter: CAS state ${old} → ${fmt(nw)}.`,
      {
        g: id,
        old,
        word: nw,
      },
    );
  } else {
    st.L = { ...st.L, old: st.s.word };
    tell(st, 'mutex.unlock.casFailed', `${id}: CAS fails (state is now ${fmt(st.s.word)}); it looks again.`, {
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
    tell(st, 'mutex.semrelease.none', `${id} releases the semaphore; nobody is parked yet.`, { g: id });
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
  if (handoff)
    tell(
      st,
      'mutex.semrelease.handoff',
      `${id} hands the mutex to ${w} and yields its time slice so ${w} runs next.`,
      { g: id, woken: w },
    );
  else
    tell(st, 'mutex.semrelease.wake', `${id} wakes ${w}; ${w} does not own the mutex yet.`, {
      g: id,
      woken: w,
    });
  finish(st);
};
