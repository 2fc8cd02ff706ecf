// The state of the channel model, after Go 1.26 src/runtime/chan.go (hchan, waitq, sudog) and
// src/runtime/select.go (selectgo). Channels are named and have a capacity (or are nil); each
// goroutine runs a program of channel operations. The transitions live in send.ts, recv.ts,
// close.ts, select.ts and woken.ts; chan.ts dispatches them.

import type { Failure, GoroutineId, ModelInfo } from '../types.ts';

/**
 * A sudog on a channel's waitq: the goroutine, whether it came from a select (chan.go's
 * `isSelect`, which makes dequeue check `selectDone`), the case index, and a sender's value
 * (`sg.elem` points at it on the sender's stack).
 */
export interface Sudog {
  g: GoroutineId;
  select: boolean;
  /** The select case this sudog stands for; -1 for a plain send or receive. */
  kase: number;
  /** The value a parked sender offers; null for a receiver. */
  v: number | null;
}

/** hchan: the fields a learner sees. `nil` stands for a nil channel (no hchan at all). */
export interface Hchan {
  name: string;
  nil: boolean;
  /** dataqsiz: the ring buffer's size, fixed by make(chan T, size). */
  dataqsiz: number;
  /** buf: the ring's slots; null is an empty (typedmemclr'd) slot. */
  buf: (number | null)[];
  qcount: number;
  sendx: number;
  recvx: number;
  closed: boolean;
  /** Parked receivers, head first (waitq is FIFO: enqueue at last, dequeue at first). */
  recvq: Sudog[];
  /** Parked senders, head first. */
  sendq: Sudog[];
}

/** One case of a select: a send of `v` on `ch` or a receive from `ch`. */
export type SelectCase = { op: 'send'; ch: string; v: number } | { op: 'recv'; ch: string };

/** One statement of a goroutine's program. */
export type ChanOp =
  | SelectCase
  | { op: 'close'; ch: string }
  | {
      op: 'select';
      cases: SelectCase[];
      default?: boolean;
      /** selectgo's pollorder for this select, fixed by the scenario (case indices); default: as written. */
      order?: number[];
    }
  | { op: 'work' };

/** What the goroutine that woke a parked one left in its sudog: the case, `sg.success`, the value copied. */
export interface Wake {
  kase: number;
  success: boolean;
  v: number | null;
}

/** A value a goroutine received: `v, ok := <-ch` (v is the zero value 0 when ok is false). */
export interface Received {
  ch: string;
  v: number;
  ok: boolean;
}

/** Where a goroutine is: about to run program[ip], parked in gopark, readied by another, or done. */
export type ChanPc = 'start' | 'parked' | 'woken' | 'done';

/** A goroutine with its program. */
export interface ChanG {
  id: GoroutineId;
  program: ChanOp[];
  ip: number;
  pc: ChanPc;
  /** The wait reason it parked with, exactly as goroutine dumps print it; null when not parked. */
  reason: string | null;
  /** Set by the goroutine that woke it (gp.param / sg.success); null until then. */
  wake: Wake | null;
  /** g.selectDone: a waker won the race to complete this goroutine's select. */
  selectDone: boolean;
  got: Received[];
}

/** A non-blocking send that gave up: a select with a send case took its default. */
export interface Dropped {
  g: GoroutineId;
  ch: string;
  v: number;
}

/** The whole scenario. */
export interface ChanState {
  model: 'chan';
  chans: Hchan[];
  goroutines: ChanG[];
  dropped: Dropped[];
  failure: Failure | null;
}

/** Advance one goroutine by one channel operation (or its return from gopark). */
export type ChanEvent = { type: 'step'; g: GoroutineId };

/** A channel as a scenario declares it in `initial.chans`. */
export interface ChanDecl {
  name: string;
  cap?: number;
  nil?: boolean;
  /** Values already in the buffer when the scenario starts (sent before any lane runs). */
  buf?: number[];
}

/** Metadata for the UI. */
export const chanInfo: ModelInfo = {
  id: 'chan',
  title: 'chan (hchan, select)',
  goVersions: 'Go 1.24+ (checked against Go 1.26)',
  sources: [
    'src/runtime/chan.go: hchan, waitq, makechan, chansend, send, chanrecv, recv, closechan, waitq.dequeue',
    'src/runtime/select.go: selectgo (pollorder, pass 1, pass 2, pass 3), block',
    'src/runtime/runtime2.go: waitReasonStrings ("chan send", "chan receive", "select", …)',
    'src/runtime/proc.go: checkdead ("all goroutines are asleep - deadlock!")',
  ],
  simplifications: [
    'One move is one channel operation, done whole under c.lock as the runtime does it; a goroutine that parks is completed by another goroutine’s move and takes one more move to return from gopark.',
    'select’s pollorder is fixed by the scenario (as written unless it says otherwise); Go draws it with cheaprandn on every execution.',
    'select locks its channels in address order; that order changes nothing here, so the model enqueues its sudogs in poll order.',
    'Under -race, a send straight to a waiting receiver on a buffered channel also advances recvx and sendx (chan.go send, for the race detector’s bookkeeping); the model shows the indexes of a build without -race.',
    'Values are integers; every goroutine is one the program waits for (main returning early is not modelled).',
    'No timers, no synctest bubbles, no race-detector bookkeeping.',
  ],
};

/** makechan (or a nil channel), with values already buffered if the scenario says so. */
export function makeChan(d: ChanDecl): Hchan {
  const size = d.nil ? 0 : (d.cap ?? 0);
  const pre = d.nil ? [] : (d.buf ?? []).slice(0, size);
  const buf: (number | null)[] = Array.from({ length: size }, (_, i) => pre[i] ?? null);
  return {
    name: d.name,
    nil: Boolean(d.nil),
    dataqsiz: size,
    buf,
    qcount: pre.length,
    sendx: size ? pre.length % size : 0,
    recvx: 0,
    closed: false,
    recvq: [],
    sendq: [],
  };
}

/** A fresh scenario: the channels, one goroutine per program. */
export function newChanState(chans: ChanDecl[], programs: Record<GoroutineId, ChanOp[]>): ChanState {
  return {
    model: 'chan',
    chans: chans.map(makeChan),
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length ? 'start' : 'done',
      reason: null,
      wake: null,
      selectDone: false,
      got: [],
    })),
    dropped: [],
    failure: null,
  };
}

/** The channel named `name`. */
export function chanOf(s: ChanState, name: string): Hchan {
  const c = s.chans.find((x) => x.name === name);
  if (!c) throw new Error(`no channel ${name}`);
  return c;
}
