/**
 * Named conditions on a model state, shared by scenario end checks and level win checks, so a
 * scenario file says `{"kind": "deadlock"}` instead of carrying code.
 */
import { lostUpdate, type CounterState } from '../models/counter/counter.ts';
import type { FalseSharingState } from '../models/false-sharing/false-sharing.ts';
import { hasDataRace, type HappensBeforeState } from '../models/happens-before/happens-before.ts';
import { mutexStarving, type MutexState } from '../models/mutex/mutex.ts';
import type { LegacySyncMapState } from '../models/syncmap-legacy/syncmap-legacy.ts';
import { driverOf } from './setup.ts';
import type { Predicate, ScenarioModel } from './types.ts';

interface WithGoroutines {
  goroutines?: { pc: string }[];
}

/** True when every goroutine the model tracks has finished (event-driven models have none to check). */
export function allFinished(state: unknown): boolean {
  const gs = (state as WithGoroutines).goroutines;
  return !gs || gs.every((g) => g.pc === 'done');
}

/** Evaluates a predicate on a state of `model`. */
export function holds(model: ScenarioModel, state: unknown, p: Predicate): boolean {
  const driver = driverOf(model);
  const failure = driver.failure(state);
  const messageOk = (m: string | undefined): boolean => !p.message || m === p.message;
  switch (p.kind) {
    case 'deadlock':
      return driver.isDeadlocked(state);
    case 'fatal':
    case 'panic':
      return failure?.kind === p.kind && messageOk(failure.message);
    case 'lostUpdate':
      return model === 'counter' && lostUpdate(state as CounterState);
    case 'counterAtMost': {
      const c = state as CounterState;
      return model === 'counter' && allFinished(c) && c.counter <= (p.value ?? 0);
    }
    case 'starving':
      return model === 'mutex' && ((state as MutexState).word & mutexStarving) !== 0;
    case 'race':
      return model === 'happens-before' && hasDataRace(state as HappensBeforeState);
    case 'noRace':
      return model === 'happens-before' && !hasDataRace(state as HappensBeforeState);
    case 'promoted': {
      const m = state as LegacySyncMapState;
      return model === 'syncmap-legacy' && m.dirty === null && Object.keys(m.read.m).length > 0;
    }
    case 'transfersAtLeast':
      return model === 'false-sharing' && (state as FalseSharingState).counters.transfers >= (p.value ?? 1);
    case 'allDone':
      return !failure && !driver.isDeadlocked(state) && allFinished(state);
    default:
      return false;
  }
}
