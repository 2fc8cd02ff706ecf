// The lost update: `counter++` is not one operation. It compiles to a load, an add and a store (on amd64 e.g.
// MOVQ counter, AX; INCQ AX; MOVQ AX, counter), so two goroutines can both load the same value and one increment
// is lost. The race detector reports it (`go run -race`: "WARNING: DATA RACE"). Fixes: protect the three steps
// with a sync.Mutex, or use one atomic read-modify-write, atomic.AddInt64 (declared in src/sync/atomic/doc_64.go
// in Go 1.26; LOCK XADDQ on amd64). Levels let the learner pick the interleaving that loses an update.

import type { CounterKey } from './narration-en.ts';
import {
  replaceAt,
  teller,
  usageError,
  type EnabledEvent,
  type Effect,
  type GoroutineId,
  type ModelInfo,
  type Narration,
  type Param,
  type StepResult,
} from '../types.ts';

/** `racy`: counter++; `mutex`: mu.Lock(); counter++; mu.Unlock(); `atomic`: atomic.AddInt64(&counter, 1). */
export type CounterVariant = 'racy' | 'mutex' | 'atomic';

/** Where a goroutine is in its current increment. */
export type CounterPc = 'lock' | 'load' | 'add' | 'store' | 'unlock' | 'atomicAdd' | 'blocked' | 'done';

/** One incrementing goroutine with its private register. */
export interface CounterG {
  id: GoroutineId;
  remaining: number;
  pc: CounterPc;
  reg: number;
}

/** The whole scenario. */
export interface CounterState {
  model: 'counter';
  variant: CounterVariant;
  counter: number;
  expected: number;
  goroutines: CounterG[];
  /** The mutex of the `mutex` variant, simplified (see mutex.ts for the real algorithm). */
  mutex: { holder: GoroutineId | null; waiters: GoroutineId[] };
}

/** Advance one goroutine by one instruction. */
export type CounterEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const counterInfo: ModelInfo = {
  id: 'counter',
  title: 'Lost update on counter++',
  goVersions: 'any',
  sources: [
    'Go memory model (go.dev/ref/mem)',
    'src/sync/atomic/doc_64.go (Go 1.26): AddInt64',
    'src/internal/sync/mutex.go',
  ],
  simplifications: ['The mutex variant uses a simple lock; a blocked goroutine retries Lock after Unlock.'],
};

const firstPc = (v: CounterVariant): CounterPc =>
  v === 'racy' ? 'load' : v === 'mutex' ? 'lock' : 'atomicAdd';

/** A scenario: `goroutines` goroutines each incrementing `iterations` times. */
export function newCounterState(variant: CounterVariant, goroutines = 2, iterations = 1): CounterState {
  return {
    model: 'counter',
    variant,
    counter: 0,
    expected: goroutines * iterations,
    goroutines: Array.from({ length: goroutines }, (_, i) => ({
      id: `G${i + 1}`,
      remaining: iterations,
      pc: iterations > 0 ? firstPc(variant) : 'done',
      reg: 0,
    })),
    mutex: { holder: null, waiters: [] },
  };
}

/** One goroutine's instruction in progress: the handlers read and update it, stepCounter returns it. */
interface Step {
  s: CounterState;
  g: CounterG;
  tell: (key: CounterKey, params: Record<string, Param>) => void;
  fx: Effect[];
}

/** The increment is complete: start the next one, or finish. */
function next(st: Step): void {
  const remaining = st.g.remaining - 1;
  st.g = { ...st.g, remaining, pc: remaining > 0 ? firstPc(st.s.variant) : 'done' };
}

/** mu.Lock(): take the free mutex, or wait for its holder (simplified; see ../mutex for the real one). */
function lock(st: Step): void {
  const id = st.g.id;
  const holder = st.s.mutex.holder;
  if (holder && holder !== id) {
    st.s = { ...st.s, mutex: { ...st.s.mutex, waiters: [...st.s.mutex.waiters, id] } };
    st.g = { ...st.g, pc: 'blocked' };
    st.fx.push({ kind: 'park', goroutine: id, reason: 'sync.Mutex.Lock' });
    st.tell('counter.lock.blocked', { g: id, holder });
    return;
  }
  st.s = { ...st.s, mutex: { ...st.s.mutex, holder: id } };
  st.g = { ...st.g, pc: 'load' };
  st.fx.push({ kind: 'acquire', goroutine: id, sync: 'mu' });
  st.tell('counter.lock', { g: id });
}

/** MOVQ counter, AX: the shared value goes into the goroutine's register. */
function load(st: Step): void {
  st.g = { ...st.g, reg: st.s.counter, pc: 'add' };
  st.tell('counter.load', { g: st.g.id, value: st.s.counter });
}

/** INCQ AX: only the register changes. */
function add(st: Step): void {
  st.g = { ...st.g, reg: st.g.reg + 1, pc: 'store' };
  st.tell('counter.add', { g: st.g.id, value: st.g.reg });
}

/** MOVQ AX, counter: the register overwrites whatever the counter holds now. */
function store(st: Step): void {
  const lost = st.s.counter >= st.g.reg;
  st.s = { ...st.s, counter: st.g.reg };
  st.tell(lost ? 'counter.store.lost' : 'counter.store', { g: st.g.id, value: st.g.reg });
  if (st.s.variant === 'mutex') st.g = { ...st.g, pc: 'unlock' };
  else next(st);
}

/** mu.Unlock(): the mutex is free and every waiter may try Lock again. */
function unlock(st: Step): void {
  const id = st.g.id;
  const woken = st.s.mutex.waiters;
  st.s = {
    ...st.s,
    mutex: { holder: null, waiters: [] },
    goroutines: st.s.goroutines.map((x) => (woken.includes(x.id) ? { ...x, pc: 'lock' } : x)),
  };
  st.fx.push({ kind: 'release', goroutine: id, sync: 'mu', merge: false });
  for (const w of woken) st.fx.push({ kind: 'ready', goroutine: w, by: id, handoff: false });
  st.tell('counter.unlock', { g: id, woken: woken.join(',') });
  next(st);
}

/** atomic.AddInt64(&counter, 1): one indivisible read-modify-write (LOCK XADDQ on amd64). */
function atomicAdd(st: Step): void {
  st.s = { ...st.s, counter: st.s.counter + 1 };
  st.fx.push(
    { kind: 'release', goroutine: st.g.id, sync: 'counter', merge: true },
    { kind: 'acquire', goroutine: st.g.id, sync: 'counter' },
  );
  st.tell('counter.atomic', { g: st.g.id, value: st.s.counter });
  next(st);
}

/** Each instruction a goroutine can be at (blocked and done cannot step). */
const handlers: Record<Exclude<CounterPc, 'blocked' | 'done'>, (st: Step) => void> = {
  lock,
  load,
  add,
  store,
  unlock,
  atomicAdd,
};

/** Runs one instruction of one goroutine. */
export function stepCounter(state: CounterState, event: CounterEvent): StepResult<CounterState> {
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  if (!found || found.pc === 'done' || found.pc === 'blocked') throw usageError(`${event.g} cannot step`);
  const n: Narration<CounterKey>[] = [];
  const st: Step = { s: state, g: found, tell: teller<CounterKey>(n), fx: [] };
  handlers[found.pc](st);
  return {
    state: { ...st.s, goroutines: replaceAt(st.s.goroutines, index, st.g) },
    narration: n,
    effects: st.fx,
  };
}

type Runnable = Exclude<CounterPc, 'done' | 'blocked'>;
/** The label key of each instruction a goroutine can run. */
const COUNTER_LABEL: Record<Runnable, CounterKey> = {
  lock: 'counter.label.lock',
  load: 'counter.label.load',
  add: 'counter.label.add',
  store: 'counter.label.store',
  unlock: 'counter.label.unlock',
  atomicAdd: 'counter.label.atomicAdd',
};

/** Goroutines that can run their next instruction. */
export function counterEnabledEvents(state: CounterState): EnabledEvent<CounterEvent, CounterKey>[] {
  return state.goroutines
    .filter((g): g is CounterG & { pc: Runnable } => g.pc !== 'done' && g.pc !== 'blocked')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: { key: COUNTER_LABEL[g.pc], params: {} },
    }));
}

/** All goroutines finished and the counter is below the number of increments: the level's win condition. */
export function lostUpdate(state: CounterState): boolean {
  return state.goroutines.every((g) => g.pc === 'done') && state.counter < state.expected;
}
