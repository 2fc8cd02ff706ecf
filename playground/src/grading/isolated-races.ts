/**
 * Pure: the race detector reports a given pair of racing accesses once per process, so when one
 * test's race has been reported, a later test racing on the same lines can pass "clean". The
 * grader re-runs such tests alone (a process each) and this module folds what those runs saw back
 * into the first run: a test that races alone is marked as racing, with its reports added.
 */
import type { RunResult } from '../contract/run.ts';

/** Names of graded tests that passed with no race in a run that did report races. */
export function testsToIsolate(run: RunResult, graded: readonly string[]): string[] {
  if (run.races.length === 0) return [];
  return run.tests
    .filter((t) => graded.includes(t.name) && t.status === 'pass' && !t.race)
    .map((t) => t.name);
}

/** The -test.run pattern that selects exactly these top-level tests. */
export function onlyTests(...names: string[]): string {
  const quoted = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return quoted.length === 1 ? `^${quoted[0]}$` : `^(${quoted.join('|')})$`;
}

/** Returns the run with the tests that raced when run alone marked as racing. */
export function withIsolatedRaces(
  run: RunResult,
  isolated: readonly { name: string; result: RunResult }[],
): RunResult {
  const raced = isolated.filter((i) => i.result.tests.some((t) => t.name === i.name && t.race));
  if (raced.length === 0) return run;
  const names = new Set(raced.map((i) => i.name));
  return {
    ...run,
    tests: run.tests.map((t) => (names.has(t.name) ? { ...t, race: true } : t)),
    races: [...run.races, ...raced.flatMap((i) => i.result.races)],
  };
}
