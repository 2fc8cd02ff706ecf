/**
 * Builds a scenario's initial model state from its lanes' programs and `initial` options, and gives
 * every model the same loosely typed driver so the engine can treat them alike.
 */
import { newCounterState, type CounterVariant } from '../models/counter.ts';
import { newFalseSharingState, type Variable } from '../models/false-sharing.ts';
import { newHappensBeforeState } from '../models/happens-before.ts';
import { newMapState, type MapOp } from '../models/map-check.ts';
import { newMutexState, type MutexOp, type SpinEnv } from '../models/mutex.ts';
import { models, type ModelDriver } from '../models/registry.ts';
import { newRWMutexState, type RWOp } from '../models/rwmutex.ts';
import { newLegacySyncMap } from '../models/syncmap-legacy.ts';
import { newWaitForState } from '../models/wait-for.ts';
import { newWaitGroupState, type WaitGroupOp } from '../models/waitgroup.ts';
import type { Scenario, ScenarioModel } from './types.ts';

/** A model driver with its types erased (scenarios are data; the schema checked their shapes). */
export type AnyDriver = ModelDriver<unknown, unknown>;

/** The driver of a scenario's model. */
export function driverOf(model: ScenarioModel): AnyDriver {
  return models[model] as unknown as AnyDriver;
}

/** Models whose goroutines are stepped by the model itself (`{type:'step', g}`), not by scripted events. */
export const STEPPED_MODELS: readonly ScenarioModel[] = [
  'mutex',
  'rwmutex',
  'counter',
  'map-check',
  'waitgroup',
];

/** True when lanes carry events to apply in program order (wait-for, happens-before, false sharing, sync.Map). */
export function isEventDriven(model: ScenarioModel): boolean {
  return !STEPPED_MODELS.includes(model);
}

/** The model state before any move. */
export function initialState(s: Scenario): unknown {
  const programs = <T>(): Record<string, T[]> =>
    Object.fromEntries(s.goroutines.map((g) => [g.id, (g.program ?? []) as T[]]));
  const init = s.initial;
  switch (s.model) {
    case 'mutex':
      return newMutexState(programs<MutexOp>(), {
        now: init.now as number | undefined,
        spinEnv: init.spinEnv as Partial<SpinEnv> | undefined,
      });
    case 'rwmutex':
      return newRWMutexState(programs<RWOp>());
    case 'counter':
      return newCounterState(
        init.variant as CounterVariant,
        s.goroutines.length,
        (init.iterations as number | undefined) ?? 1,
      );
    case 'map-check':
      return newMapState(programs<MapOp>(), (init.entries as Record<string, string> | undefined) ?? {});
    case 'waitgroup':
      return newWaitGroupState(programs<WaitGroupOp>());
    case 'wait-for':
      return newWaitForState(init.locks as string[]);
    case 'happens-before':
      return newHappensBeforeState(
        (init.goroutines as string[] | undefined) ?? s.goroutines.map((g) => g.id),
      );
    case 'false-sharing':
      return newFalseSharingState(init.vars as Variable[], {
        cores: init.cores as number | undefined,
        lineSize: init.lineSize as number | undefined,
      });
    case 'syncmap-legacy':
      return newLegacySyncMap();
  }
}
