// The plain statements, one handler each: `ch <- v` (chansend), `v, ok := <-ch` (chanrecv),
// `close(ch)` (closechan) from src/runtime/chan.go, ordinary code, and the move a parked goroutine
// makes once another readied it (the code after gopark in chansend and chanrecv).

import { trySend, tryRecv } from './hchan-ops.ts';
import type { ChanOp } from './state.ts';
import { chan, dequeue, die, finish, park, putChan, ready, received, tell, type Step } from './step.ts';

/** The message chansend and selectgo panic with. */
export const SEND_ON_CLOSED = 'send on closed channel';
export const CLOSE_OF_CLOSED = 'close of closed channel';
export const CLOSE_OF_NIL = 'close of nil channel';

type Op<K extends ChanOp['op']> = Extract<ChanOp, { op: K }>;

/** chansend: nil blocks forever; closed panics; else trySend, or enqueue on sendq and park. */
export function send(st: Step, op: Op<'send'>): void {
  const id = st.g.id;
  if (chan(st, op.ch).nil) {
    park(st, 'chan send (nil chan)');
    tell(st, 'chan.send.nil', { g: id, ch: op.ch });
    return;
  }
  const r = trySend(st, op.ch, op.v);
  if (r === 'closed') return die(st, SEND_ON_CLOSED, 'chan.send.closed', { ch: op.ch });
  if (r === 'done') return finish(st);
  const c = chan(st, op.ch);
  putChan(st, { ...c, sendq: [...c.sendq, { g: id, select: false, kase: -1, v: op.v }] });
  park(st, 'chan send');
  tell(st, 'chan.send.park', { g: id, ch: op.ch, v: op.v, full: c.dataqsiz > 0 });
}

/** chanrecv: nil blocks forever; else tryRecv, or enqueue on recvq and park. */
export function recv(st: Step, op: Op<'recv'>): void {
  const id = st.g.id;
  if (chan(st, op.ch).nil) {
    park(st, 'chan receive (nil chan)');
    tell(st, 'chan.recv.nil', { g: id, ch: op.ch });
    return;
  }
  const r = tryRecv(st, op.ch);
  if (r) {
    received(st, op.ch, r.v, r.ok);
    return finish(st);
  }
  const c = chan(st, op.ch);
  putChan(st, { ...c, recvq: [...c.recvq, { g: id, select: false, kase: -1, v: null }] });
  park(st, 'chan receive');
  tell(st, 'chan.recv.park', { g: id, ch: op.ch });
}

/**
 * closechan: nil and already-closed channels panic; else closed = 1, every parked receiver gets the
 * zero value with ok=false and every parked sender is readied to panic (sg.success = false).
 */
export function close(st: Step, op: Op<'close'>): void {
  const id = st.g.id;
  const c = chan(st, op.ch);
  if (c.nil) return die(st, CLOSE_OF_NIL, 'chan.close.nil', { ch: op.ch });
  if (c.closed) return die(st, CLOSE_OF_CLOSED, 'chan.close.closed', { ch: op.ch });
  putChan(st, { ...c, closed: true });
  const receivers: string[] = [];
  const senders: string[] = [];
  for (let sg = dequeue(st, op.ch, 'recvq'); sg; sg = dequeue(st, op.ch, 'recvq')) {
    ready(st, sg, false, 0);
    receivers.push(sg.g);
  }
  for (let sg = dequeue(st, op.ch, 'sendq'); sg; sg = dequeue(st, op.ch, 'sendq')) {
    ready(st, sg, false, null);
    senders.push(sg.g);
  }
  tell(st, 'chan.close', {
    g: id,
    ch: op.ch,
    receivers: receivers.join(', '),
    senders: senders.join(', '),
    nr: receivers.length,
    ns: senders.length,
  });
  finish(st);
}

/** Ordinary code between channel operations. */
export function work(st: Step): void {
  tell(st, 'chan.work', { g: st.g.id });
  finish(st);
}

/**
 * Back from gopark in chansend / chanrecv: the waker already copied the value. A sender readied by
 * close finds `closed := !mysg.success` and panics; a receiver returns (v, ok).
 */
export function wokenPlain(st: Step, op: Op<'send'> | Op<'recv'>): void {
  const id = st.g.id;
  const w = st.g.wake!;
  if (op.op === 'send') {
    if (!w.success) return die(st, SEND_ON_CLOSED, 'chan.woken.sendClosed', { ch: op.ch });
    tell(st, 'chan.woken.send', { g: id, ch: op.ch, v: op.v });
    return finish(st);
  }
  received(st, op.ch, w.v ?? 0, w.success);
  tell(st, 'chan.woken.recv', { g: id, ch: op.ch, v: w.v ?? 0, ok: w.success });
  finish(st);
}
