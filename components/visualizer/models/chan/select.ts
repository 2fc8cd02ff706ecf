// select, after selectgo in src/runtime/select.go: cases on nil channels are left out of the poll
// order; pass 1 tries each case in pollorder and takes the first that can proceed; with none,
// `default` runs, or pass 2 enqueues a sudog on every channel and parks with "select"; the
// goroutine that completes one case wakes it, and pass 3 (its move after gopark) takes its sudogs
// off the other channels. `select {}` is block(): "select (no cases)", forever.

import { trySend, tryRecv } from './hchan-ops.ts';
import type { ChanOp, SelectCase } from './state.ts';
import { SEND_ON_CLOSED } from './statements.ts';
import { chan, die, finish, park, putChan, received, tell, type Step } from './step.ts';

type SelectOp = Extract<ChanOp, { op: 'select' }>;

/** The case as Go writes it: `ch <- 1` or `<-ch`. */
export function caseText(k: SelectCase): string {
  return k.op === 'send' ? `${k.ch} <- ${k.v}` : `<-${k.ch}`;
}

/** pollorder without the cases on nil channels (selectgo: "Omit cases without channels"). */
export function pollOrder(st: Step, op: SelectOp): number[] {
  const order = op.order ?? op.cases.map((_, i) => i);
  return order.filter((i) => !chan(st, op.cases[i]!.ch).nil);
}

/** Pass 1: the first case in pollorder that can proceed, done; -1 if none (or if it panicked). */
function pass1(st: Step, op: SelectOp, order: number[]): number | 'panicked' {
  for (const i of order) {
    const k = op.cases[i]!;
    if (k.op === 'send') {
      const r = trySend(st, k.ch, k.v);
      if (r === 'closed') {
        die(st, SEND_ON_CLOSED, 'chan.select.sendClosed', { ch: k.ch, kase: caseText(k) });
        return 'panicked';
      }
      if (r === 'done') return i;
    } else {
      const r = tryRecv(st, k.ch);
      if (r) {
        received(st, k.ch, r.v, r.ok);
        return i;
      }
    }
  }
  return -1;
}

/** A select statement's move (pass 1, then default or pass 2 and gopark). */
export function select(st: Step, op: SelectOp): void {
  const id = st.g.id;
  if (op.cases.length === 0 && !op.default) {
    park(st, 'select (no cases)');
    tell(st, 'chan.select.none', { g: id });
    return;
  }
  const order = pollOrder(st, op);
  tell(st, 'chan.select.poll', {
    g: id,
    order: order.map((i) => caseText(op.cases[i]!)).join(', ') || '-',
  });
  const won = pass1(st, op, order);
  if (won === 'panicked') return;
  if (won >= 0) {
    tell(st, 'chan.select.case', { g: id, kase: caseText(op.cases[won]!) });
    return finish(st);
  }
  if (op.default) {
    const drops = order
      .map((i) => op.cases[i]!)
      .filter((k): k is Extract<SelectCase, { op: 'send' }> => k.op === 'send');
    st.s = { ...st.s, dropped: [...st.s.dropped, ...drops.map((k) => ({ g: id, ch: k.ch, v: k.v }))] };
    tell(st, 'chan.select.default', { g: id, dropped: drops.map(caseText).join(', '), nd: drops.length });
    return finish(st);
  }
  // Pass 2: a sudog on every channel (isSelect = true), then gopark(…, waitReasonSelect, …).
  for (const i of order) {
    const k = op.cases[i]!;
    const c = chan(st, k.ch);
    const sg = { g: id, select: true, kase: i, v: k.op === 'send' ? k.v : null };
    putChan(st, k.op === 'send' ? { ...c, sendq: [...c.sendq, sg] } : { ...c, recvq: [...c.recvq, sg] });
  }
  park(st, 'select');
  tell(st, 'chan.select.park', { g: id, n: order.length });
}

/**
 * Pass 3, after gopark: the sudog the waker dequeued is the case that won; the others come off
 * their channels' queues (dequeueSudoG), selectDone is cleared. A send case woken by close panics.
 */
export function wokenSelect(st: Step, op: SelectOp): void {
  const id = st.g.id;
  const w = st.g.wake!;
  const removed: string[] = [];
  for (const c of st.s.chans) {
    const recvq = c.recvq.filter((x) => x.g !== id);
    const sendq = c.sendq.filter((x) => x.g !== id);
    if (recvq.length + sendq.length === c.recvq.length + c.sendq.length) continue;
    removed.push(c.name);
    putChan(st, { ...c, recvq, sendq });
  }
  st.g = { ...st.g, selectDone: false };
  const k = op.cases[w.kase]!;
  tell(st, 'chan.select.woken', {
    g: id,
    kase: caseText(k),
    recv: k.op === 'recv',
    v: w.v ?? 0,
    ok: w.success,
    removed: removed.join(', '),
    nr: removed.length,
  });
  if (k.op === 'send') {
    if (!w.success) return die(st, SEND_ON_CLOSED, 'chan.select.sendClosed', { ch: k.ch, kase: caseText(k) });
    return finish(st);
  }
  received(st, k.ch, w.v ?? 0, w.success);
  finish(st);
}
