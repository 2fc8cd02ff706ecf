// sync.Once as a state machine, following Go 1.26 src/sync/once.go:
//   Do:     if !o.done.Load() { o.doSlow(f) }
//   doSlow: o.m.Lock(); defer o.m.Unlock(); if !o.done.Load() { defer o.done.Store(true); f() }
// so a caller that finds done unset waits on o.m until the f that runs returns; done is set by a deferred
// call, so it is set even when f panics (and Do will never run f again); and a Do inside f finds done
// unset and blocks on o.m, which its own goroutine holds: a deadlock.

import {
  failure,
  replaceAt,
  teller,
  usageError,
  type Effect,
  type EnabledEvent,
  type Narration,
  type StepResult,
} from '../types.ts';
import { lockOf, unlockOf } from '../cond/lock.ts';
import type { OnceKey } from './narration-en.ts';
import type { OnceEvent, OnceG, OnceOp, OnceState } from './state.ts';

export * from './state.ts';

/** One goroutine's step in progress. */
interface Step {
  s: OnceState;
  g: OnceG;
  readonly op: OnceOp;
  tell: (key: OnceKey, params?: Record<string, string | number | boolean>) => void;
  fx: Effect[];
}

/** The call returned: move to the next op of the program. */
const next = (g: OnceG): OnceG => {
  const ip = g.ip + 1;
  return { ...g, ip, pc: ip < g.program.length ? 'start' : 'done', fIp: 0, panicking: false };
};

/** The statements of the f this goroutine's Do runs. */
const body = (op: OnceOp): string[] => (op.kind === 'do' ? op.f : []);

/** Do's fast path: `if !o.done.Load()` (Go 1.24: `o.done.Load() == 0`). */
function start(st: Step): void {
  const id = st.g.id;
  if (st.op.kind === 'work') {
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

const message = (op: OnceOp): string => (op.kind === 'do' && op.message) || 'init failed';

/** The deferred `o.done.Store(true)`: runs when f returns and when f panics. */
function store(st: Step): void {
  st.s = { ...st.s, done: 1, runner: null };
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
  if (st.op.kind === 'do' && st.op.recover) {
    st.g = next(st.g);
    st.tell('once.recovered', { g: id, message: message(st.op) });
    return;
  }
  const f = failure('panic', message(st.op), id);
  st.s = { ...st.s, failure: f };
  st.g = { ...st.g, pc: 'done' };
  st.fx.push({ kind: 'failure', failure: f });
  st.tell('once.panic', { g: id, message: f.message });
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
    label: {
      key: g.pc === 'start' && g.program[g.ip]?.kind === 'work' ? 'once.label.work' : LABEL[g.pc],
      params: {},
    },
  }));
}
