// The sandbox's palette: every operation a goroutine's program can hold, as one entry each. An
// entry names the object it works on (kinds.ts steps that object with the real model of its
// primitive), the op that model takes, the Go line a lane shows, and its happens-before edges for
// the race detector (hb.ts), each from the race annotation in Go's source that it follows.
//
// Adding a primitive is one entry in kinds.ts's KINDS and an object in OBJECTS; each of its
// operations is then one entry here. Channels, sync.Cond and sync.Once have theirs in palette-sync.ts.

import type { HbNote } from './hb.ts';
import { CHAN_OPS, COND_OPS, ONCE_OPS } from './palette-sync.ts';

/** The objects a sandbox program shares, by name, with the kind of primitive each is. */
export const OBJECTS = {
  mu: 'mutex',
  mu2: 'mutex',
  rw: 'rwmutex',
  x: 'var',
  m: 'map',
  wg: 'waitgroup',
  ch: 'chan',
  buf: 'chan',
  c: 'cond',
  once: 'once',
} as const;

/** Each kind's Go type, as the state panel and the picker's groups name it (the same in every language). */
export const GO_TYPES: Record<KindName, string> = {
  mutex: 'sync.Mutex',
  rwmutex: 'sync.RWMutex',
  map: 'map[string]int',
  waitgroup: 'sync.WaitGroup',
  var: 'int',
  chan: 'chan int',
  cond: '*sync.Cond',
  once: 'sync.Once',
};

/** An object's name. */
export type ObjName = keyof typeof OBJECTS;
/** A kind of primitive. */
export type KindName = (typeof OBJECTS)[ObjName];

export type { HbNote } from './hb.ts';

/** One palette operation. */
export interface PaletteOp {
  /** The object it works on; null for plain work that touches nothing shared. */
  obj: ObjName | null;
  /** The op of the object's model (MutexOp, RWOp, MapOp, WaitGroupOp, VarOp, ChanOp, CondOp, OnceOp). */
  op: unknown;
  /** The Go line the lane shows. */
  code: string;
  hb: HbNote[];
}

// internal/sync/mutex.go: Lock and TryLock call race.Acquire(m) on success, Unlock race.Release(m) first.
const mutexOps = (mu: 'mu' | 'mu2') =>
  ({
    [`${mu}.Lock`]: {
      obj: mu,
      op: 'lock',
      code: `${mu}.Lock()`,
      hb: [{ at: 'last', act: 'acquire', name: mu }],
    },
    [`${mu}.Unlock`]: {
      obj: mu,
      op: 'unlock',
      code: `${mu}.Unlock()`,
      hb: [{ at: 'first', act: 'release', name: mu }],
    },
    [`${mu}.TryLock`]: {
      obj: mu,
      op: 'tryLock',
      code: `ok := ${mu}.TryLock()`,
      hb: [{ at: 'last', act: 'acquire', name: mu, won: true }],
    },
  }) as Record<`${typeof mu}.${'Lock' | 'Unlock' | 'TryLock'}`, PaletteOp>;

/** Every palette operation by id; the ids are what sandbox JSON and share links store. */
export const PALETTE = {
  ...mutexOps('mu'),
  ...mutexOps('mu2'),
  // sync/rwmutex.go: RLock acquires &readerSem, RUnlock ReleaseMerges &writerSem, Lock acquires both,
  // Unlock releases &readerSem.
  'rw.RLock': {
    obj: 'rw',
    op: 'rlock',
    code: 'rw.RLock()',
    hb: [{ at: 'last', act: 'acquire', name: 'rw.r' }],
  },
  'rw.RUnlock': {
    obj: 'rw',
    op: 'runlock',
    code: 'rw.RUnlock()',
    hb: [{ at: 'first', act: 'releaseMerge', name: 'rw.w' }],
  },
  'rw.Lock': {
    obj: 'rw',
    op: 'lock',
    code: 'rw.Lock()',
    hb: [
      { at: 'last', act: 'acquire', name: 'rw.r' },
      { at: 'last', act: 'acquire', name: 'rw.w' },
    ],
  },
  'rw.Unlock': {
    obj: 'rw',
    op: 'unlock',
    code: 'rw.Unlock()',
    hb: [{ at: 'first', act: 'release', name: 'rw.r' }],
  },
  // x++ reads x into a register, then writes register+1 back; the race detector sees both accesses.
  'x.inc': {
    obj: 'x',
    op: 'inc',
    code: 'x++',
    hb: [
      { at: 'first', act: 'read', name: 'x' },
      { at: 'last', act: 'write', name: 'x' },
    ],
  },
  'x.read': { obj: 'x', op: 'read', code: 'v := x', hb: [{ at: 'first', act: 'read', name: 'x' }] },
  // internal/runtime/maps/runtime.go (runtime_swiss.go in Go 1.24–1.25): runtime_mapassign calls race.WritePC,
  // runtime_mapaccess1 race.ReadPC, on the map as a whole (not per key), before the `writing` check.
  'm.write': {
    obj: 'm',
    op: { kind: 'write', key: 'k', value: '1' },
    code: 'm["k"] = 1',
    hb: [{ at: 'first', act: 'write', name: 'm' }],
  },
  'm.read': {
    obj: 'm',
    op: { kind: 'read', key: 'k' },
    code: 'v := m["k"]',
    hb: [{ at: 'first', act: 'read', name: 'm' }],
  },
  // sync/waitgroup.go: Add with a negative delta (Done) race.ReleaseMerge(wg) first; Wait race.Acquire(wg) on return.
  'wg.Add': { obj: 'wg', op: { kind: 'add', delta: 1 }, code: 'wg.Add(1)', hb: [] },
  'wg.Done': {
    obj: 'wg',
    op: { kind: 'done' },
    code: 'wg.Done()',
    hb: [{ at: 'first', act: 'releaseMerge', name: 'wg' }],
  },
  'wg.Wait': {
    obj: 'wg',
    op: { kind: 'wait' },
    code: 'wg.Wait()',
    hb: [{ at: 'last', act: 'acquire', name: 'wg' }],
  },
  // Ordinary code or time.Sleep: one step that synchronises nothing (sleeping orders nothing for the race detector).
  work: { obj: null, op: 'work', code: 'work() // or time.Sleep', hb: [] },
  ...CHAN_OPS,
  ...COND_OPS,
  ...ONCE_OPS,
} satisfies Record<string, PaletteOp>;

/** A palette operation's id. */
export type OpId = keyof typeof PALETTE;

/** The palette's ids in the order the picker lists them. */
export const OP_IDS = Object.keys(PALETTE) as OpId[];

/** Whether a string is a palette operation's id. */
export function isOpId(x: unknown): x is OpId {
  return typeof x === 'string' && Object.hasOwn(PALETTE, x);
}

/** The entry of an op id. */
export function paletteOp(id: OpId): PaletteOp {
  return PALETTE[id];
}
