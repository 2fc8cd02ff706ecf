/**
 * "Predict the state" levels: which number the learner must produce, read from the model state
 * after the level's script by the model's own `predict` readers. (How a learner's bit inputs turn
 * into that number is render/layout.ts wordFromBits: the mutex's input needs it without the registry.)
 */
import { modelOf } from '../models/registry.ts';
import type { Scenario } from './types.ts';

/** The true value of the level's field in `state` (null when the model has no such field). */
export function predictedValue(s: Scenario, state: unknown): number | null {
  const field = s.level?.predict?.field;
  const read = field ? modelOf(s.model).predict?.[field] : undefined;
  return read ? read(state) : null;
}
