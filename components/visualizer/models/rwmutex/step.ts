// What every sync.RWMutex micro-step handler works on, and the moves they share (finish a call, park,
// wake, die, acquire), so each handler reads like its lines of sync/rwmutex.go.

import { failure, say, type Effect, type GoroutineId, type Narration, type Param } from '../types.ts';
import type { RWMutexKey } from './narration-en.ts';
import type { RWGoroutine, RWMutexState } from './state.ts';

/** One goroutine's micro-step in progress: the handlers read and update it, stepRWMutex returns it. */
export interface Step {
  /** The whole state; handlers replace it (never mutate it). */
  s: RWMutexState;
  /** This goroutine's record, replaced as the step goes. */
  g: RWGoroutine;
  readonly id: GoroutineId;
  n: Narration<RWMutexKey>[];
  fx: Effect[];
}

/** One micro-step of the algorithm: reads and updates the step in progress. */
export type Handler = (st: Step) => void;

/** Where a goroutine can be parked: the writer mutex w or one of the two semaphores. */
export type Sem = 'w' | 'readerSem' | 'writerSem';

/** The wait reason a goroutine parked there shows in a goroutine dump. */
export const reasonFor = {
  w: 'sync.Mutex.Lock',
  readerSem: 'sync.RWMutex.RLock',
  writerSem: 'sync.RWMutex.Lock',
} as const;

/** Appends one narration sentence (its key and facts; narration-en/zh.ts hold the words) to the step. */
export function tell(st: Step, key: RWMutexKey, params: Record<string, Param> = {}): void {
  st.n.push(say(key, params));
}

/** The call returned: move to the next op of the program. */
export function finish(st: Step, patch: Partial<RWGoroutine> = {}): void {
  const ip = st.g.ip + 1;
  st.g = { ...st.g, ...patch, ip, pc: ip < st.g.program.length ? 'start' : 'done', blockedOn: null };
}

/** gopark on one of the semaphores (or the writer mutex w). */
export function park(st: Step, on: Sem): void {
  st.g = { ...st.g, pc: 'parked', blockedOn: on };
  st.fx.push({ kind: 'park', goroutine: st.id, reason: reasonFor[on] });
}

/** goready: another goroutine becomes runnable and will finish its semacquire. */
export function wake(st: Step, target: GoroutineId, patch: Partial<RWGoroutine>): void {
  st.s = {
    ...st.s,
    goroutines: st.s.goroutines.map((x) => (x.id === target ? { ...x, pc: 'woken', ...patch } : x)),
  };
  st.fx.push({ kind: 'ready', goroutine: target, by: st.id, handoff: false });
}

/** fatal(...): the program dies with Go's message. */
export function die(st: Step, message: string, key: RWMutexKey): void {
  const f = failure('fatal', message, st.id);
  st.s = { ...st.s, failure: f };
  st.g = { ...st.g, pc: 'done' };
  st.fx.push({ kind: 'failure', failure: f });
  tell(st, key, { g: st.id, message });
}

/** RLock returned: race.Acquire(&rw.readerSem), one more read lock held. */
export function readAcquired(st: Step): void {
  st.fx.push({ kind: 'acquire', goroutine: st.id, sync: 'rw.readerSem' }); // race.Acquire(&rw.readerSem)
  finish(st, { readHeld: st.g.readHeld + 1 });
}

/** Lock returned: race.Acquire on both semaphores, the write lock held. */
export function writeAcquired(st: Step): void {
  st.fx.push(
    { kind: 'acquire', goroutine: st.id, sync: 'rw.readerSem' },
    { kind: 'acquire', goroutine: st.id, sync: 'rw.writerSem' },
  );
  finish(st, { writeHeld: true });
}
