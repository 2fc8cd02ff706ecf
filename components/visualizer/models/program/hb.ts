// Happens-before by vector clocks, as ThreadSanitizer (the engine behind `go run -race`) tracks it:
// every goroutine has a vector clock, every sync object keeps the clock of its last release, and
// an access races with an earlier one by another goroutine unless that access happened before it.
// The sync edges come from the race annotations in Go's source (cited on each palette op in
// palette.ts and palette-sync.ts): race.Acquire on return from Lock/RLock/Wait, race.Release or
// race.ReleaseMerge at the start of Unlock/RUnlock/Done, and the channel's racesync/racenotify.
// Plain data, so it is part of the memoised state.

import type { GoroutineId } from '../types.ts';

/**
 * A happens-before note on a palette op: at the op's `first` micro-step, when it returns (`last`),
 * or on the micro-step its goroutine takes from the object model's pc `pc` (`at: 'pc'`: a point
 * inside the call, e.g. the deferred done.Store of sync.Once after f), the goroutine acquires or
 * releases a sync clock, or reads or writes a location. `won` = only if TryLock won.
 */
export interface HbNote {
  at: 'first' | 'last' | 'pc';
  act: 'acquire' | 'release' | 'releaseMerge' | 'read' | 'write';
  name: string;
  pc?: string;
  won?: boolean;
}

/** The first data race seen: who accessed what, earlier and now, and whether each was a write. */
export interface Race {
  loc: string;
  first: GoroutineId;
  firstWrite: boolean;
  second: GoroutineId;
  secondWrite: boolean;
}

/** A location's shadow: its last write as (goroutine index, clock) and each goroutine's last read clock. */
interface Shadow {
  w: [number, number] | null;
  r: number[];
}

/** The happens-before state of a program. */
export interface Hb {
  order: GoroutineId[];
  clocks: number[][];
  syncs: Record<string, number[]>;
  vars: Record<string, Shadow>;
  race: Race | null;
}

/** Goroutines that start together: none has happened before another (each knows only itself). */
export function newHb(order: GoroutineId[]): Hb {
  const clocks = order.map((_, i) => order.map((__, j) => (i === j ? 1 : 0)));
  return { order, clocks, syncs: {}, vars: {}, race: null };
}

const join = (a: readonly number[], b: readonly number[]): number[] =>
  a.map((x, i) => Math.max(x, b[i] ?? 0));

function withClock(hb: Hb, i: number, c: number[]): Hb {
  return { ...hb, clocks: hb.clocks.map((old, j) => (j === i ? c : old)) };
}

/** race.Acquire(addr): the goroutine learns everything the last release of `name` knew. */
export function acquire(hb: Hb, g: GoroutineId, name: string): Hb {
  const i = hb.order.indexOf(g);
  const sync = hb.syncs[name];
  return sync ? withClock(hb, i, join(hb.clocks[i]!, sync)) : hb;
}

/** race.Release (merge false) or race.ReleaseMerge (true) on `name`, then the goroutine's own clock ticks. */
export function release(hb: Hb, g: GoroutineId, name: string, merge: boolean): Hb {
  const i = hb.order.indexOf(g);
  const c = hb.clocks[i]!;
  const prev = hb.syncs[name];
  const sync = merge && prev ? join(prev, c) : [...c];
  const ticked = c.map((x, j) => (j === i ? x + 1 : x));
  return { ...withClock(hb, i, ticked), syncs: { ...hb.syncs, [name]: sync } };
}

/** A read or write of `loc` by `g`: records it and the first race it makes, if any. */
export function access(hb: Hb, g: GoroutineId, loc: string, write: boolean): Hb {
  const i = hb.order.indexOf(g);
  const c = hb.clocks[i]!;
  const sh: Shadow = hb.vars[loc] ?? { w: null, r: hb.order.map(() => 0) };
  const after = (j: number, t: number): boolean => j !== i && t > (c[j] ?? 0);
  let other: { g: number; write: boolean } | null = null;
  if (sh.w && after(sh.w[0], sh.w[1])) other = { g: sh.w[0], write: true };
  if (!other && write) {
    const j = sh.r.findIndex((t, k) => after(k, t));
    if (j >= 0) other = { g: j, write: false };
  }
  const next: Shadow = write
    ? { w: [i, c[i]!], r: hb.order.map(() => 0) }
    : { w: sh.w, r: sh.r.map((t, k) => (k === i ? c[i]! : t)) };
  const race =
    hb.race ??
    (other
      ? { loc, first: hb.order[other.g]!, firstWrite: other.write, second: g, secondWrite: write }
      : null);
  return { ...hb, vars: { ...hb.vars, [loc]: next }, race };
}
