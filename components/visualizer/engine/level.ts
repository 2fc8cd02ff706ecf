/**
 * Grading for "you are the scheduler" levels: a level is won when its predicate holds, lost when
 * nothing can run any more without it holding. Also the bounded searches the unit tests use to
 * prove every level winnable and not won by the plain sequential schedule.
 */
import { holds } from './predicates.ts';
import { applyMove, enabledMoves, startRun, type Run } from './run.ts';
import type { Move, Predicate, Scenario } from './types.ts';

/** Where a break level stands. */
export type Outcome = 'playing' | 'won' | 'lost';

/** Won, lost or still playing after `run`. */
export function outcomeOf(s: Scenario, run: Run): Outcome {
  const win = s.level?.win;
  if (!win) return 'playing';
  if (holds(s.model, run.state, win)) return 'won';
  return enabledMoves(s, run).length === 0 ? 'lost' : 'playing';
}

/** Depth-first search for a move list that makes `p` hold, visiting each distinct state once. */
export function findWinning(s: Scenario, p: Predicate, maxDepth = 80): Move[] | null {
  const seen = new Set<string>();
  const dfs = (run: Run, path: Move[]): Move[] | null => {
    if (holds(s.model, run.state, p)) return path;
    if (path.length >= maxDepth) return null;
    const key = JSON.stringify([run.state, run.counts]);
    if (seen.has(key)) return null;
    seen.add(key);
    for (const m of enabledMoves(s, run)) {
      const found = dfs(applyMove(s, run, m.move), [...path, m.move]);
      if (found) return found;
    }
    return null;
  };
  return dfs(startRun(s), []);
}

/** Runs goroutines one after another in lane order (always the first that can run) to the end. */
export function sequentialRun(s: Scenario, maxSteps = 500): Run {
  let run = startRun(s);
  for (let i = 0; i < maxSteps; i++) {
    const [first] = enabledMoves(s, run);
    if (!first) return run;
    run = applyMove(s, run, first.move);
  }
  throw new Error(`${s.id}: the sequential schedule did not finish in ${maxSteps} steps`);
}
