// The lost update: `counter++` is not one operation. It compiles to a load, an add and a store (on amd64 e.g.
// MOVQ counter, AX; INCQ AX; MOVQ AX, counter), so two goroutines can both load the same value and one increment
// is lost. The race detector reports it (`go run -race`: "WARNING: DATA RACE"). Fixes: protect the three steps
// with a sync.Mutex, or use one atomic read-modify-write, atomic.AddInt64 (src/sync/atomic/doc.go; LOCK XADDQ on
// amd64). Levels let the learner pick the interleaving that loses an update.

import {
  replaceAt,
  say,
  teller,
  usageError,
  type EnabledEvent,
  type Effect,
  type GoroutineId,
  type ModelInfo,
  type Narration,
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
    'src/sync/atomic/doc.go: AddInt64',
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

/** Runs one instruction of one goroutine. */
export function stepCounter(state: CounterState, event: CounterEvent): StepResult<CounterState> {
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  if (!found || found.pc === 'done' || found.pc === 'blocked') throw usageError(`${event.g} cannot step`);
  let s = state;
  let g: CounterG = found;
  const id = g.id;
  const n: Narration[] = [];
  const tell = teller(n);
  const fx: Effect[] = [];
  const next = (): void => {
    const remaining = g.remaining - 1;
    g = { ...g, remaining, pc: remaining > 0 ? firstPc(s.variant) : 'done' };
  };
  switch (g.pc) {
    case 'lock':
      if (s.mutex.holder && s.mutex.holder !== id) {
        s = { ...s, mutex: { ...s.mutex, waiters: [...s.mutex.waiters, id] } };
        g = { ...g, pc: 'blocked' };
        fx.push({ kind: 'park', goroutine: id, reason: 'sync.Mutex.Lock' });
        tell('counter.lock.blocked', `${id} blocks in mu.Lock(): ${s.mutex.holder} holds it.`, {
          g: id,
          holder: s.mutex.holder ?? '',
        });
      } else {
        s = { ...s, mutex: { ...s.mutex, holder: id } };
        g = { ...g, pc: 'load' };
        fx.push({ kind: 'acquire', goroutine: id, sync: 'mu' });
        tell('counter.lock', `${id} locks mu.`, { g: id });
      }
      break;
    case 'load':
      g = { ...g, reg: s.counter, pc: 'add' };
      tell('counter.load', `${id} loads counter = ${s.counter} into its register.`, {
        g: id,
        value: s.counter,
      });
      break;
    case 'add':
      g = { ...g, reg: g.reg + 1, pc: 'store' };
      tell('counter.add', `${id} adds 1 in its register: ${g.reg}.`, { g: id, value: g.reg });
      break;
    case 'store': {
      const lost = s.counter >= g.reg;
      s = { ...s, counter: g.reg };
      n.push(
        lost
          ? say(
              'counter.store.lost',
              `${id} stores ${g.reg}, overwriting another goroutine's increment: an update is lost.`,
              { g: id, value: g.reg },
            )
          : say('counter.store', `${id} stores counter = ${g.reg}.`, { g: id, value: g.reg }),
      );
      if (s.variant === 'mutex') g = { ...g, pc: 'unlock' };
      else next();
      break;
    }
    case 'unlock': {
      const woken = s.mutex.waiters;
      s = {
        ...s,
        mutex: { holder: null, waiters: [] },
        goroutines: s.goroutines.map((x) => (woken.includes(x.id) ? { ...x, pc: 'lock' } : x)),
      };
      fx.push({ kind: 'release', goroutine: id, sync: 'mu', merge: false });
      for (const w of woken) fx.push({ kind: 'ready', goroutine: w, by: id, handoff: false });
      tell(
        'counter.unlock',
        `${id} unlocks mu${woken.length ? `; ${woken.join(', ')} may try again` : ''}.`,
        { g: id, woken: woken.join(',') },
      );
      next();
      break;
    }
    default: {
      // atomic.AddInt64: one indivisible read-modify-write.
      s = { ...s, counter: s.counter + 1 };
      fx.push(
        { kind: 'release', goroutine: id, sync: 'counter', merge: true },
        { kind: 'acquire', goroutine: id, sync: 'counter' },
      );
      tell('counter.atomic', `${id} runs atomic.AddInt64(&counter, 1): counter = ${s.counter} in one step.`, {
        g: id,
        value: s.counter,
      });
      next();
    }
  }
  return { state: { ...s, goroutines: replaceAt(s.goroutines, index, g) }, narration: n, effects: fx };
}

/** Goroutines that can run their next instruction. */
export function counterEnabledEvents(state: CounterState): EnabledEvent<CounterEvent>[] {
  return state.goroutines
    .filter((g) => g.pc !== 'done' && g.pc !== 'blocked')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: `${g.id}: ${g.pc}`,
      key: `counter.label.${g.pc}`,
    }));
}

/** All goroutines finished and the counter is below the number of increments: the level's win condition. */
export function lostUpdate(state: CounterState): boolean {
  return state.goroutines.every((g) => g.pc === 'done') && state.counter < state.expected;
}
