/**
 * Sentences for how a run ended: which goroutines wait for which in a deadlock (the wait-for cycle
 * or RWMutex's writer-preference explanation), in the page's language. N.B. BROWSER CODE.
 */
import { explainRWDeadlock, type RWMutexState } from '../models/rwmutex/rwmutex.ts';
import { findCycle, type WaitForState } from '../models/wait-for/wait-for.ts';
import { driverOf } from '../engine/setup.ts';
import type { Scenario } from '../engine/types.ts';
import { vt, type Locale } from '../strings.ts';
import { narrationText } from './narrate.ts';

/** Extra narration once the program is deadlocked; empty otherwise. */
export function deadlockNotes(locale: Locale, s: Scenario, state: unknown): string[] {
  if (!driverOf(s.model).isDeadlocked(state)) return [];
  if (s.model === 'wait-for') {
    const cycle = findCycle(state as WaitForState) ?? [];
    const parts = cycle.map((c) =>
      c.holds.length
        ? vt(locale, 'viz.cycle.holds', { g: c.g, held: c.holds.join(', '), wants: c.waitsFor })
        : vt(locale, 'viz.cycle.waits', { g: c.g, wants: c.waitsFor }),
    );
    return [vt(locale, 'viz.deadlock.cycle', { cycle: parts.join(locale === 'zh-cn' ? '；' : '; ') })];
  }
  if (s.model === 'rwmutex') {
    const why = explainRWDeadlock(state as RWMutexState);
    if (why) return why.narration.map((x) => narrationText(locale, x));
  }
  return [vt(locale, 'viz.deadlock')];
}
