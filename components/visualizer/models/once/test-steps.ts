// For the once model's tests: step goroutines in order and collect what the steps said and did.

import type { Effect } from '../types.ts';
import { stepOnce, type OnceState } from './once.ts';

/** Steps the goroutines `ids` one move each, in order; the state after, every effect and narration key. */
export function run(
  state: OnceState,
  ids: string[],
): { state: OnceState; effects: Effect[]; keys: string[] } {
  let s = state;
  const effects: Effect[] = [];
  const keys: string[] = [];
  for (const g of ids) {
    const r = stepOnce(s, { type: 'step', g });
    s = r.state;
    effects.push(...r.effects);
    keys.push(...r.narration.map((n) => n.key));
  }
  return { state: s, effects, keys };
}

/** Where goroutine g is in its program. */
export const pc = (s: OnceState, g: string) => s.goroutines.find((x) => x.id === g)?.pc;
