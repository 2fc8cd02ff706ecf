// Channels as a stepped state machine. One move is one channel operation done whole while the
// goroutine holds c.lock (chansend, chanrecv and closechan each lock once; selectgo locks all its
// channels with sellock), so no other goroutine can see it half done: that is why one move per
// operation loses nothing. A goroutine that parks is completed by another goroutine's move (the
// value is copied to or from its stack then) and makes one more move of its own when it runs again
// after gopark. Sources: src/runtime/chan.go, src/runtime/select.go (Go 1.26; unchanged in the
// parts modelled since Go 1.24 apart from the synctest bubble checks, which are left out).

import { usageError, type EnabledEvent, type Narration, type StepResult } from '../types.ts';
import type { ChanKey } from './narration-en.ts';
import { caseText, select, wokenSelect } from './select.ts';
import type { ChanEvent, ChanG, ChanOp, ChanState } from './state.ts';
import { close, recv, send, wokenPlain, work } from './statements.ts';
import type { Step } from './step.ts';

export * from './state.ts';

/** Runs the goroutine's statement, or its return from gopark. */
function run(st: Step, op: ChanOp): void {
  if (st.g.pc === 'woken') {
    if (op.op === 'select') return wokenSelect(st, op);
    if (op.op === 'send' || op.op === 'recv') return wokenPlain(st, op);
    throw usageError(`${st.g.id} was woken at ${op.op}`);
  }
  switch (op.op) {
    case 'send':
      return send(st, op);
    case 'recv':
      return recv(st, op);
    case 'close':
      return close(st, op);
    case 'select':
      return select(st, op);
    case 'work':
      return work(st);
  }
}

/** Applies one event: the goroutine's next move. */
export function stepChan(state: ChanState, event: ChanEvent): StepResult<ChanState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const g = state.goroutines.find((x) => x.id === event.g);
  if (!g) throw usageError(`no goroutine ${event.g}`);
  if (g.pc === 'parked' || g.pc === 'done') throw usageError(`${g.id} cannot step (${g.pc})`);
  const op = g.program[g.ip];
  if (!op) throw usageError(`${g.id} has no statement ${g.ip}`);
  const st: Step = { s: state, g, n: [], fx: [] };
  run(st, op);
  const goroutines = st.s.goroutines.map((x) => (x.id === g.id ? st.g : x));
  return { state: { ...st.s, goroutines }, narration: st.n, effects: st.fx };
}

/** The scheduler button of a goroutine that can run. */
function label(g: ChanG): Narration<ChanKey> {
  const op = g.program[g.ip]!;
  if (g.pc === 'woken') return { key: 'chan.label.woken', params: {} };
  switch (op.op) {
    case 'send':
    case 'recv':
      return { key: 'chan.label.op', params: { code: caseText(op) } };
    case 'close':
      return { key: 'chan.label.op', params: { code: `close(${op.ch})` } };
    case 'select':
      return { key: 'chan.label.select', params: { n: op.cases.length, def: Boolean(op.default) } };
    case 'work':
      return { key: 'chan.label.work', params: {} };
  }
}

/** Goroutines that can take a move now, in lane order. */
export function chanEnabledEvents(state: ChanState): EnabledEvent<ChanEvent, ChanKey>[] {
  if (state.failure) return [];
  return state.goroutines
    .filter((g) => g.pc === 'start' || g.pc === 'woken')
    .map((g) => ({ goroutine: g.id, event: { type: 'step', g: g.id }, label: label(g) }));
}

/**
 * proc.go checkdead: every goroutine that has not finished is parked (none runnable, none readied),
 * so the runtime prints "fatal error: all goroutines are asleep - deadlock!".
 */
export function chanIsDeadlocked(state: ChanState): boolean {
  const live = state.goroutines.filter((g) => g.pc !== 'done');
  return !state.failure && live.length > 0 && live.every((g) => g.pc === 'parked');
}
