// What every sync.Mutex micro-step handler works on, and the moves they share (finish a call,
// acquire, die, park), so each handler reads like its lines of internal/sync/mutex.go.

import { semaEnqueue } from '../sema.ts';
import { failure, say, type Effect, type Narration, type Param } from '../types.ts';
import type { MutexKey } from './narration-en.ts';
import { noLocals, type MutexGoroutine, type MutexLocals, type MutexPc, type MutexState } from './state.ts';

/** One goroutine's micro-step in progress: the handlers read and update it, stepMutex returns it. */
export interface Step {
  /** The whole state; handlers replace it (never mutate it). */
  s: MutexState;
  /** The goroutine as it was before this step. */
  readonly g: MutexGoroutine;
  readonly canSpin: boolean | undefined;
  L: MutexLocals;
  pc: MutexPc;
  ip: number;
  tryLockResults: boolean[];
  n: Narration<MutexKey>[];
  fx: Effect[];
}

/** One micro-step of the algorithm: reads and updates the step in progress. */
export type Handler = (st: Step) => void;

/** Appends one narration sentence (its key and facts; narration-en/zh.ts hold the words) to the step. */
export function tell(st: Step, key: MutexKey, params: Record<string, Param> = {}): void {
  st.n.push(say(key, params));
}

/** The call returned: move to the next op of the program. */
export function finish(st: Step): void {
  st.ip += 1;
  st.pc = st.ip < st.g.program.length ? 'start' : 'done';
  st.L = noLocals;
}

/** Lock (or TryLock) returned holding the mutex. */
export function acquired(st: Step): void {
  st.s = { ...st.s, holder: st.g.id };
  st.fx.push({ kind: 'acquire', goroutine: st.g.id, sync: 'mutex' }); // race.Acquire(unsafe.Pointer(m))
  finish(st);
}

/** fatal(...) / throw(...): the program dies with Go's message. */
export function die(st: Step, message: string, key: MutexKey): void {
  const f = failure('fatal', message, st.g.id);
  st.s = { ...st.s, failure: f };
  tell(st, key, { g: st.g.id, message });
  st.fx.push({ kind: 'failure', failure: f });
  st.pc = 'done';
}

/** queue(...) + gopark: the goroutine sleeps on m.sema with wait reason sync.Mutex.Lock. */
export function park(st: Step): void {
  st.s = { ...st.s, sema: semaEnqueue(st.s.sema, st.g.id, st.L.queueLifo) };
  st.pc = 'parked';
  st.fx.push({ kind: 'park', goroutine: st.g.id, reason: 'sync.Mutex.Lock' });
}
