/**
 * "Count the outcomes over all schedules": every schedule of a scenario, from the start until
 * nothing can run, grouped by how it ends. The exact search of level-audit.ts generalised: the
 * state graph is walked depth-first once, memoised on state (a state reached by many schedules is
 * explored once), and each state keeps, per outcome class, how many schedules lead from it to that
 * class (BigInt: they multiply quickly) and the first move of a shortest one, so "show me one"
 * replays a shortest schedule. The walk is iterative and advances in slices (`advance(budget)`)
 * so a page can yield between slices; it stops with `too-big` past `maxStates` distinct states.
 */
import { applyMove, enabledMoves, startRun, type Run } from './run.ts';
import type { Move, Scenario } from './types.ts';

/** Per outcome class from one state: schedules to it, the shortest length and its first move. */
interface Tally {
  count: bigint;
  len: number;
  move: Move | null;
}
type Summary = Map<string, Tally>;

interface Frame {
  run: Run;
  key: string;
  moves: Move[];
  i: number;
  acc: Summary;
  via: Move | null;
}

/** One outcome class in the result. */
export interface OutcomeRow {
  cls: string;
  count: bigint;
  /** Moves of a shortest schedule ending in this class. */
  shortest: Move[];
}

/** The search's result: every class with its counts, or why there is none. */
export type CountResult =
  | { status: 'done'; total: bigint; states: number; rows: OutcomeRow[] }
  | { status: 'too-big'; states: number }
  | { status: 'cycle'; states: number };

/** The class of a run where nothing can move any more (its outcome, as a string key). */
export type Classify = (run: Run) => string;

const keyOf = (run: Run): string => JSON.stringify([run.state, run.counts]);

function merge(into: Summary, from: Summary, via: Move): void {
  for (const [cls, t] of from) {
    const had = into.get(cls);
    if (!had) into.set(cls, { count: t.count, len: t.len + 1, move: via });
    else {
      had.count += t.count;
      if (t.len + 1 < had.len) Object.assign(had, { len: t.len + 1, move: via });
    }
  }
}

/** An outcome count in progress: call advance until it returns a result. */
export class OutcomeCounter {
  private readonly memo = new Map<string, Summary>();
  private readonly open = new Set<string>();
  private readonly stack: Frame[] = [];
  private result: CountResult | null = null;
  private readonly s: Scenario;
  private readonly classify: Classify;
  private readonly maxStates: number;

  constructor(s: Scenario, classify: Classify, maxStates = 100_000) {
    this.s = s;
    this.classify = classify;
    this.maxStates = maxStates;
    const leaf = this.enter(startRun(s), null);
    if (leaf) this.finish(leaf); // nothing can run at all: one empty schedule
  }

  /** Distinct states explored so far. */
  get states(): number {
    return this.memo.size + this.stack.length;
  }

  /** Pushes a state, or settles it at once when it is terminal (nothing can move). */
  private enter(run: Run, via: Move | null): Summary | null {
    const moves = enabledMoves(this.s, run).map((m) => m.move);
    const key = keyOf(run);
    if (moves.length === 0) {
      const leaf: Summary = new Map([[this.classify(run), { count: 1n, len: 0, move: null }]]);
      this.memo.set(key, leaf);
      return leaf;
    }
    this.open.add(key);
    this.stack.push({ run, key, moves, i: 0, acc: new Map(), via });
    return null;
  }

  /** Explores up to `budget` edges; returns the result once the whole graph is counted. */
  advance(budget: number): CountResult | null {
    for (let n = 0; n < budget && !this.result; n++) this.edge();
    return this.result;
  }

  private edge(): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    if (top.i >= top.moves.length) {
      this.stack.pop();
      this.open.delete(top.key);
      this.memo.set(top.key, top.acc);
      const parent = this.stack[this.stack.length - 1];
      if (parent && top.via !== null) merge(parent.acc, top.acc, top.via);
      else this.finish(top.acc);
      return;
    }
    const m = top.moves[top.i++]!;
    const child = applyMove(this.s, top.run, m);
    const key = keyOf(child);
    if (this.open.has(key)) {
      this.result = { status: 'cycle', states: this.states };
      return;
    }
    const known = this.memo.get(key) ?? this.enter(child, m);
    if (known) merge(top.acc, known, m);
    if (this.states > this.maxStates) this.result = { status: 'too-big', states: this.states };
  }

  private finish(root: Summary): void {
    const rows = [...root.keys()].map((cls) => ({
      cls,
      count: root.get(cls)!.count,
      shortest: this.path(cls),
    }));
    rows.sort((a, b) => (a.count === b.count ? a.cls.localeCompare(b.cls) : a.count > b.count ? -1 : 1));
    const total = rows.reduce((sum, r) => sum + r.count, 0n);
    this.result = { status: 'done', total, states: this.memo.size, rows };
  }

  /** A shortest schedule to `cls`, following each state's best first move. */
  private path(cls: string): Move[] {
    let run = startRun(this.s);
    const out: Move[] = [];
    for (;;) {
      const move = this.memo.get(keyOf(run))?.get(cls)?.move ?? null;
      if (move === null) return out;
      out.push(move);
      run = applyMove(this.s, run, move);
    }
  }
}

/** Counts every schedule at once (tests, small programs). */
export function countOutcomes(s: Scenario, classify: Classify, maxStates?: number): CountResult {
  const c = new OutcomeCounter(s, classify, maxStates);
  let r: CountResult | null = null;
  while (!r) r = c.advance(10_000);
  return r;
}
