/**
 * Audits a "you are the scheduler" level: does a fixed, thoughtless strategy win it, how often does
 * random play win it, and how few moves does a winning schedule need (its par). The unit tests run
 * these over every level so a level cannot be won without insight and its par cannot drift.
 *
 * Clock moves (engine/clock.ts) are moves like any other: random play chooses uniformly among the
 * goroutine moves and the tick moves enabled at each step, and the shortest win counts ticks. A fixed
 * strategy picks goroutines as before and treats the clock in one of two ways, both audited where the
 * scenario offers ticks: `ignore` never ticks (a learner who leaves the clock alone), `eager` takes the
 * first offered tick whenever one is offered (a learner who presses "+1 ms" whenever it is enabled,
 * so the time limit is used up as soon as time matters). A scenario with spin choices (engine/spin.ts)
 * is audited in each of its variants: no strategy may win in any, random play at most 10 % in each,
 * and par is the fewest moves over all of them.
 */
import { outcomeOf } from './level.ts';
import { applyMove, enabledMoves, startRun, type Run } from './run.ts';
import { spinChoices, spinCode, withSpin } from './spin.ts';
import type { Move, Scenario } from './types.ts';

/** The fixed strategies a learner might click without thinking. */
export type Strategy = 'alternate' | 'round-robin' | 'always-first' | 'always-last' | 'to-completion';

export const STRATEGIES: readonly Strategy[] = [
  'alternate',
  'round-robin',
  'always-first',
  'always-last',
  'to-completion',
];

/** A run's identity for the searches: the model state plus the program positions. */
const keyOf = (run: Run): string => JSON.stringify([run.state, run.counts]);

/** How a fixed strategy treats the clock. */
export type ClockPolicy = 'ignore' | 'eager';

/** Goroutine ids that can run now, in lane order. */
function runnable(s: Scenario, run: Run): string[] {
  return enabledMoves(s, run).flatMap((m) => (m.goroutine === null ? [] : [m.goroutine]));
}

/** The first tick offered now, if any. */
function firstTick(s: Scenario, run: Run): Move | null {
  return enabledMoves(s, run).find((m) => m.goroutine === null)?.move ?? null;
}

/**
 * The next goroutine a strategy picks, given the runnable ones (lane order), the lane `order` and
 * the previous pick. `order` only matters for to-completion: which goroutine to run next.
 */
function choose(strategy: Strategy, can: string[], order: string[], prev: string | null): string {
  const first = can[0]!;
  switch (strategy) {
    case 'always-first':
      return first;
    case 'always-last':
      return can[can.length - 1]!;
    case 'alternate':
      // G1, G2, G1, G2 …: anything but the goroutine that just moved, the first such in lane order.
      return can.find((g) => g !== prev) ?? first;
    case 'round-robin': {
      // Lanes in turn, starting after the one that just moved, skipping those that cannot run.
      const from = prev === null ? 0 : order.indexOf(prev) + 1;
      for (let i = 0; i < order.length; i++) {
        const g = order[(from + i) % order.length]!;
        if (can.includes(g)) return g;
      }
      return first;
    }
    case 'to-completion':
      // Keep running the same goroutine until it finishes or blocks, then the next in `order`.
      if (prev !== null && can.includes(prev)) return prev;
      return order.find((g) => can.includes(g)) ?? first;
  }
}

/** The moves a strategy makes from the start until the level is won or lost. */
export function playStrategy(
  s: Scenario,
  strategy: Strategy,
  order: string[] = s.goroutines.map((g) => g.id),
  clock: ClockPolicy = 'ignore',
  maxSteps = 1000,
): { moves: Move[]; won: boolean } {
  let run = startRun(s);
  const moves: Move[] = [];
  let prev: string | null = null;
  for (let i = 0; i < maxSteps; i++) {
    const outcome = outcomeOf(s, run);
    if (outcome !== 'playing') return { moves, won: outcome === 'won' };
    const tick = clock === 'eager' ? firstTick(s, run) : null;
    const move = tick ?? (prev = choose(strategy, runnable(s, run), order, prev));
    moves.push(move);
    run = applyMove(s, run, move);
  }
  throw new Error(`${s.id}: ${strategy} did not end in ${maxSteps} moves`);
}

/**
 * The lane orders to-completion is tried in: lane order (the plain sequential schedule) and its
 * reverse. Not every permutation: in some bugs (Add after go) a goroutine that simply runs first
 * is the bug, and the level asks for the insight of which one, not for an interleaving.
 */
export function laneOrders(s: Scenario): string[][] {
  const ids = s.goroutines.map((g) => g.id);
  return [ids, [...ids].reverse()];
}

/**
 * Which strategies win the level (to-completion named with its lane order, `+ticks` for the eager
 * clock policy, which is tried only where the scenario offers ticks).
 */
export function winningStrategies(s: Scenario): string[] {
  const out: string[] = [];
  const policies: ClockPolicy[] = s.clock ? ['ignore', 'eager'] : ['ignore'];
  for (const strategy of STRATEGIES) {
    const orders = strategy === 'to-completion' ? laneOrders(s) : [s.goroutines.map((g) => g.id)];
    for (const order of orders)
      for (const clock of policies)
        if (playStrategy(s, strategy, order, clock).won)
          out.push(
            `${strategy === 'to-completion' ? `${strategy}(${order.join(',')})` : strategy}` +
              (clock === 'eager' ? '+ticks' : ''),
          );
  }
  return out;
}

/** The scenario in each spin environment it offers, named by its share code; itself when it offers none. */
export function auditVariants(s: Scenario): { name: string; s: Scenario }[] {
  const choices = spinChoices(s);
  if (!choices.length) return [{ name: '', s }];
  return choices.map((c) => ({ name: `GOMAXPROCS=${spinCode(c)}`, s: withSpin(s, c) }));
}

/**
 * The exact chance that random play wins: at each step a uniform choice among the goroutines that
 * can run and the ticks offered, until the level is won or lost. Computed over the state graph (memoized), not sampled.
 */
export function randomWinChance(s: Scenario): number {
  const memo = new Map<string, number>();
  const open = new Set<string>();
  const chance = (run: Run): number => {
    const outcome = outcomeOf(s, run);
    if (outcome !== 'playing') return outcome === 'won' ? 1 : 0;
    const key = keyOf(run);
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (open.has(key)) throw new Error(`${s.id}: the state graph has a cycle; sample it instead`);
    open.add(key);
    const moves = enabledMoves(s, run);
    const p = moves.reduce((sum, m) => sum + chance(applyMove(s, run, m.move)), 0) / moves.length;
    open.delete(key);
    memo.set(key, p);
    return p;
  };
  return chance(startRun(s));
}

/** The fewest moves of a winning schedule (breadth-first), or null when nothing wins. */
export function shortestWin(s: Scenario, maxStates = 1_000_000): Move[] | null {
  const seen = new Set<string>();
  let frontier: { run: Run; path: Move[] }[] = [{ run: startRun(s), path: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { run, path } of frontier) {
      const outcome = outcomeOf(s, run);
      if (outcome === 'won') return path;
      if (outcome === 'lost') continue;
      const key = keyOf(run);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > maxStates) throw new Error(`${s.id}: more than ${maxStates} states`);
      for (const m of enabledMoves(s, run))
        next.push({ run: applyMove(s, run, m.move), path: [...path, m.move] });
    }
    frontier = next;
  }
  return null;
}
