/**
 * "Predict the state" levels: which number the learner must produce, read from the model state
 * after the level's script by the model's own `predict` readers, and how a learner's bit inputs
 * turn into that number.
 */
import { modelOf } from '../models/registry.ts';
import type { Scenario } from './types.ts';

/** The true value of the level's field in `state` (null when the model has no such field). */
export function predictedValue(s: Scenario, state: unknown): number | null {
  const field = s.level?.predict?.field;
  const read = field ? modelOf(s.model).predict?.[field] : undefined;
  return read ? read(state) : null;
}

/** A state word from the learner's bit toggles (index 0 = bit 0). */
export function wordFromBits(bits: readonly boolean[]): number {
  return bits.reduce((w, on, i) => (on ? w | (1 << i) : w), 0);
}
