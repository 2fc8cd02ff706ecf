// One adapter per kind of primitive: how the sandbox builds an object's state from the goroutines'
// ops on it and steps it. Each delegates to that primitive's own model (mutex.ts, rwmutex.ts,
// map-check.ts, waitgroup.ts, chan.ts, cond.ts, once.ts), so the sandbox's Lock is the same
// faithful state machine as the chapter's: an object's state is that model's state with one
// goroutine per lane, whose program is the lane's ops on this object, in order. The composite
// (program.ts) steps a goroutine in the object its current op names, and the op has returned when
// that goroutine's ip moved on (on its own step, or on the step of one that handed it a lock).

import { chanEnabledEvents, newChanState, stepChan, type ChanOp, type ChanState } from '../chan/chan.ts';
import { stepCond, type CondOp } from '../cond/cond.ts';
import { condEnabledEvents } from '../cond/labels.ts';
import { newCondState, type CondState } from '../cond/state.ts';
import { onceEnabledEvents, stepOnce, type OnceOp, type OnceState } from '../once/once.ts';
import { newOnceState } from '../once/state.ts';
import { mapEnabledEvents, newMapState, stepMap, type MapOp, type MapState } from '../map-check/map-check.ts';
import {
  mustRunNext,
  mutexEnabledEvents,
  newMutexState,
  stepMutex,
  type MutexOp,
  type MutexState,
} from '../mutex/mutex.ts';
import {
  newRWMutexState,
  rwmutexEnabledEvents,
  stepRWMutex,
  type RWMutexState,
  type RWOp,
} from '../rwmutex/rwmutex.ts';
import type { HeldLock } from '../define.ts';
import type { EnabledEvent, Failure, GoroutineId, Narration, StepResult } from '../types.ts';
import {
  newWaitGroupState,
  stepWaitGroup,
  waitGroupEnabledEvents,
  type WaitGroupOp,
  type WaitGroupState,
} from '../waitgroup/waitgroup.ts';
import type { KindName } from './palette.ts';
import { CHAN_CAP } from './palette-sync.ts';
import { newVarState, stepVar, varEnabledEvents, type VarOp, type VarState } from './var.ts';

/** What every embedded model's state has: goroutines with a position, and how the program died. */
export interface SubState {
  goroutines: { id: GoroutineId; ip: number; pc: string }[];
  failure: Failure | null;
}

type StepEvent = { type: 'step'; g: GoroutineId };

/** A kind of primitive as the composite uses it. */
export interface Kind<S extends SubState = SubState> {
  /** The object's state from each goroutine's ops on it; `obj` is the object's name. */
  init: (programs: Record<GoroutineId, unknown[]>, obj: string) => S;
  step: (s: S, e: StepEvent) => StepResult<S>;
  enabled: (s: S) => EnabledEvent<unknown>[];
  /** Whether `g` is parked in this object (default: its pc is 'parked'). */
  parked?: (s: S, g: GoroutineId) => boolean;
  /** The wait reason (as goroutine dumps print it) of a goroutine parked in this object. */
  reason: (s: S, g: GoroutineId) => string;
  /** The locks `g` holds in this object, named `obj`. */
  holds: (s: S, g: GoroutineId, obj: string) => HeldLock[];
  /** A goroutine that must run before any other in the whole program (a mutex handoff on one P). */
  runsFirst?: (s: S) => GoroutineId | null;
}

/** A kind's adapter with its state type erased (objects are data). */
type AnyKind = Kind;

const mutexKind: Kind<MutexState> = {
  init: (p) => newMutexState(p as Record<GoroutineId, MutexOp[]>),
  step: stepMutex,
  enabled: mutexEnabledEvents,
  reason: () => 'sync.Mutex.Lock',
  holds: (s, g, obj) => (s.holder === g ? [{ lock: obj }] : []),
  runsFirst: mustRunNext,
};

const RW_REASON = { w: 'sync.Mutex.Lock', readerSem: 'sync.RWMutex.RLock', writerSem: 'sync.RWMutex.Lock' };

const rwKind: Kind<RWMutexState> = {
  init: (p) => newRWMutexState(p as Record<GoroutineId, RWOp[]>),
  step: stepRWMutex,
  enabled: rwmutexEnabledEvents,
  reason: (s, g) => RW_REASON[s.goroutines.find((x) => x.id === g)?.blockedOn ?? 'w'],
  holds: (s, g, obj) => {
    const x = s.goroutines.find((y) => y.id === g);
    if (!x) return [];
    return [
      ...(x.writeHeld ? [{ lock: obj }] : []),
      ...Array.from({ length: x.readHeld }, () => ({ lock: obj, read: true })),
    ];
  },
};

const mapKind: Kind<MapState> = {
  init: (p) => newMapState(p as Record<GoroutineId, MapOp[]>),
  step: stepMap,
  enabled: mapEnabledEvents,
  reason: () => '',
  holds: () => [],
};

const wgKind: Kind<WaitGroupState> = {
  init: (p) => newWaitGroupState(p as Record<GoroutineId, WaitGroupOp[]>),
  step: stepWaitGroup,
  enabled: waitGroupEnabledEvents,
  reason: () => 'sync.WaitGroup.Wait',
  holds: () => [],
};

const varKind: Kind<VarState> = {
  init: (p) => newVarState(p as Record<GoroutineId, VarOp[]>),
  step: stepVar,
  enabled: varEnabledEvents,
  reason: () => '',
  holds: () => [],
};

// A channel object is one hchan of the chan model, named as the object, with its capacity from
// palette-sync.ts; the model parks with "chan send" / "chan receive" and panics as chansend and
// closechan do.
const chanKind: Kind<ChanState> = {
  init: (p, obj) =>
    newChanState(
      [{ name: obj, cap: CHAN_CAP[obj as keyof typeof CHAN_CAP] }],
      p as Record<GoroutineId, ChanOp[]>,
    ),
  step: stepChan,
  enabled: chanEnabledEvents,
  reason: (s, g) => s.goroutines.find((x) => x.id === g)?.reason ?? '',
  holds: () => [],
};

const condKind: Kind<CondState> = {
  init: (p) => newCondState(p as Record<GoroutineId, CondOp[]>),
  step: stepCond,
  enabled: condEnabledEvents,
  parked: (s, g) => /^parked/.test(s.goroutines.find((x) => x.id === g)?.pc ?? ''),
  reason: (s, g) =>
    s.goroutines.find((x) => x.id === g)?.pc === 'parkedCond' ? 'sync.Cond.Wait' : 'sync.Mutex.Lock',
  holds: (s, g, obj) => (s.L.holder === g ? [{ lock: `${obj}.L` }] : []),
};

const onceKind: Kind<OnceState> = {
  init: (p) => newOnceState(p as Record<GoroutineId, OnceOp[]>),
  step: stepOnce,
  enabled: onceEnabledEvents,
  reason: () => 'sync.Mutex.Lock',
  holds: (s, g, obj) => (s.m.holder === g ? [{ lock: `${obj}.m` }] : []),
};

/** Every kind's adapter. A new primitive is one entry here. */
export const KINDS: Record<KindName, AnyKind> = {
  chan: chanKind as unknown as AnyKind,
  cond: condKind as unknown as AnyKind,
  once: onceKind as unknown as AnyKind,
  mutex: mutexKind as unknown as AnyKind,
  rwmutex: rwKind as unknown as AnyKind,
  map: mapKind as unknown as AnyKind,
  waitgroup: wgKind as unknown as AnyKind,
  var: varKind as unknown as AnyKind,
};

/** The label of `g`'s next micro-step in an object, or null when it cannot step there now. */
export function labelIn(kind: AnyKind, s: SubState, g: GoroutineId): Narration | null {
  return kind.enabled(s).find((e) => e.goroutine === g)?.label ?? null;
}
