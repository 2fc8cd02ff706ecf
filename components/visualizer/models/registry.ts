// One uniform driver per model, so a renderer or scenario runner can treat every model the same way:
// step, enabledEvents ("you are the scheduler" choices), isDeadlocked and failure.

import {
  counterEnabledEvents,
  counterInfo,
  stepCounter,
  type CounterEvent,
  type CounterState,
} from './counter.ts';
import {
  falseSharingInfo,
  stepFalseSharing,
  type FalseSharingEvent,
  type FalseSharingState,
} from './false-sharing.ts';
import {
  happensBeforeInfo,
  stepHappensBefore,
  type HappensBeforeEvent,
  type HappensBeforeState,
} from './happens-before.ts';
import { mapCheckInfo, mapEnabledEvents, stepMap, type MapEvent, type MapState } from './map-check.ts';
import {
  mutexEnabledEvents,
  mutexInfo,
  mutexIsDeadlocked,
  stepMutex,
  type MutexEvent,
  type MutexState,
} from './mutex.ts';
import {
  rwmutexEnabledEvents,
  rwmutexInfo,
  rwmutexIsDeadlocked,
  stepRWMutex,
  type RWMutexEvent,
  type RWMutexState,
} from './rwmutex.ts';
import {
  schedulerEnabledEvents,
  schedulerInfo,
  stepScheduler,
  type SchedulerEvent,
  type SchedulerState,
} from './scheduler.ts';
import {
  stepLegacySyncMap,
  syncMapLegacyInfo,
  type LegacySyncMapEvent,
  type LegacySyncMapState,
} from './syncmap-legacy.ts';
import {
  stepTrieMap,
  syncMapTrieInfo,
  trieEnabledEvents,
  type TrieEvent,
  type TrieMapState,
} from './syncmap-trie.ts';
import type { EnabledEvent, Failure, ModelInfo, StepResult } from './types.ts';
import { findCycle, stepWaitFor, waitForInfo, type WaitForEvent, type WaitForState } from './wait-for.ts';
import {
  stepWaitGroup,
  waitGroupEnabledEvents,
  waitGroupInfo,
  waitGroupIsDeadlocked,
  type WaitGroupEvent,
  type WaitGroupState,
} from './waitgroup.ts';

/** The uniform interface every model offers. */
export interface ModelDriver<S, E> {
  info: ModelInfo;
  step: (state: S, event: E) => StepResult<S>;
  /** Goroutine steps that can run now; empty for models driven by free-form events. */
  enabledEvents: (state: S) => EnabledEvent<E>[];
  isDeadlocked: (state: S) => boolean;
  failure: (state: S) => Failure | null;
}

const none = (): never[] => [];
const never = (): boolean => false;
const noFailure = (): null => null;
const failureOf = (s: { failure: Failure | null }): Failure | null => s.failure;

/** Every model by id. */
export const models = {
  mutex: {
    info: mutexInfo,
    step: stepMutex,
    enabledEvents: mutexEnabledEvents,
    isDeadlocked: mutexIsDeadlocked,
    failure: failureOf,
  } satisfies ModelDriver<MutexState, MutexEvent>,
  rwmutex: {
    info: rwmutexInfo,
    step: stepRWMutex,
    enabledEvents: rwmutexEnabledEvents,
    isDeadlocked: rwmutexIsDeadlocked,
    failure: failureOf,
  } satisfies ModelDriver<RWMutexState, RWMutexEvent>,
  scheduler: {
    info: schedulerInfo,
    step: stepScheduler,
    enabledEvents: schedulerEnabledEvents,
    isDeadlocked: (s: SchedulerState) => s.failure?.kind === 'deadlock',
    failure: failureOf,
  } satisfies ModelDriver<SchedulerState, SchedulerEvent>,
  'map-check': {
    info: mapCheckInfo,
    step: stepMap,
    enabledEvents: mapEnabledEvents,
    isDeadlocked: never,
    failure: failureOf,
  } satisfies ModelDriver<MapState, MapEvent>,
  'syncmap-trie': {
    info: syncMapTrieInfo,
    step: stepTrieMap,
    enabledEvents: trieEnabledEvents,
    isDeadlocked: (s: TrieMapState) =>
      s.goroutines.some((g) => g.pc !== 'done') &&
      s.goroutines.every((g) => g.pc === 'done' || g.pc === 'parked'),
    failure: noFailure,
  } satisfies ModelDriver<TrieMapState, TrieEvent>,
  'syncmap-legacy': {
    info: syncMapLegacyInfo,
    step: stepLegacySyncMap,
    enabledEvents: none,
    isDeadlocked: never,
    failure: noFailure,
  } satisfies ModelDriver<LegacySyncMapState, LegacySyncMapEvent>,
  'wait-for': {
    info: waitForInfo,
    step: stepWaitFor,
    enabledEvents: none,
    isDeadlocked: (s: WaitForState) => findCycle(s) !== null,
    failure: noFailure,
  } satisfies ModelDriver<WaitForState, WaitForEvent>,
  'false-sharing': {
    info: falseSharingInfo,
    step: stepFalseSharing,
    enabledEvents: none,
    isDeadlocked: never,
    failure: noFailure,
  } satisfies ModelDriver<FalseSharingState, FalseSharingEvent>,
  counter: {
    info: counterInfo,
    step: stepCounter,
    enabledEvents: counterEnabledEvents,
    isDeadlocked: never,
    failure: noFailure,
  } satisfies ModelDriver<CounterState, CounterEvent>,
  waitgroup: {
    info: waitGroupInfo,
    step: stepWaitGroup,
    enabledEvents: waitGroupEnabledEvents,
    isDeadlocked: waitGroupIsDeadlocked,
    failure: failureOf,
  } satisfies ModelDriver<WaitGroupState, WaitGroupEvent>,
  'happens-before': {
    info: happensBeforeInfo,
    step: stepHappensBefore,
    enabledEvents: none,
    isDeadlocked: never,
    failure: noFailure,
  } satisfies ModelDriver<HappensBeforeState, HappensBeforeEvent>,
};

/** Replays a list of events from an initial state (how a shared URL at step k is restored). */
export function replay<S, E>(driver: ModelDriver<S, E>, initial: S, events: readonly E[]): S {
  return events.reduce((s, e) => driver.step(s, e).state, initial);
}
