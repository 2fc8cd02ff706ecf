// The scheduler's choices in the sync.Cond model: which goroutines can step and what each step does,
// as label codes (the words are in narration-en.ts / narration-zh.ts).

import type { EnabledEvent } from '../types.ts';
import { runnable, type CondEvent, type CondG, type CondState } from './cond.ts';
import type { CondKey } from './narration-en.ts';

/** Inside Wait, by pc. */
const WAIT_LABEL = {
  add: 'cond.label.add',
  unlock: 'cond.label.waitUnlock',
  park: 'cond.label.park',
  relock: 'cond.label.relock',
} as const satisfies Record<string, CondKey>;

/** The label of the step a runnable goroutine takes next. */
function labelOf(g: CondG & { pc: 'start' | 'add' | 'unlock' | 'park' | 'relock' }): CondKey {
  if (g.pc !== 'start') return WAIT_LABEL[g.pc];
  const op = g.program[g.ip];
  if (!op || op.kind === 'wait') return 'cond.label.add';
  if (op.kind === 'waitWhileEmpty') return 'cond.label.check';
  return `cond.label.${op.kind}`;
}

/** Goroutines that can take a step now. */
export function condEnabledEvents(s: CondState): EnabledEvent<CondEvent, CondKey>[] {
  if (s.failure) return [];
  return s.goroutines.filter(runnable).map((g) => ({
    goroutine: g.id,
    event: { type: 'step', g: g.id },
    label: { key: labelOf(g), params: {} },
  }));
}
