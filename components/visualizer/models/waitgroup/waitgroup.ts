// sync.WaitGroup as a state machine, following src/sync/waitgroup.go (Go 1.24): `state atomic.Uint64` holds the
// counter in the high 32 bits and the waiter count in the low 32 bits; `sema` parks waiters
// (runtime_SemacquireWaitGroup → semacquire1 with waitReasonSyncWaitGroupWait, "sync.WaitGroup.Wait"; before
// Go 1.24 dumps showed "semacquire"). Go 1.25 adds WaitGroup.Go and reserves a synctest bubble flag bit in the
// waiter half; neither changes what this model shows. Done is Add(-1).

import { cansemacquire, newSema, semaEnqueue, semrelease, type Sema } from '../sema.ts';
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

/** A fresh WaitGroup (counter 0, no waiters). */
export function newWaitGroupState(programs: Record<GoroutineId, WaitGroupOp[]>): WaitGroupState {
  return {
    model: 'waitgroup',
    counter: 0,
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

/** Applies one step. */
export function stepWaitGroup(state: WaitGroupState, event: WaitGroupEvent): StepResult<WaitGroupState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  const op = found?.program[found.ip];
  if (!found || !op || found.pc === 'parked' || found.pc === 'done')
    throw usageError(`${event.g} cannot step`);
  let s = state;
  let g: WaitGroupG = found;
  const id = g.id;
  const n: Narration[] = [];
  const tell = teller(n);
  const fx: Effect[] = [];
  const finish = (): void => {
    const ip = g.ip + 1;
    g = { ...g, ip, pc: ip < g.program.length ? 'start' : 'done' };
  };
  const die = (message: string): void => {
    const f = failure('panic', message, id);
    s = { ...s, failure: f };
    g = { ...g, pc: 'done' };
    fx.push({ kind: 'failure', failure: f });
    tell('wg.panic', `${id}: ${f.printed}`, { g: id, message });
  };

  if (op.kind === 'add' || op.kind === 'done') {
    const delta = op.kind === 'done' ? -1 : op.delta;
    // race.ReleaseMerge(unsafe.Pointer(wg)) when delta < 0: every Done happens before Wait returns.
    if (delta < 0) fx.push({ kind: 'release', goroutine: id, sync: 'wg', merge: true });
    // state := wg.state.Add(uint64(delta) << 32); v := int32(state >> 32); w := uint32(state)
    const v = s.counter + delta;
    const w = s.waiters;
    s = { ...s, counter: v };
    const call = op.kind === 'done' ? 'Done()' : `Add(${delta})`;
    if (v < 0) die('sync: negative WaitGroup counter');
    else if (w !== 0 && delta > 0 && v === delta)
      die('sync: WaitGroup misuse: Add called concurrently with Wait');
    else if (v > 0 || w === 0) {
      tell('wg.add', `${id}: ${call} → counter = ${v}, waiters = ${w}.`, {
        g: id,
        delta,
        counter: v,
        waiters: w,
      });
      finish();
    } else {
      // Counter hit 0 with waiters: wg.state.Store(0), then runtime_Semrelease once per waiter.
      let sema = s.sema;
      const woken: GoroutineId[] = [];
      for (let i = 0; i < w; i++) {
        const r = semrelease(sema, false);
        sema = r.sema;
        if (r.woken) woken.push(r.woken);
      }
      s = {
        ...s,
        waiters: 0,
        sema,
        goroutines: s.goroutines.map((x) => (woken.includes(x.id) ? { ...x, pc: 'woken' } : x)),
      };
      for (const x of woken) fx.push({ kind: 'ready', goroutine: x, by: id, handoff: false });
      tell(
        'wg.release',
        `${id}: ${call} → counter = 0 with ${w} waiter(s): state reset to 0 and ${w} waiter(s) released.`,
        { g: id, waiters: w },
      );
      finish();
    }
  } else if (op.kind === 'work') {
    tell('wg.work', `${id} runs one step of ordinary code.`, { g: id });
    finish();
  } else if (g.pc === 'start') {
    // Wait: state := wg.state.Load(); if v == 0 return; else CompareAndSwap(state, state+1) adds a waiter.
    if (s.counter === 0) {
      fx.push({ kind: 'acquire', goroutine: id, sync: 'wg' });
      tell('wg.wait.zero', `${id}: Wait sees counter = 0 and returns at once.`, { g: id });
      finish();
    } else {
      s = { ...s, waiters: s.waiters + 1 };
      g = { ...g, pc: 'sem' };
      tell(
        'wg.wait.register',
        `${id}: Wait sees counter = ${s.counter} and registers as waiter ${s.waiters}.`,
        { g: id, counter: s.counter, waiters: s.waiters },
      );
    }
  } else if (g.pc === 'sem') {
    const got = cansemacquire(s.sema);
    if (got) {
      s = { ...s, sema: got };
      g = { ...g, pc: 'woken' };
    } else {
      s = { ...s, sema: semaEnqueue(s.sema, id, false) };
      g = { ...g, pc: 'parked' };
      fx.push({ kind: 'park', goroutine: id, reason: 'sync.WaitGroup.Wait' });
      tell('wg.wait.park', `${id} parks [sync.WaitGroup.Wait].`, { g: id });
    }
  } else {
    // Back from the semaphore: `if wg.state.Load() != 0 { panic("sync: WaitGroup is reused before previous Wait has returned") }`.
    const got = cansemacquire(s.sema);
    if (got) s = { ...s, sema: got };
    if (s.counter !== 0 || s.waiters !== 0)
      die('sync: WaitGroup is reused before previous Wait has returned');
    else {
      fx.push({ kind: 'acquire', goroutine: id, sync: 'wg' }); // race.Acquire(unsafe.Pointer(wg))
      tell('wg.wait.return', `${id}: Wait returns; everything before each Done happens before this point.`, {
        g: id,
      });
      finish();
    }
  }
  return { state: { ...s, goroutines: replaceAt(s.goroutines, index, g) }, narration: n, effects: fx };
}

/** Goroutines that can take a step now. */
export function waitGroupEnabledEvents(state: WaitGroupState): EnabledEvent<WaitGroupEvent>[] {
  if (state.failure) return [];
  return state.goroutines
    .filter((g) => g.pc !== 'parked' && g.pc !== 'done')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: `${g.id}: ${g.program[g.ip]?.kind ?? ''}`,
      key: `wg.label.${g.program[g.ip]?.kind ?? 'done'}`,
    }));
}

/** True when every unfinished goroutine is parked (e.g. Wait with a missing Done). */
export function waitGroupIsDeadlocked(state: WaitGroupState): boolean {
  const live = state.goroutines.filter((g) => g.pc !== 'done');
  return !state.failure && live.length > 0 && live.every((g) => g.pc === 'parked');
}
