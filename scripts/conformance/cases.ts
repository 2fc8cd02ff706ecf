/**
 * Pure: conformance cases for the Go copies of sync.Mutex / sync.RWMutex (tests/conformance). A
 * case is a move list replayed through the TypeScript model with the model's state before and after
 * every move; the Go test replays the same moves through its copy and compares each state.
 */
import {
  playStrategy,
  laneOrders,
  shortestWin,
  STRATEGIES,
} from '../../components/visualizer/engine/level-audit.ts';
import { applyMove, enabledMoves, startRun, type Run } from '../../components/visualizer/engine/run.ts';
import type { Move, Scenario } from '../../components/visualizer/engine/types.ts';
import type { MutexState, SpinEnv } from '../../components/visualizer/models/mutex/state.ts';
import { snapshotOf } from './snapshot.ts';

/** The models the Go copies follow. */
export type ConformanceModel = 'mutex' | 'rwmutex';

export interface ConformanceCase {
  name: string;
  model: ConformanceModel;
  programs: { id: string; program: string[] }[];
  spinEnv: SpinEnv;
  now: number;
  moves: Move[];
  /** states[0] before any move, states[i + 1] after moves[i]. */
  states: object[];
}

/** The RWMutex model has no spin inputs or clock; the Go side still gets a complete SpinEnv. */
const NO_SPIN: SpinEnv = { numCPUStartup: 1, gomaxprocs: 1, npidle: 0, nmspinning: 0, localRunqEmpty: true };

/** Whether a scenario's model is one the Go copies follow. */
export function isConformanceModel(model: string): model is ConformanceModel {
  return model === 'mutex' || model === 'rwmutex';
}

/** Replays `moves` through the scenario's model, recording the state before and after each move. */
export function caseOf(name: string, s: Scenario, moves: readonly Move[]): ConformanceCase {
  if (!isConformanceModel(s.model)) throw new Error(`${name}: ${s.model} has no Go copy`);
  // The state, and which goroutines the engine lets a move name next (the Go scheduler must agree).
  const record = (r: Run) => ({
    ...snapshotOf(r.state),
    // Goroutine moves only: the learner's clock moves (engine/clock.ts) are the cases' own ticks here.
    enabled: enabledMoves(s, r).flatMap((m) => (typeof m.move === 'string' ? [m.move] : [])),
  });
  let run = startRun(s);
  const first = run.state as MutexState;
  const states = [record(run)];
  for (const m of moves) {
    run = applyMove(s, run, m);
    states.push(record(run));
  }
  return {
    name,
    model: s.model,
    programs: s.goroutines.map((g) => ({ id: g.id, program: (g.program ?? []) as string[] })),
    spinEnv: s.model === 'mutex' ? first.spinEnv : NO_SPIN,
    now: s.model === 'mutex' ? first.now : 0,
    moves: [...moves],
    states,
  };
}

/**
 * Every move list a scenario file gives: its script, and for a level the shortest win and the move
 * lists of the fixed strategies the level audit plays.
 */
export function scenarioCases(s: Scenario): ConformanceCase[] {
  const out = [caseOf(`${s.id}/script`, s, s.script)];
  if (s.level?.kind !== 'break') return out;
  const win = shortestWin(s);
  if (win) out.push(caseOf(`${s.id}/shortest-win`, s, win));
  for (const strategy of STRATEGIES)
    for (const order of strategy === 'to-completion' ? laneOrders(s) : [s.goroutines.map((g) => g.id)])
      out.push(caseOf(`${s.id}/${strategy}(${order.join(',')})`, s, playStrategy(s, strategy, order).moves));
  return out;
}

/** A scenario built from programs alone, for generated cases. */
export function syntheticScenario(
  id: string,
  model: ConformanceModel,
  programs: Record<string, string[]>,
  spinEnv?: Partial<SpinEnv>,
): Scenario {
  return {
    id,
    model,
    chapter: '',
    title: id,
    description: '',
    goroutines: Object.entries(programs).map(([g, program]) => ({ id: g, code: [], program })),
    initial: model === 'mutex' && spinEnv ? { spinEnv } : {},
    script: [],
  };
}
