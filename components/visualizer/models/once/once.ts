// sync.Once as a state machine, following Go 1.26 src/sync/once.go:
//   Do:     if !o.done.Load() { o.doSlow(f) }
//   doSlow: o.m.Lock(); defer o.m.Unlock(); if !o.done.Load() { defer o.done.Store(true); f() }
// so a caller that finds done unset waits on o.m until the f that runs returns; done is set by a deferred
// call, so it is set even when f panics (and Do will never run f again); and a Do inside f finds done
// unset and blocks on o.m, which its own goroutine holds: a deadlock. With `impl: 'cas'` Do is instead
// the incorrect CAS-only one that once.go's comment on Do describes (cas.ts).

import {
  replaceAt,
  teller,
  usageError,
  type EnabledEvent,
  type Narration,
  type StepResult,
} from '../types.ts';
import { lockOf, unlockOf } from '../cond/lock.ts';
import { casDo, casF } from './cas.ts';
import type { OnceKey } from './narration-en.ts';
import type { OnceEvent, OnceG, OnceState } from './state.ts';
import { body, endPanic, message, next, use, type Step } from './step.ts';

export * from './state.ts';

/** Do's fast path: `if !o.done.Load()` (Go 1.24: `o.done.Load() == 0`). */
function start(st: Step): void {
  const id = st.g.id;
  if (st.op.kind === 'use') use(st);
  else if (st.op.kind === 'do' && st.s.impl === 'cas') casDo(st);
  else if (st.op.kind === 'work') {
    st.g = next(st.g);
    st.tell('once.work', { g: id });
  } else if (st.s.done) {
    st.g = next(st.g);
    st.tell('once.fast.done', { g: id });
  } else {
    st.g = { ...st.g, pc: 'lock' };
    st.tell('once.fast.slow', { g: id });
  }
}

/** doSlow's `o.m.Lock()`, or a nested Do's: take m or queue on it (its own holder included). */
function lock(st: Step): void {
  const id = st.g.id;
  const nested = st.g.pc === 'nested';
  const r = lockOf(st.s.m, id);
  st.s = { ...st.s, m: r.lock };
  if (r.got) {
    st.g = { ...st.g, pc: 'check' };
    st.tell('once.lock', { g: id });
    return;
  }
  const holder = st.s.m.holder ?? '';
  st.g = { ...st.g, pc: 'parked' };
  st.fx.push({ kind: 'park', goroutine: id, reason: 'sync.Mutex.Lock' });
  if (nested) st.tell('once.nested.blocked', { g: id });
  else st.tell('once.lock.blocked', { g: id, holder });
}

/** doSlow's second `o.done.Load()` under m: run f, or return because another f already ran. */
function check(st: Step): void {
  const id = st.g.id;
  if (st.s.done) {
    st.g = { ...st.g, pc: 'unlock' };
    st.tell('once.check.done', { g: id });
    return;
  }
  st.s = { ...st.s, runner: id };
  st.g = { ...st.g, pc: body(st.op).length ? 'f' : 'store', fIp: 0 };
  st.tell('once.check.run', { g: id });
}

/** One statement of f. */
function runF(st: Step): void {
  if (st.s.impl === 'cas') {
    casF(st);
    return;
  }
  const id = st.g.id;
  const f = body(st.op);
  const stmt = f[st.g.fIp];
  if (stmt === 'panic') {
    st.g = { ...st.g, pc: 'store', panicking: true };
    st.tell('once.f.panic', { g: id, message: message(st.op) });
  } else if (stmt === 'do') {
    st.g = { ...st.g, pc: 'nested' };
    st.tell('once.f.nested', { g: id });
  } else {
    const fIp = st.g.fIp + 1;
    st.g = { ...st.g, fIp, pc: fIp < f.length ? 'f' : 'store' };
    st.tell('once.f.work', { g: id });
  }
}

/** The deferred `o.done.Store(true)`: runs when f returns and when f panics. */
function store(st: Step): void {
  st.s = { ...st.s, done: 1, runner: null, returned: st.s.returned || !st.g.panicking };
  st.g = { ...st.g, pc: 'unlock' };
  st.tell(st.g.panicking ? 'once.store.panic' : 'once.store', { g: st.g.id });
}

/** The deferred `o.m.Unlock()`: hand m to the first queued caller; then return, recover, or die of the panic. */
function unlock(st: Step): void {
  const id = st.g.id;
  const r = unlockOf(st.s.m);
  if (!r) throw usageError(`${id} unlocks o.m without holding it`);
  st.s = { ...st.s, m: r.lock };
  const to = r.handedTo;
  if (to) {
    st.s = { ...st.s, goroutines: st.s.goroutines.map((x) => (x.id === to ? { ...x, pc: 'check' } : x)) };
    st.fx.push({ kind: 'ready', goroutine: to, by: id, handoff: true });
    st.tell('once.unlock.handoff', { g: id, to });
  } else st.tell('once.unlock', { g: id });
  if (!st.g.panicking) {
    st.g = next(st.g);
    return;
  }
  endPanic(st);
}

/** The step a goroutine takes at each runnable pc. */
const HANDLERS = { start, lock, nested: lock, check, f: runF, store, unlock } as const;
type RunnablePc = keyof typeof HANDLERS;
const runnable = (g: OnceG): g is OnceG & { pc: RunnablePc } => g.pc in HANDLERS;

/** Applies one step. */
export function stepOnce(state: OnceState, event: OnceEvent): StepResult<OnceState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  const op = found?.program[found.ip];
  if (!found || !op || !runnable(found)) throw usageError(`${event.g} cannot step`);
  const n: Narration<OnceKey>[] = [];
  const st: Step = { s: state, g: found, op, tell: teller<OnceKey>(n), fx: [] };
  HANDLERS[found.pc](st);
  return {
    state: { ...st.s, goroutines: replaceAt(st.s.goroutines, index, st.g) },
    narration: n,
    effects: st.fx,
  };
}

/** The label of each runnable pc. */
const LABEL: Record<RunnablePc, OnceKey> = {
  start: 'once.label.start',
  lock: 'once.label.lock',
  nested: 'once.label.nested',
  check: 'once.label.check',
  f: 'once.label.f',
  store: 'once.label.store',
  unlock: 'once.label.unlock',
};

/** Goroutines that can take a step now. */
export function onceEnabledEvents(s: OnceState): EnabledEvent<OnceEvent, OnceKey>[] {
  if (s.failure) return [];
  return s.goroutines.filter(runnable).map((g) => ({
    goroutine: g.id,
    event: { type: 'step', g: g.id },
    label: label(s, g),
  }));
}

/** A goroutine's button label: what its next step does (at `start`, which op and which Do). */
function label(s: OnceState, g: OnceG & { pc: RunnablePc }): EnabledEvent<OnceEvent, OnceKey>['label'] {
  const op = g.program[g.ip];
  if (g.pc !== 'start' || op?.kind === 'do')
    return { key: g.pc === 'start' && s.impl === 'cas' ? 'once.label.cas' : LABEL[g.pc], params: {} };
  return op?.kind === 'use'
    ? { key: 'once.label.use', params: { name: op.name } }
    : { key: 'once.label.work', params: {} };
}
