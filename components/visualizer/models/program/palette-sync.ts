// The palette's channels, sync.Cond and sync.Once (issue #19 §3): each op is one op of that
// primitive's own model (models/chan/, models/cond/, models/once/), and its happens-before notes
// follow the race annotations in Go's source, cited on each. palette.ts spreads these into PALETTE.

import type { HbNote } from './hb.ts';

/** The objects of this file and, for a channel, its capacity (make(chan int) and make(chan int, 1)). */
export const CHAN_CAP = { ch: 0, buf: 1 } as const;

type SyncObj = keyof typeof CHAN_CAP | 'c' | 'once';
type Entry = { obj: SyncObj; op: unknown; code: string; hb: HbNote[] };

// src/runtime/chan.go under -race. chansend starts with racereadpc(c.raceaddr()) and closechan (after
// its panics) racewritepc(c.raceaddr()) then racerelease(c.raceaddr()): a send and a close that
// nothing orders are a race on the channel itself. A receive that returns because the channel is
// closed raceacquire(c.raceaddr()) (closechan raceacquireg's the goroutines it wakes: the same clock).
// The sync clock `<ch>` is c.raceaddr() (&c.buf); the location `<ch>` (race reports name it) is too.
//
// Unbuffered: send and recv meet in racesync(c, sg) on chanbuf(c, 0): release, the partner acquires
// and releases, acquire, so each learns the other (a receive happens before the send completes).
// With notes on one goroutine at a time this is a ReleaseMerge on `ch.buf` when the op starts and an
// Acquire when it returns: both partners learn each other, as in Go. Coarser than Go: the merge
// keeps every earlier pair's clocks, so a later pair also learns them (Go's racerelease stores), and
// a receive that returns because of close acquires `ch.buf` too; both only add edges.
//
// Buffered: every send and receive, through the buffer or straight to a parked partner, is
// racenotify(c, idx) on the slot chanbuf(c, idx), a racereleaseacquire (the goroutine takes the
// slot's clock and leaves its own); for a parked partner racenotify(c, idx, sg) does the partner's
// half. `buf` has one slot, so every op uses slot 0. Here: Acquire then Release on `buf.slot0` when
// the op returns (the parked partner does its half when it returns from gopark, with the same clock).
// Coarser than Go: the slot then holds the goroutine's clock after the acquire, not before it (the
// next op on the slot also learns the previous one's partner), and a receive that returns because of
// close touches the slot too; both only add edges.
const entry = (e: Entry): Entry => e;

const chanOps = <C extends keyof typeof CHAN_CAP>(ch: C) => {
  const slot = CHAN_CAP[ch] ? `${ch}.slot0` : `${ch}.buf`;
  const meet: HbNote[] = CHAN_CAP[ch]
    ? [
        { at: 'last', act: 'acquire', name: slot },
        { at: 'last', act: 'release', name: slot },
      ]
    : [
        { at: 'first', act: 'releaseMerge', name: slot },
        { at: 'last', act: 'acquire', name: slot },
      ];
  return {
    [`${ch}.send`]: entry({
      obj: ch,
      op: { op: 'send', ch, v: 1 },
      code: `${ch} <- 1`,
      hb: [{ at: 'first', act: 'read', name: ch }, ...meet],
    }),
    [`${ch}.recv`]: entry({
      obj: ch,
      op: { op: 'recv', ch },
      code: `v := <-${ch}`,
      hb: [...meet, { at: 'last', act: 'acquire', name: ch }],
    }),
    [`${ch}.close`]: entry({
      obj: ch,
      op: { op: 'close', ch },
      code: `close(${ch})`,
      hb: [
        { at: 'last', act: 'write', name: ch },
        { at: 'last', act: 'release', name: ch },
      ],
    }),
  } as Record<`${C}.${'send' | 'recv' | 'close'}`, Entry>;
};

/** Send (a fixed 1), receive and close on the unbuffered `ch` and the buffered `buf`. */
export const CHAN_OPS = { ...chanOps('ch'), ...chanOps('buf') };

/**
 * sync.Cond `c` with its own `c.L` (models/cond/: L is a held/queue lock). src/sync/cond.go has no
 * race annotation of its own: Wait's ordering is c.L's (Wait calls c.L.Unlock, a Release, before it
 * parks and c.L.Lock, an Acquire, before it returns; internal/sync/mutex.go), and Signal and
 * Broadcast (runtime notifyListNotifyOne/All) add no edge.
 */
export const COND_OPS = {
  'c.L.Lock': {
    obj: 'c',
    op: { kind: 'lock' },
    code: 'c.L.Lock()',
    hb: [{ at: 'last', act: 'acquire', name: 'c.L' }],
  },
  'c.L.Unlock': {
    obj: 'c',
    op: { kind: 'unlock' },
    code: 'c.L.Unlock()',
    hb: [{ at: 'first', act: 'release', name: 'c.L' }],
  },
  // The cond model's Wait: notifyListAdd (pc start), c.L.Unlock (pc unlock), notifyListWait, c.L.Lock.
  'c.Wait': {
    obj: 'c',
    op: { kind: 'wait' },
    code: 'c.Wait()',
    hb: [
      { at: 'pc', pc: 'unlock', act: 'release', name: 'c.L' },
      { at: 'last', act: 'acquire', name: 'c.L' },
    ],
  },
  'c.Signal': { obj: 'c', op: { kind: 'signal' }, code: 'c.Signal()', hb: [] },
  'c.Broadcast': { obj: 'c', op: { kind: 'broadcast' }, code: 'c.Broadcast()', hb: [] },
} satisfies Record<string, Entry>;

/**
 * sync.Once `once`: Do(f) with f = ordinary work (the once model's f is a list of its own
 * statements; a nested Do, which deadlocks, is not offered). src/sync/once.go: doSlow runs f, then
 * the deferred o.done.Store(true) (an atomic store: a release under -race), then o.m.Unlock; a later
 * Do returns after o.done.Load() (an acquire) or after o.m.Lock and that Load. So: a release when the
 * runner reaches done.Store (the model's pc `store`, right after f), an acquire when any Do returns.
 */
export const ONCE_OPS = {
  'once.Do': {
    obj: 'once',
    op: { kind: 'do', f: ['work'] },
    code: 'once.Do(work)',
    hb: [
      { at: 'pc', pc: 'store', act: 'release', name: 'once' },
      { at: 'last', act: 'acquire', name: 'once' },
    ],
  },
} satisfies Record<string, Entry>;
