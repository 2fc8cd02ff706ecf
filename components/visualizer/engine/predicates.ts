/**
 * Named conditions on a model state, shared by scenario end checks and level win checks, so a
 * scenario file says `{"kind": "deadlock"}` instead of carrying code. The conditions every model
 * shares are here; a model's own (e.g. `starving`) live in its folder and come through the registry.
 */
import { modelOf } from '../models/registry.ts';
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
  const m = modelOf(model);
  const failure = m.failure(state);
  switch (p.kind) {
    case 'deadlock':
      return m.isDeadlocked(state);
    case 'fatal':
    case 'panic':
      return failure?.kind === p.kind && (!p.message || failure.message === p.message);
    case 'allDone':
      return !failure && !m.isDeadlocked(state) && allFinished(state);
    default:
      return m.predicates?.[p.kind]?.(state, p) ?? false;
  }
}
