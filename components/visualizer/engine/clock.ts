/**
 * The learner's clock moves: in a scenario that offers them (`clock: { ticks, limit }`) on a model with
 * a clock, a tick of each offered size is a move like a goroutine's. They are offered only while
 * 1. some goroutine can still move (time passing cannot revive a program whose goroutines are all
 *    parked or finished, so a level is still lost when nothing can run),
 * 2. the model says time matters now (the mutex: some goroutine has queued, so `now - waitStartTime`
 *    is compared with starvationThresholdNs = 1e6 in internal/sync/mutex.go lockSlow; before anyone
 *    queues, moving the clock changes no difference the algorithm reads), and
 * 3. the tick keeps the time that passed within the scenario's `limit`.
 * Ticks only move `now` forward, so the state graph stays acyclic, and the limit keeps it finite.
 */
import { driverOf, initialState } from './setup.ts';
import type { Scenario } from './types.ts';

const startTimes = new WeakMap<Scenario, number>();

/** The clock reading before any move (memoized per scenario: the audit asks for it at every state). */
function startTime(s: Scenario): number {
  let t = startTimes.get(s);
  if (t === undefined) {
    t = driverOf(s.model).clockNow?.(initialState(s)) ?? 0;
    startTimes.set(s, t);
  }
  return t;
}

/** Nanoseconds the learner has let pass so far in this run (0 for a model without a clock). */
export function elapsed(s: Scenario, state: unknown): number {
  const now = driverOf(s.model).clockNow?.(state);
  return now === undefined ? 0 : now - startTime(s);
}

/** Nanoseconds still allowed by the scenario's limit (0 when it offers no clock moves). */
export function timeLeft(s: Scenario, state: unknown): number {
  return s.clock ? Math.max(0, s.clock.limit - elapsed(s, state)) : 0;
}

/** The tick sizes offered now, in the scenario's order; `canMove`: some goroutine can step. */
export function tickSizes(s: Scenario, state: unknown, canMove: boolean): number[] {
  const model = driverOf(s.model);
  if (!s.clock || !model.clock || !canMove || model.clockMatters?.(state) === false) return [];
  const left = timeLeft(s, state);
  return s.clock.ticks.filter((ns) => ns <= left);
}

/** A duration as the page writes it: whole milliseconds, else whole microseconds, else nanoseconds. */
export function durationParts(ns: number): { unit: 'ms' | 'us' | 'ns'; n: number } {
  if (ns !== 0 && ns % 1_000_000 === 0) return { unit: 'ms', n: ns / 1_000_000 };
  if (ns !== 0 && ns % 1_000 === 0) return { unit: 'us', n: ns / 1_000 };
  return { unit: 'ns', n: ns };
}
