// The two things a goroutine can try on an hchan while it holds c.lock, shared by a plain send or
// receive (chansend, chanrecv in src/runtime/chan.go) and by select's pass 1 (selectgo in
// src/runtime/select.go): complete at once (a waiting partner, the buffer, a closed channel), or
// report that it would block. Parking is the caller's business.

import { chan, dequeue, putChan, ready, tell, type Step } from './step.ts';

/** What a send attempt found: done, a closed channel (the caller panics), or nothing to do yet. */
export type SendTry = 'done' | 'closed' | 'blocked';

/**
 * chansend under c.lock (and selectgo's send case): `if c.closed != 0` panic; a receiver in recvq
 * takes the value straight onto its stack (send → sendDirect, goready); else a free slot at sendx;
 * else it would block.
 */
export function trySend(st: Step, name: string, v: number): SendTry {
  if (chan(st, name).closed) return 'closed';
  const sg = dequeue(st, name, 'recvq');
  if (sg) {
    ready(st, sg, true, v);
    tell(st, 'chan.send.direct', { g: st.g.id, ch: name, v, other: sg.g });
    return 'done';
  }
  const c = chan(st, name);
  if (c.qcount < c.dataqsiz) {
    const slot = c.sendx;
    const sendx = slot + 1 === c.dataqsiz ? 0 : slot + 1;
    const buf = c.buf.map((x, i) => (i === slot ? v : x));
    putChan(st, { ...c, buf, sendx, qcount: c.qcount + 1 });
    tell(st, 'chan.send.buf', { g: st.g.id, ch: name, v, slot, qcount: c.qcount + 1, size: c.dataqsiz });
    return 'done';
  }
  return 'blocked';
}

/** What a receive attempt found: a value (ok=false: closed and drained), or nothing yet. */
export type RecvTry = { v: number; ok: boolean } | null;

/**
 * chanrecv under c.lock (and selectgo's receive case): closed and empty gives the zero value with
 * ok=false; a parked sender hands its value over (recv: unbuffered, straight from its stack; full
 * buffer, the head slot goes to us and the sender's value into that same slot, the new tail); else
 * the head of the buffer; else it would block. selectgo tests the sendq, the buffer, then closed;
 * chanrecv tests closed first; the results agree, because close empties the sendq and no send can
 * enqueue on a closed channel.
 */
export function tryRecv(st: Step, name: string): RecvTry {
  const id = st.g.id;
  const c0 = chan(st, name);
  if (c0.closed && c0.qcount === 0) {
    tell(st, 'chan.recv.closed', { g: id, ch: name });
    return { v: 0, ok: false };
  }
  const sg = c0.closed ? null : dequeue(st, name, 'sendq');
  if (sg) {
    const c = chan(st, name);
    ready(st, sg, true, null);
    if (c.dataqsiz === 0) {
      tell(st, 'chan.recv.direct', { g: id, ch: name, v: sg.v ?? 0, other: sg.g });
      return { v: sg.v ?? 0, ok: true };
    }
    // Full buffer: take buf[recvx], copy the sender's value into the same slot, recvx++, sendx = recvx.
    const slot = c.recvx;
    const v = c.buf[slot] ?? 0;
    const recvx = slot + 1 === c.dataqsiz ? 0 : slot + 1;
    const buf = c.buf.map((x, i) => (i === slot ? (sg.v ?? 0) : x));
    putChan(st, { ...c, buf, recvx, sendx: recvx });
    tell(st, 'chan.recv.rotate', { g: id, ch: name, v, slot, other: sg.g, moved: sg.v ?? 0 });
    return { v, ok: true };
  }
  const c = chan(st, name);
  if (c.qcount > 0) {
    const slot = c.recvx;
    const v = c.buf[slot] ?? 0;
    const recvx = slot + 1 === c.dataqsiz ? 0 : slot + 1;
    const buf = c.buf.map((x, i) => (i === slot ? null : x));
    putChan(st, { ...c, buf, recvx, qcount: c.qcount - 1 });
    tell(st, 'chan.recv.buf', { g: id, ch: name, v, slot, qcount: c.qcount - 1, size: c.dataqsiz });
    return { v, ok: true };
  }
  return null;
}
