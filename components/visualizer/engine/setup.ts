/**
 * The engine's three questions to a scenario's model, answered by its registry entry: its driver,
 * whether lanes carry events, and the state before any move.
 */
import { modelOf, type AnyModel } from '../models/registry.ts';
import type { Scenario, ScenarioModel } from './types.ts';

/** A model driver with its types erased (scenarios are data; the schema checked their shapes). */
export type AnyDriver = AnyModel;

/** The driver of a scenario's model. */
export function driverOf(model: ScenarioModel): AnyDriver {
  return modelOf(model);
}

/** True when lanes carry events to apply in program order (wait-for, happens-before, false sharing, sync.Map). */
export function isEventDriven(model: ScenarioModel): boolean {
  return modelOf(model).drive === 'events';
}

/** The model state before any move. */
export function initialState(s: Scenario): unknown {
  return modelOf(s.model).init(s);
}
