/**
 * Sentences for how a run ended: Go's deadlock message, or the model's own explanation of the
 * deadlock (wait-for's cycle, RWMutex's writer preference) in the page's language. N.B. BROWSER CODE.
 */
import { modelOf } from '../models/registry.ts';
import type { Scenario } from '../engine/types.ts';
import { t, type Locale } from '../../i18n/index.ts';

/** Extra narration once the program is deadlocked; empty otherwise. */
export function deadlockNotes(locale: Locale, s: Scenario, state: unknown): string[] {
  const m = modelOf(s.model);
  if (!m.isDeadlocked(state)) return [];
  return m.deadlockNotes?.(locale, state) ?? [t(locale, 'viz.deadlock')];
}
