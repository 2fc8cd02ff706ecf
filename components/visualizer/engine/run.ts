/**
 * Replays moves through a scenario's model. A move is a goroutine id (its next micro-step, or its
 * next scripted event for event-driven models) or a clock tick. Models are pure, so stepping back is
 * replaying one move fewer, and a shared URL is just the list of moves.
 */
import type { Narration } from '../models/types.ts';
import { tickSizes } from './clock.ts';
import type { Run } from './run-types.ts';
import { driverOf, initialState, isEventDriven } from './setup.ts';
import type { Move, Scenario } from './types.ts';

export type { Run, StepRecord } from './run-types.ts';

/** A move the learner (or the scheduler buttons) may make now. */
export interface EnabledMove {
  move: Move;
  goroutine: string | null;
  event: unknown;
  /** The step as a code + params from a stepped model; null for an event-driven lane (its event names it). */
  label: Narration | null;
}

/** The run before any move. */
export function startRun(s: Scenario): Run {
  return {
    state: initialState(s),
    steps: [],
    counts: Object.fromEntries(s.goroutines.map((g) => [g.id, 0])),
  };
}

/** The model event a move stands for, or null when that goroutine has nothing left to run. */
export function eventFor(s: Scenario, run: Run, move: Move): unknown {
  if (typeof move !== 'string') return { type: 'tick', ns: move.tick };
  if (!isEventDriven(s.model)) return { type: 'step', g: move };
  const lane = s.goroutines.find((g) => g.id === move);
  return lane?.program?.[run.counts[move] ?? 0] ?? null;
}

/** Applies one move; throws if the model refuses it (a scenario bug or a disabled goroutine). */
export function applyMove(s: Scenario, run: Run, move: Move): Run {
  const event = eventFor(s, run, move);
  if (event === null) throw new Error(`${s.id}: ${String(move)} has nothing left to run`);
  if (typeof move === 'string' && !canRun(s, run, move)) throw new Error(`${s.id}: ${move} is blocked`);
  const r = driverOf(s.model).step(run.state, event);
  const goroutine = typeof move === 'string' ? move : null;
  const counts =
    goroutine && isEventDriven(s.model)
      ? { ...run.counts, [goroutine]: (run.counts[goroutine] ?? 0) + 1 }
      : run.counts;
  return {
    state: r.state,
    counts,
    steps: [...run.steps, { move, goroutine, event, narration: r.narration }],
  };
}

/** Replays moves from the start. */
export function replayMoves(s: Scenario, moves: readonly Move[]): Run {
  return moves.reduce((run, m) => applyMove(s, run, m), startRun(s));
}

/** Whether a goroutine may take its next step (not finished, not blocked, model accepts it). */
function canRun(s: Scenario, run: Run, g: string): boolean {
  if (!isEventDriven(s.model)) return true; // stepped models refuse by throwing; enabledEvents filters first
  if (driverOf(s.model).isWaiting?.(run.state, g)) return false;
  return eventFor(s, run, g) !== null;
}

/**
 * The moves that can be made now: goroutine moves in lane order, then the clock moves the scenario
 * offers the learner (engine/clock.ts says when; a script may tick at any time).
 */
export function enabledMoves(s: Scenario, run: Run): EnabledMove[] {
  const moves = goroutineMoves(s, run);
  const ticks = tickSizes(s, run.state, moves.length > 0).map((ns): EnabledMove => ({
    move: { tick: ns },
    goroutine: null,
    event: { type: 'tick', ns },
    label: null,
  }));
  return ticks.length ? [...moves, ...ticks] : moves;
}

/** Goroutine moves that can run now, in lane order. */
function goroutineMoves(s: Scenario, run: Run): EnabledMove[] {
  const driver = driverOf(s.model);
  if (driver.failure(run.state)) return [];
  if (!isEventDriven(s.model)) {
    return driver.enabledEvents(run.state).map((e) => ({
      move: e.goroutine ?? '',
      goroutine: e.goroutine,
      event: e.event,
      label: e.label,
    }));
  }
  const out: EnabledMove[] = [];
  for (const lane of s.goroutines) {
    if (!canRun(s, run, lane.id)) continue;
    const event = eventFor(s, run, lane.id);
    try {
      driver.step(run.state, event); // the model's own checks (e.g. unlocking a lock not held)
    } catch {
      continue;
    }
    out.push({ move: lane.id, goroutine: lane.id, event, label: null });
  }
  return out;
}

/** The same move, compared structurally (ticks are objects). */
export function sameMove(a: Move | undefined, b: Move | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.tick === b.tick;
}
