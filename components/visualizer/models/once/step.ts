// One goroutine's step in progress, shared by the real Do (once.ts) and the CAS-only Do (cas.ts),
// with the moves both make: return from a call, finish a panic, and use what f sets.

import { failure, type Effect, type Param } from '../types.ts';
import type { OnceKey } from './narration-en.ts';
import type { OnceG, OnceOp, OnceState } from './state.ts';

/** One goroutine's step in progress. */
export interface Step {
  s: OnceState;
  g: OnceG;
  readonly op: OnceOp;
  tell: (key: OnceKey, params?: Record<string, Param>) => void;
  fx: Effect[];
}

/** The call returned: move to the next op of the program. */
export const next = (g: OnceG): OnceG => {
  const ip = g.ip + 1;
  return { ...g, ip, pc: ip < g.program.length ? 'start' : 'done', fIp: 0, panicking: false };
};

/** The statements of the f this goroutine's Do runs. */
export const body = (op: OnceOp): string[] => (op.kind === 'do' ? op.f : []);

/** The value f panics with. */
export const message = (op: OnceOp): string => (op.kind === 'do' && op.message) || 'init failed';

/** f's panic has left Do: the caller's deferred recover() stops it, or it ends the program. */
export function endPanic(st: Step): void {
  const id = st.g.id;
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

/**
 * A `use` op: the goroutine reads what f sets (cfg). Before any f has returned that is a read of an
 * unset value, recorded in `early`: with the real Do it cannot happen after Do returned (unless f panicked).
 */
export function use(st: Step): void {
  const id = st.g.id;
  const name = st.op.kind === 'use' ? st.op.name : '';
  st.g = next(st.g);
  if (st.s.returned) {
    st.tell('once.use', { g: id, name });
    return;
  }
  st.s = { ...st.s, early: [...st.s.early, id] };
  const runner = st.s.runner;
  if (runner) st.tell('once.use.early', { g: id, name, runner });
  else st.tell('once.use.unset', { g: id, name });
}
