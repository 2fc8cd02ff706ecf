/**
 * The spin environment a learner chooses before the first move, for scenarios that offer it
 * (`spin: { gomaxprocs, idle }` on a model that reads `initial.spinEnv`, the mutex). A choice is a
 * variant of the scenario: its `initial.spinEnv` with GOMAXPROCS set and the other Ps busy (npidle = 0)
 * or idle (npidle = GOMAXPROCS − 1). Changing it restarts the run, so a run's moves always replay in
 * one variant; the share link carries the choice as `!2` or `!2i`.
 */
import type { Scenario } from './types.ts';

/** GOMAXPROCS and whether the other Ps are idle. */
export interface SpinChoice {
  gomaxprocs: number;
  idle: boolean;
}

/** Every choice the scenario offers, the default first; with one P there is no other P to idle. */
export function spinChoices(s: Scenario): SpinChoice[] {
  if (!s.spin) return [];
  return s.spin.gomaxprocs.flatMap((gomaxprocs) =>
    s.spin?.idle && gomaxprocs > 1
      ? [
          { gomaxprocs, idle: false },
          { gomaxprocs, idle: true },
        ]
      : [{ gomaxprocs, idle: false }],
  );
}

/** The choice a run starts with: the first GOMAXPROCS offered, other Ps busy. Null when none is offered. */
export function defaultSpin(s: Scenario): SpinChoice | null {
  return spinChoices(s)[0] ?? null;
}

/** Whether the scenario offers this choice. */
export function offersSpin(s: Scenario, c: SpinChoice): boolean {
  return spinChoices(s).some((x) => x.gomaxprocs === c.gomaxprocs && x.idle === c.idle);
}

/** The scenario as it runs with this choice (the original when it offers no spin choices). */
export function withSpin(s: Scenario, c: SpinChoice | null): Scenario {
  if (!c || !s.spin) return s;
  const base = (s.initial.spinEnv ?? {}) as Record<string, unknown>;
  const spinEnv = { ...base, gomaxprocs: c.gomaxprocs, npidle: c.idle ? c.gomaxprocs - 1 : 0 };
  return { ...s, initial: { ...s.initial, spinEnv } };
}

/** The choice as the share link writes it: `2`, or `2i` with the other Ps idle. */
export function spinCode(c: SpinChoice): string {
  return `${c.gomaxprocs}${c.idle ? 'i' : ''}`;
}

/** Reads `spinCode`'s text; null when malformed. */
export function parseSpinCode(code: string): SpinChoice | null {
  const m = /^([1-9]\d?)(i?)$/.exec(code);
  return m ? { gomaxprocs: Number(m[1]), idle: m[2] === 'i' } : null;
}
