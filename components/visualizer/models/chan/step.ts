// What every channel-operation handler works on, and the moves they share (finish a statement, die
// with a panic, park, dequeue a sudog, ready a parked goroutine), so each handler reads like its
// lines of src/runtime/chan.go and select.go.

import { failure, say, type Effect, type Narration, type Param, type WaitReason } from '../types.ts';
import type { ChanKey } from './narration-en.ts';
import type { ChanG, ChanState, Hchan, Sudog } from './state.ts';

/** One goroutine's move in progress: the handlers read and update it, stepChan returns it. */
export interface Step {
  /** The whole state; handlers replace it (never mutate it). */
  s: ChanState;
  /** This goroutine; written back last, so its own record wins. */
  g: ChanG;
  n: Narration<ChanKey>[];
  fx: Effect[];
}

/** Appends one narration sentence (its key and facts; narration-en/zh.ts hold the words). */
export function tell(st: Step, key: ChanKey, params: Record<string, Param> = {}): void {
  st.n.push(say(key, params));
}

/** The statement completed: move to the next one. */
export function finish(st: Step): void {
  const ip = st.g.ip + 1;
  st.g = { ...st.g, ip, pc: ip < st.g.program.length ? 'start' : 'done', reason: null, wake: null };
}

/** panic(plainError(message)): the program dies with Go's message (nothing here recovers). */
export function die(st: Step, message: string, key: ChanKey, params: Record<string, Param> = {}): void {
  const f = failure('panic', message, st.g.id);
  st.s = { ...st.s, failure: f };
  st.g = { ...st.g, pc: 'done', reason: null };
  st.fx.push({ kind: 'failure', failure: f });
  tell(st, key, { g: st.g.id, message, ...params });
}

/** gopark with `reason`: the goroutine sleeps until another goroutine readies it (or forever). */
export function park(st: Step, reason: WaitReason): void {
  st.g = { ...st.g, pc: 'parked', reason, wake: null };
  st.fx.push({ kind: 'park', goroutine: st.g.id, reason });
}

/** Replaces channel `c` (by name) in the state. */
export function putChan(st: Step, c: Hchan): void {
  st.s = { ...st.s, chans: st.s.chans.map((x) => (x.name === c.name ? c : x)) };
}

/** The current version of channel `name`. */
export function chan(st: Step, name: string): Hchan {
  const c = st.s.chans.find((x) => x.name === name);
  if (!c) throw new Error(`no channel ${name}`);
  return c;
}

/** Another goroutine's record, changed by `patch`. */
function patchG(st: Step, id: string, patch: Partial<ChanG>): void {
  st.s = { ...st.s, goroutines: st.s.goroutines.map((x) => (x.id === id ? { ...x, ...patch } : x)) };
}

/**
 * waitq.dequeue: take the head sudog. A select's sudog whose goroutine another waker already won
 * (`!sgp.g.selectDone.CompareAndSwap(0, 1)`) is dropped from the queue and the next one is tried.
 */
export function dequeue(st: Step, name: string, q: 'recvq' | 'sendq'): Sudog | null {
  for (;;) {
    const c = chan(st, name);
    const [head, ...rest] = c[q];
    if (!head) return null;
    putChan(st, { ...c, [q]: rest });
    if (!head.select) return head;
    const owner = st.s.goroutines.find((x) => x.id === head.g)!;
    if (owner.selectDone) {
      tell(st, 'chan.dequeue.stale', { g: st.g.id, other: head.g, ch: name, q });
      continue;
    }
    patchG(st, head.g, { selectDone: true });
    return head;
  }
}

/**
 * The waker's half of send/recv/closechan: `gp.param = sg; sg.success = …; goready(gp)`. The
 * goroutine is runnable again and takes its own move to return from gopark.
 */
export function ready(st: Step, sg: Sudog, success: boolean, v: number | null): void {
  patchG(st, sg.g, { pc: 'woken', reason: null, wake: { kase: sg.kase, success, v } });
  st.fx.push({ kind: 'ready', goroutine: sg.g, by: st.g.id, handoff: false });
}

/** A goroutine's record of a value it received. */
export function received(st: Step, ch: string, v: number, ok: boolean): void {
  st.g = { ...st.g, got: [...st.g.got, { ch, v, ok }] };
}
