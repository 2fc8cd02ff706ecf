// One adapter per kind of primitive: how the sandbox builds an object's state from the goroutines'
// ops on it and steps it. Each delegates to that primitive's own model (mutex.ts, rwmutex.ts,
// map-check.ts, waitgroup.ts), so the sandbox's Lock is the same faithful state machine as the
// chapter's: an object's state is that model's state with one goroutine per lane, whose program is
// the lane's ops on this object, in order. The composite (program.ts) steps a goroutine in the
// object its current op names, and the op has returned when that goroutine's ip moved on.

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
import { newVarState, stepVar, varEnabledEvents, type VarOp, type VarState } from './var.ts';

/** What every embedded model's state has: goroutines with a position, and how the program died. */
export interface SubState {
  goroutines: { id: GoroutineId; ip: number; pc: string }[];
  failure: Failure | null;
}

type StepEvent = { type: 'step'; g: GoroutineId };

/** A kind of primitive as the composite uses it. */
export interface Kind<S extends SubState = SubState> {
  init: (programs: Record<GoroutineId, unknown[]>) => S;
  step: (s: S, e: StepEvent) => StepResult<S>;
  enabled: (s: S) => EnabledEvent<unknown>[];
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

/** Every kind's adapter. A new primitive (chan, cond, once) is one entry here. */
export const KINDS: Record<KindName, AnyKind> = {
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
