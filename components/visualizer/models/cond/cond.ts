// sync.Cond as a state machine, following Go 1.26 src/sync/cond.go and the notifyList of src/runtime/sema.go
// (unchanged since Go 1.24 except for Go 1.25's synctest bubble check in the notify functions, which this
// model does not need). Wait is
//   c.checker.check(); t := runtime_notifyListAdd(&c.notify); c.L.Unlock(); runtime_notifyListWait(&c.notify, t); c.L.Lock()
// so a waiter takes its ticket while it still holds L and parks only later. A Signal in between is not lost:
// notifyListNotifyOne advances `notify` past the ticket, and notifyListWait returns at once because
// less(t, l.notify). A Signal with no ticket outstanding (`wait == notify`) returns early and is lost.

import {
  failure,
  replaceAt,
  teller,
  usageError,
  type Effect,
  type Narration,
  type StepResult,
} from '../types.ts';
import { lockOf, unlockOf, UNLOCK_OF_UNLOCKED } from './lock.ts';
import type { CondKey } from './narration-en.ts';
import type { CondG, CondOp, CondState } from './state.ts';

export * from './state.ts';

/** One goroutine's step in progress: the handlers read and update it, stepCond returns it. */
interface Step {
  s: CondState;
  g: CondG;
  readonly op: CondOp;
  tell: (key: CondKey, params?: Record<string, string | number | boolean>) => void;
  fx: Effect[];
}

/** Go's message for q[0] on an empty slice. */
export const EMPTY_INDEX = 'runtime error: index out of range [0] with length 0';

/** Sets another goroutine's fields (the one readied or handed the lock). */
function patchG(st: Step, id: string, patch: (g: CondG) => CondG): void {
  if (id === st.g.id) st.g = patch(st.g);
  else st.s = { ...st.s, goroutines: st.s.goroutines.map((x) => (x.id === id ? patch(x) : x)) };
}

/** The call returned: move to the next op of the program. */
const next = (g: CondG): CondG => {
  const ip = g.ip + 1;
  return { ...g, ip, pc: ip < g.program.length ? 'start' : 'done', ticket: null };
};

/** Wait returned with L held: `for` goes back to its check, `if` and a bare Wait go on. */
function afterWait(g: CondG): CondG {
  const op = g.program[g.ip];
  return op?.kind === 'waitWhileEmpty' && op.loop ? { ...g, pc: 'start', ticket: null } : next(g);
}

/** The fatal error or panic that ends the program. */
function die(st: Step, kind: 'fatal' | 'panic', message: string): void {
  const f = failure(kind, message, st.g.id);
  st.s = { ...st.s, failure: f };
  st.g = { ...st.g, pc: 'done' };
  st.fx.push({ kind: 'failure', failure: f });
  st.tell(kind === 'fatal' ? 'cond.fatal' : 'cond.panic', { g: st.g.id, message });
}

/** c.L.Lock() (a Lock call, or the one at the end of Wait): take L or queue on it. */
function lockL(st: Step, inWait: boolean): void {
  const id = st.g.id;
  const r = lockOf(st.s.L, id);
  st.s = { ...st.s, L: r.lock };
  if (r.got) {
    st.g = inWait ? afterWait(st.g) : next(st.g);
    st.tell(inWait ? 'cond.relock' : 'cond.lock', { g: id, loop: loopOf(st.op) });
    return;
  }
  st.g = { ...st.g, pc: 'parkedL' };
  st.fx.push({ kind: 'park', goroutine: id, reason: 'sync.Mutex.Lock' });
  st.tell('cond.lock.blocked', { g: id, holder: st.s.L.holder ?? '' });
}

/** c.L.Unlock() (an Unlock call, or the one inside Wait): fatal if L is unlocked, else hand it on. */
function unlockL(st: Step, inWait: boolean): void {
  const id = st.g.id;
  const r = unlockOf(st.s.L);
  if (!r) {
    die(st, 'fatal', UNLOCK_OF_UNLOCKED);
    return;
  }
  st.s = { ...st.s, L: r.lock };
  st.g = inWait ? { ...st.g, pc: 'park' } : next(st.g);
  const to = r.handedTo;
  const params = { g: id, to: to ?? '' };
  if (inWait) st.tell(to ? 'cond.wait.unlock.handoff' : 'cond.wait.unlock', params);
  else st.tell(to ? 'cond.unlock.handoff' : 'cond.unlock', params);
  if (!to) return;
  // The head of L's queue now holds L: its Lock returns, or its Wait does (and `for`/`if` decides).
  const waiting = st.s.goroutines.find((x) => x.id === to);
  const toOp = waiting?.program[waiting.ip];
  patchG(st, to, (x) => (toOp?.kind === 'lock' ? next(x) : afterWait(x)));
  st.fx.push({ kind: 'ready', goroutine: to, by: id, handoff: true });
  if (toOp && toOp.kind !== 'lock') st.tell('cond.relock', { g: to, loop: loopOf(toOp) });
}

const loopOf = (op: CondOp): string =>
  op.kind === 'waitWhileEmpty' ? (op.loop ? 'for' : 'if') : op.kind === 'wait' ? 'bare' : 'none';

/** `for n == 0 {` or `if n == 0 {`: enter Wait on an empty state, else go on. */
function check(st: Step): void {
  const loop = loopOf(st.op);
  if (st.s.n === 0) {
    st.g = { ...st.g, pc: 'add' };
    st.tell('cond.check.empty', { g: st.g.id, loop });
  } else {
    st.g = next(st.g);
    st.tell('cond.check.ready', { g: st.g.id, loop, n: st.s.n });
  }
}

/** sema.go notifyListAdd: `return l.wait.Add(1) - 1`, the goroutine's ticket. */
function add(st: Step): void {
  const t = st.s.wait;
  st.s = { ...st.s, wait: t + 1 };
  st.g = { ...st.g, pc: 'unlock', ticket: t };
  st.tell('cond.add', { g: st.g.id, t, wait: t + 1 });
}

/** sema.go notifyListWait: `if less(t, l.notify)` return at once; else join the list and park. */
function park(st: Step): void {
  const id = st.g.id;
  const t = st.g.ticket ?? 0;
  if (t < st.s.notify) {
    st.g = { ...st.g, pc: 'relock' };
    st.tell('cond.park.notified', { g: id, t, notify: st.s.notify });
    return;
  }
  st.s = { ...st.s, list: [...st.s.list, { g: id, ticket: t }] };
  st.g = { ...st.g, pc: 'parkedCond' };
  st.fx.push({ kind: 'park', goroutine: id, reason: 'sync.Cond.Wait' });
  st.tell('cond.park', { g: id, t, notify: st.s.notify });
}

/** sema.go notifyListNotifyOne: lost if `wait == notify`; else notify++ and ready the waiter with ticket t. */
function signal(st: Step): void {
  const id = st.g.id;
  st.g = next(st.g);
  const t = st.s.notify;
  if (st.s.wait === t) {
    st.tell('cond.signal.lost', { g: id, wait: st.s.wait });
    return;
  }
  st.s = { ...st.s, notify: t + 1 };
  const parked = st.s.list.find((w) => w.ticket === t);
  if (!parked) {
    // The ticket's owner took it but has not reached notifyListWait: it will see less(t, notify) there.
    const owner = st.s.goroutines.find((x) => x.ticket === t && x.id !== id)?.id ?? '';
    st.tell('cond.signal.window', { g: id, t, to: owner, notify: t + 1 });
    return;
  }
  st.s = { ...st.s, list: st.s.list.filter((w) => w !== parked) };
  patchG(st, parked.g, (x) => ({ ...x, pc: 'relock' }));
  st.fx.push({ kind: 'ready', goroutine: parked.g, by: id, handoff: false });
  st.tell('cond.signal.wake', { g: id, t, to: parked.g, notify: t + 1 });
}

/** sema.go notifyListNotifyAll: nothing if `wait == notify`; else notify = wait and ready the whole list. */
function broadcast(st: Step): void {
  const id = st.g.id;
  st.g = next(st.g);
  if (st.s.wait === st.s.notify) {
    st.tell('cond.broadcast.none', { g: id, wait: st.s.wait });
    return;
  }
  const woken = st.s.list.map((w) => w.g);
  st.s = { ...st.s, notify: st.s.wait, list: [] };
  for (const w of woken) {
    patchG(st, w, (x) => ({ ...x, pc: 'relock' }));
    st.fx.push({ kind: 'ready', goroutine: w, by: id, handoff: false });
  }
  st.tell('cond.broadcast', {
    g: id,
    woken: woken.join(', ') || '-',
    count: woken.length,
    notify: st.s.wait,
  });
}

/** `q = append(q, x)` (or `ready.Store(true)`) and `x := q[0]; q = q[1:]`. */
function put(st: Step): void {
  st.s = { ...st.s, n: st.s.n + 1 };
  st.g = next(st.g);
  st.tell('cond.put', { g: st.g.id, n: st.s.n });
}
function take(st: Step): void {
  if (st.s.n === 0) {
    die(st, 'panic', EMPTY_INDEX);
    return;
  }
  st.s = { ...st.s, n: st.s.n - 1 };
  st.g = next(st.g);
  st.tell('cond.take', { g: st.g.id, n: st.s.n });
}

/** Ordinary code outside the lock. */
function work(st: Step): void {
  st.g = next(st.g);
  st.tell('cond.work', { g: st.g.id });
}

/** What a goroutine at `start` does for each call. */
const START: Record<CondOp['kind'], (st: Step) => void> = {
  lock: (st) => lockL(st, false),
  unlock: (st) => unlockL(st, false),
  wait: add,
  waitWhileEmpty: check,
  signal,
  broadcast,
  put,
  take,
  work,
};

/** The step a goroutine takes at each runnable pc. */
const HANDLERS: Record<'start' | 'add' | 'unlock' | 'park' | 'relock', (st: Step) => void> = {
  start: (st) => START[st.op.kind](st),
  add,
  unlock: (st) => unlockL(st, true),
  park,
  relock: (st) => lockL(st, true),
};

/** Whether a goroutine can take a step (not parked, not finished). */
export const runnable = (g: CondG): g is CondG & { pc: keyof typeof HANDLERS } => g.pc in HANDLERS;

/** Applies one step. */
export function stepCond(state: CondState, event: { type: 'step'; g: string }): StepResult<CondState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  const op = found?.program[found.ip];
  if (!found || !op || !runnable(found)) throw usageError(`${event.g} cannot step`);
  const n: Narration<CondKey>[] = [];
  const st: Step = { s: state, g: found, op, tell: teller<CondKey>(n), fx: [] };
  HANDLERS[found.pc](st);
  // Handlers may have patched other goroutines in st.s; this one's own record is st.g.
  return {
    state: { ...st.s, goroutines: replaceAt(st.s.goroutines, index, st.g) },
    narration: n,
    effects: st.fx,
  };
}
