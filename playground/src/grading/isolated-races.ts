/**
 * Pure: the race detector reports a given pair of racing accesses once per process, so when one
 * test's race has been reported, a later test racing on the same lines can pass "clean". The
 * grader re-runs such tests alone (a process each), and this module says which of them raced
 * there; the grade counts them as racing, and the first run stays as it was classified.
 */
import type { RunResult } from '../../../contract/run.ts';

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

/**
 * Returns the names of the tests that raced when run alone: evidence for the grade (grade.ts),
 * which the run itself, as classified, cannot hold.
 */
export function racedAlone(isolated: readonly { name: string; result: RunResult }[]): Set<string> {
  return new Set(
    isolated.filter((i) => i.result.tests.some((t) => t.name === i.name && t.race)).map((i) => i.name),
  );
}

/**
 * Returns what the learner is shown of a graded run: a new value (the classified run is never
 * changed) in which the tests that raced alone are marked as racing and their reports are added,
 * so the exercise page draws the race the grade counted.
 */
export function withIsolatedRaces(
  run: RunResult,
  isolated: readonly { name: string; result: RunResult }[],
): RunResult {
  const names = racedAlone(isolated);
  if (names.size === 0) return run;
  return {
    ...run,
    tests: run.tests.map((t) => (names.has(t.name) ? { ...t, race: true } : t)),
    races: [...run.races, ...isolated.filter((i) => names.has(i.name)).flatMap((i) => i.result.races)],
  };
}
