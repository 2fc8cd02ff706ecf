// sync.WaitGroup as a state machine, following src/sync/waitgroup.go (Go 1.24): `state atomic.Uint64` holds the
// counter in the high 32 bits and the waiter count in the low 32 bits; `sema` parks waiters
// (runtime_SemacquireWaitGroup → semacquire1 with waitReasonSyncWaitGroupWait, "sync.WaitGroup.Wait"; before
// Go 1.24 dumps showed "semacquire"). Go 1.25 adds WaitGroup.Go and reserves a synctest bubble flag bit in the
// waiter half; neither changes what this model shows. Done is Add(-1).

import { cansemacquire, newSema, semaEnqueue, semrelease, type Sema } from '../sema.ts';
import type { WaitGroupKey } from './narration-en.ts';
import {
  failure,
  replaceAt,
  teller,
  usageError,
  type EnabledEvent,
  type Effect,
  type Failure,
  type GoroutineId,
  type ModelInfo,
  type Narration,
  type Param,
  type StepResult,
} from '../types.ts';

/** One WaitGroup call in a goroutine's program. */
export type WaitGroupOp =
  { kind: 'add'; delta: number } | { kind: 'done' } | { kind: 'wait' } | { kind: 'work' };

/** A goroutine using the WaitGroup. `sem` = about to park; `woken` = readied by the last Done. */
export interface WaitGroupG {
  id: GoroutineId;
  program: WaitGroupOp[];
  ip: number;
  pc: 'start' | 'sem' | 'parked' | 'woken' | 'done';
}

/** The whole scenario. */
export interface WaitGroupState {
  model: 'waitgroup';
  /** High 32 bits of wg.state. */
  counter: number;
  /** Low 32 bits of wg.state. */
  waiters: number;
  sema: Sema;
  goroutines: WaitGroupG[];
  failure: Failure | null;
}

/** Advance one goroutine by one step. */
export type WaitGroupEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const waitGroupInfo: ModelInfo = {
  id: 'waitgroup',
  title: 'sync.WaitGroup',
  goVersions: 'Go 1.24+',
  sources: [
    'src/sync/waitgroup.go: Add, Done, Wait',
    'src/runtime/sema.go: sync_runtime_SemacquireWaitGroup, semrelease1',
  ],
  simplifications: [
    "Add is one step, including its loop of runtime_Semrelease calls; Wait's Load and CompareAndSwap are one step.",
  ],
};

/** A fresh WaitGroup: no waiters, and `counter` from Adds made before any goroutine started (0 by default). */
export function newWaitGroupState(programs: Record<GoroutineId, WaitGroupOp[]>, counter = 0): WaitGroupState {
  return {
    model: 'waitgroup',
    counter,
    waiters: 0,
    sema: newSema(),
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length ? 'start' : 'done',
    })),
    failure: null,
  };
}

/** wg.state as Go stores it: counter << 32 | waiters, in hex. */
export function waitGroupWord(s: WaitGroupState): string {
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return `0x${hex(s.counter)}_${hex(s.waiters)}`;
}

/** One goroutine's step in progress: the handlers read and update it, stepWaitGroup returns it. */
interface Step {
  s: WaitGroupState;
  g: WaitGroupG;
  tell: (key: WaitGroupKey, params: Record<string, Param>) => void;
  fx: Effect[];
}

/** The call returned: move to the next op of the program. */
function finish(st: Step): void {
  const ip = st.g.ip + 1;
  st.g = { ...st.g, ip, pc: ip < st.g.program.length ? 'start' : 'done' };
}

/** panic(...): the program dies with Go's message. */
function die(st: Step, message: string): void {
  const f = failure('panic', message, st.g.id);
  st.s = { ...st.s, failure: f };
  st.g = { ...st.g, pc: 'done' };
  st.fx.push({ kind: 'failure', failure: f });
  st.tell('wg.panic', { g: st.g.id, message });
}

/** waitgroup.go Add (Done is Add(-1)): `state := wg.state.Add(uint64(delta) << 32)`, then its checks. */
function add(st: Step, delta: number, done: boolean): void {
  const id = st.g.id;
  // race.ReleaseMerge(unsafe.Pointer(wg)) when delta < 0: every Done happens before Wait returns.
  if (delta < 0) st.fx.push({ kind: 'release', goroutine: id, sync: 'wg', merge: true });
  // v := int32(state >> 32); w := uint32(state)
  const v = st.s.counter + delta;
  const w = st.s.waiters;
  st.s = { ...st.s, counter: v };
  if (v < 0) die(st, 'sync: negative WaitGroup counter');
  else if (w !== 0 && delta > 0 && v === delta)
    die(st, 'sync: WaitGroup misuse: Add called concurrently with Wait');
  else if (v > 0 || w === 0) {
    st.tell('wg.add', { g: id, delta, done, counter: v, waiters: w });
    finish(st);
  } else {
    releaseWaiters(st, w);
    st.tell('wg.release', { g: id, delta, done, waiters: w });
    finish(st);
  }
}

/** Counter hit 0 with waiters: `wg.state.Store(0)`, then `runtime_Semrelease(&wg.sema, false, 0)` once per waiter. */
function releaseWaiters(st: Step, w: number): void {
  let sema = st.s.sema;
  const woken: GoroutineId[] = [];
  for (let i = 0; i < w; i++) {
    const r = semrelease(sema, false);
    sema = r.sema;
    if (r.woken) woken.push(r.woken);
  }
  st.s = {
    ...st.s,
    waiters: 0,
    sema,
    goroutines: st.s.goroutines.map((x) => (woken.includes(x.id) ? { ...x, pc: 'woken' } : x)),
  };
  for (const x of woken) st.fx.push({ kind: 'ready', goroutine: x, by: st.g.id, handoff: false });
}

/** Wait: `state := wg.state.Load()`; counter 0 returns, else `CompareAndSwap(state, state+1)` adds a waiter. */
function wait(st: Step): void {
  const id = st.g.id;
  if (st.s.counter === 0) {
    st.fx.push({ kind: 'acquire', goroutine: id, sync: 'wg' });
    st.tell('wg.wait.zero', { g: id });
    finish(st);
    return;
  }
  st.s = { ...st.s, waiters: st.s.waiters + 1 };
  st.g = { ...st.g, pc: 'sem' };
  st.tell('wg.wait.register', { g: id, counter: st.s.counter, waiters: st.s.waiters });
}

/** Wait: `runtime_SemacquireWaitGroup(&wg.sema)` → semacquire1: take a count or park. */
function sem(st: Step): void {
  const got = cansemacquire(st.s.sema);
  if (got) {
    st.s = { ...st.s, sema: got };
    st.g = { ...st.g, pc: 'woken' };
    return;
  }
  st.s = { ...st.s, sema: semaEnqueue(st.s.sema, st.g.id, false) };
  st.g = { ...st.g, pc: 'parked' };
  st.fx.push({ kind: 'park', goroutine: st.g.id, reason: 'sync.WaitGroup.Wait' });
  st.tell('wg.wait.park', { g: st.g.id });
}

/**
 * Back from the semaphore: `if wg.state.Load() != 0 { panic("sync: WaitGroup is reused before
 * previous Wait has returned") }`, else race.Acquire(unsafe.Pointer(wg)) and return.
 */
function woken(st: Step): void {
  const got = cansemacquire(st.s.sema);
  if (got) st.s = { ...st.s, sema: got };
  if (st.s.counter !== 0 || st.s.waiters !== 0) {
    die(st, 'sync: WaitGroup is reused before previous Wait has returned');
    return;
  }
  st.fx.push({ kind: 'acquire', goroutine: st.g.id, sync: 'wg' });
  st.tell('wg.wait.return', { g: st.g.id });
  finish(st);
}

/** What a goroutine does next, by its op (and, inside Wait, by where Wait is). */
function handle(st: Step, op: WaitGroupOp): void {
  if (op.kind === 'add') add(st, op.delta, false);
  else if (op.kind === 'done') add(st, -1, true);
  else if (op.kind === 'work') {
    st.tell('wg.work', { g: st.g.id });
    finish(st);
  } else (({ start: wait, sem, woken }) as const)[st.g.pc as 'start' | 'sem' | 'woken'](st);
}

/** Applies one step. */
export function stepWaitGroup(state: WaitGroupState, event: WaitGroupEvent): StepResult<WaitGroupState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  const op = found?.program[found.ip];
  if (!found || !op || found.pc === 'parked' || found.pc === 'done')
    throw usageError(`${event.g} cannot step`);
  const n: Narration<WaitGroupKey>[] = [];
  const st: Step = { s: state, g: found, tell: teller<WaitGroupKey>(n), fx: [] };
  handle(st, op);
  return {
    state: { ...st.s, goroutines: replaceAt(st.s.goroutines, index, st.g) },
    narration: n,
    effects: st.fx,
  };
}

/** The label key of each call a goroutine can make. */
const WG_LABEL: Record<WaitGroupOp['kind'], WaitGroupKey> = {
  add: 'wg.label.add',
  done: 'wg.label.done',
  wait: 'wg.label.wait',
  work: 'wg.label.work',
};

/** Goroutines that can take a step now. */
export function waitGroupEnabledEvents(state: WaitGroupState): EnabledEvent<WaitGroupEvent, WaitGroupKey>[] {
  if (state.failure) return [];
  return state.goroutines
    .filter((g) => g.pc !== 'parked' && g.pc !== 'done')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: { key: WG_LABEL[g.program[g.ip]?.kind ?? 'done'], params: {} },
    }));
}

/** True when every unfinished goroutine is parked (e.g. Wait with a missing Done). */
export function waitGroupIsDeadlocked(state: WaitGroupState): boolean {
  const live = state.goroutines.filter((g) => g.pc !== 'done');
  return !state.failure && live.length > 0 && live.every((g) => g.pc === 'parked');
}
