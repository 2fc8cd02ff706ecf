/**
 * Pure: generated move lists for the conformance cases. Seeded random programs and schedules
 * (2–3 goroutines, every call the model knows, clock ticks, one P and four Ps with spinning), and
 * every schedule of a few short programs up to a depth. Same seed, same cases.
 */
import { applyMove, enabledMoves, startRun, type Run } from '../../components/visualizer/engine/run.ts';
import type { Move, Scenario } from '../../components/visualizer/engine/types.ts';
import type { SpinEnv } from '../../components/visualizer/models/mutex/state.ts';
import { caseOf, syntheticScenario, type ConformanceCase, type ConformanceModel } from './cases.ts';

/** mulberry32: a small seeded PRNG, returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/**
 * Call sequences a goroutine runs: mostly balanced, some that die (unlock of an unlocked lock). A
 * lone RUnlock is left to the exhaustive sets: beside a second writer's Unlock it can leave
 * readerCount at 2^30 − 1, and that Unlock then really releases readerSem 2^30 − 1 times.
 */
const MUTEX_PROGRAMS: readonly string[][] = [
  ['lock', 'unlock'],
  ['lock', 'work', 'unlock'],
  ['lock', 'unlock', 'lock', 'unlock'],
  ['tryLock'],
  ['tryLock', 'unlock'],
  ['work', 'lock', 'unlock'],
  ['unlock'],
];
const RW_PROGRAMS: readonly string[][] = [
  ['rlock', 'runlock'],
  ['rlock', 'work', 'runlock'],
  ['rlock', 'rlock', 'runlock', 'runlock'],
  ['lock', 'unlock'],
  ['lock', 'work', 'unlock'],
  ['rlock', 'runlock', 'lock', 'unlock'],
  ['unlock'],
];

/**
 * One P (no spinning), four busy Ps (spinning allowed), and the edges of proc.go canSpin: a full
 * local run queue, one CPU under GOMAXPROCS=4, and GOMAXPROCS exactly npidle + nmspinning + 1 (no
 * spin) or one more (spin).
 */
export const SPIN_ENVS: readonly Partial<SpinEnv>[] = [
  { numCPUStartup: 1, gomaxprocs: 1 },
  { numCPUStartup: 4, gomaxprocs: 4 },
  { numCPUStartup: 4, gomaxprocs: 4, localRunqEmpty: false },
  { numCPUStartup: 1, gomaxprocs: 4 },
  { numCPUStartup: 4, gomaxprocs: 4, npidle: 2, nmspinning: 1 },
  { numCPUStartup: 4, gomaxprocs: 4, npidle: 1, nmspinning: 1 },
];

/** Tick lengths: 1 ms exactly is starvationThresholdNs, which a wait must exceed. */
/** The goroutines that may move (a scenario's learner clock moves are left out: the generator adds its own ticks). */
function goroutineMoves(s: Scenario, run: Run): Move[] {
  return enabledMoves(s, run).flatMap((m) => (typeof m.move === 'string' ? [m.move] : []));
}

const TICKS = [100_000, 400_000, 600_000, 1_000_000, 1_100_000, 2_000_000];

/** A random schedule: an enabled goroutine or (mutex only) a tick, until nothing can run. */
export function randomMoves(s: Scenario, rand: () => number, maxMoves = 80, tickChance = 0.12): Move[] {
  let run = startRun(s);
  const moves: Move[] = [];
  while (moves.length < maxMoves) {
    const can = goroutineMoves(s, run);
    if (can.length === 0) break;
    const move: Move =
      s.model === 'mutex' && rand() < tickChance ? { tick: pick(rand, TICKS) } : pick(rand, can);
    moves.push(move);
    run = applyMove(s, run, move);
  }
  return moves;
}

/** How random cases are drawn: goroutine counts, the programs they pick from, how often the clock ticks. */
export interface RandomShape {
  sizes: readonly number[];
  pool?: readonly string[][];
  tickChance?: number;
  maxMoves?: number;
}

/** Several waiters, repeated Lock/Unlock and a busy clock: starvation mode, handoffs and its exit. */
export const STARVATION: RandomShape = {
  sizes: [3, 4],
  pool: [
    ['lock', 'unlock', 'lock', 'unlock'],
    ['lock', 'work', 'unlock'],
    ['lock', 'unlock', 'tryLock'],
  ],
  tickChance: 0.3,
  maxMoves: 120,
};

/** `n` random programs and schedules for a model. */
export function randomCases(
  model: ConformanceModel,
  n: number,
  seed: number,
  shape: RandomShape = { sizes: [2, 3] },
): ConformanceCase[] {
  const rand = prng(seed);
  const pool = shape.pool ?? (model === 'mutex' ? MUTEX_PROGRAMS : RW_PROGRAMS);
  const out: ConformanceCase[] = [];
  for (let i = 0; i < n; i++) {
    const count = pick(rand, shape.sizes);
    const programs = Object.fromEntries(
      Array.from({ length: count }, (_, k) => [`G${k + 1}`, [...pick(rand, pool)]]),
    );
    const s = syntheticScenario(`random-${model}-${seed}-${i}`, model, programs, pick(rand, SPIN_ENVS));
    out.push(caseOf(s.id, s, randomMoves(s, rand, shape.maxMoves, shape.tickChance)));
  }
  return out;
}

/**
 * Every schedule of a scenario's goroutines to the end (or to `depth` moves), with at most `ticks`
 * ticks of `tickNs` anywhere: one case per maximal move list.
 */
export function exhaustiveCases(
  s: Scenario,
  depth: number,
  ticks = 0,
  tickNs = 2_000_000,
): ConformanceCase[] {
  const lists: Move[][] = [];
  const walk = (run: Run, path: Move[], ticksLeft: number): void => {
    const can: Move[] = goroutineMoves(s, run);
    if (can.length === 0 || path.length >= depth) {
      lists.push(path);
      return;
    }
    if (ticksLeft > 0) can.push({ tick: tickNs });
    for (const m of can)
      walk(applyMove(s, run, m), [...path, m], typeof m === 'string' ? ticksLeft : ticksLeft - 1);
  };
  walk(startRun(s), [], ticks);
  return lists.map((moves, i) => caseOf(`${s.id}#${i}`, s, moves));
}

/** The exhaustive sets: two and three goroutines, one P and four, with and without the clock. */
export function exhaustiveSets(): ConformanceCase[] {
  const lu = ['lock', 'unlock'];
  const m = (id: string, p: Record<string, string[]>, env?: Partial<SpinEnv>) =>
    syntheticScenario(id, 'mutex', p, env);
  const rw = (id: string, p: Record<string, string[]>) => syntheticScenario(id, 'rwmutex', p);
  return [
    ...exhaustiveCases(m('all-mutex-2x-lock-1p', { G1: lu, G2: lu }), 40, 1),
    ...exhaustiveCases(m('all-mutex-2x-lock-4p', { G1: lu, G2: lu }, SPIN_ENVS[1]), 40),
    ...exhaustiveCases(m('all-mutex-3x-lock-1p', { G1: lu, G2: lu, G3: lu }), 8),
    ...exhaustiveCases(m('all-mutex-trylock-1p', { G1: lu, G2: ['tryLock'], G3: lu }), 9),
    ...exhaustiveCases(rw('all-rw-reader-writer', { R: ['rlock', 'runlock'], W: lu }), 40),
    ...exhaustiveCases(
      rw('all-rw-2readers-writer', { R1: ['rlock', 'runlock'], R2: ['rlock', 'runlock'], W: lu }),
      40,
    ),
    ...exhaustiveCases(rw('all-rw-2writers-reader', { W1: lu, W2: lu, R: ['rlock', 'runlock'] }), 40),
    ...exhaustiveCases(rw('all-rw-writer-bad-runlock', { W: lu, R: ['runlock'] }), 40),
  ];
}
