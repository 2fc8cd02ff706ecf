// Where a sync.Mutex goroutine is, as its lane shows it: the call and micro-step, blocked or not, what it
// holds, lockSlow's locals while it is inside lockSlow, and who must run before it after a handoff.

import { lanePos, type LanePos, type LockSlowLocals } from '../define.ts';
import { mustRunNext, type MutexGoroutine, type MutexPc, type MutexState } from './state.ts';

/** The micro-steps that are inside lockSlow (parked included: runtime_SemacquireMutex is called from it). */
const IN_LOCK_SLOW: ReadonlySet<MutexPc> = new Set(['loopTop', 'cas', 'semacquire', 'parked', 'woken']);

/**
 * lockSlow's locals for the lane, or null outside lockSlow. Before the queueing CAS, `queueLifo` is what
 * `queueLifo := waitStartTime != 0` will give; from the CAS until the wake-up, it is the value passed to
 * runtime_SemacquireMutex.
 */
export function lockSlowLocals(g: MutexGoroutine): LockSlowLocals | null {
  if (!IN_LOCK_SLOW.has(g.pc)) return null;
  const L = g.locals;
  const queued = g.pc === 'semacquire' || g.pc === 'parked';
  return {
    starving: L.starving,
    waitStartTime: L.waitStartTime,
    awoke: L.awoke,
    iter: L.iter,
    queueLifo: queued ? L.queueLifo : L.waitStartTime !== 0,
  };
}

/** The lane of goroutine `id`, or null if the scenario has no such goroutine. */
export function mutexCursor(m: MutexState, id: string): LanePos | null {
  const g = m.goroutines.find((x) => x.id === id);
  if (!g) return null;
  const parked = g.pc === 'parked';
  const first = mustRunNext(m);
  return lanePos(g.ip, g.pc, {
    status: parked ? 'blocked' : g.pc === 'done' ? 'done' : 'ready',
    reason: parked ? 'sync.Mutex.Lock' : null,
    holds: m.holder === g.id ? [{ lock: 'mu' }] : [],
    lockSlow: lockSlowLocals(g),
    runsAfter: first !== null && first !== g.id && !parked && g.pc !== 'done' ? first : null,
  });
}
