// Which clause of runtime/proc.go internal_sync_runtime_canSpin decides a spin environment, for the page
// to word: the same tests as state.ts canSpin, at iteration 0, in the order Go evaluates them.

import type { SpinEnv } from './state.ts';

/** `yes`, or the first clause that says no: one CPU at start-up, no other running P, a non-empty local run queue. */
export type SpinVerdict = 'yes' | 'noCpus' | 'noProcs' | 'noRunq';

/** canSpin(0, env) with the reason (the iteration limit active_spin is the same for every environment). */
export function canSpinVerdict(env: SpinEnv): SpinVerdict {
  if (env.numCPUStartup <= 1) return 'noCpus';
  if (env.gomaxprocs <= env.npidle + env.nmspinning + 1) return 'noProcs';
  return env.localRunqEmpty ? 'yes' : 'noRunq';
}
