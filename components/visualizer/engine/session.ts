/**
 * The learner's position in a scenario as plain data: moves made (`history`) and moves that Step
 * will make next (`future`: the rest of the script, or what Back undid). Picking a goroutine that
 * differs from the next scripted move starts a new branch, like typing after undo in an editor.
 */
import { sameMove } from './run.ts';
import type { Move, Scenario } from './types.ts';

/** Where the learner is. */
export interface Session {
  history: Move[];
  future: Move[];
}

/** The start of a scenario: nothing played, the whole script ahead. */
export function startSession(s: Scenario): Session {
  return { history: [], future: [...s.script] };
}

/** Step forward along the future (script or redo); unchanged at the end. */
export function forward(x: Session): Session {
  const [next, ...rest] = x.future;
  return next === undefined ? x : { history: [...x.history, next], future: rest };
}

/** Step back one move; it becomes the next move again. */
export function back(x: Session): Session {
  const last = x.history[x.history.length - 1];
  return last === undefined ? x : { history: x.history.slice(0, -1), future: [last, ...x.future] };
}

/** The learner chooses a move: keep the future if it agrees, otherwise branch. */
export function pick(x: Session, move: Move): Session {
  const keep = sameMove(x.future[0], move);
  return { history: [...x.history, move], future: keep ? x.future.slice(1) : [] };
}

/** Moves forward or back until `step` moves have been made (clamped to what exists). */
export function seek(x: Session, step: number): Session {
  let y = x;
  while (y.history.length > step && y.history.length > 0) y = back(y);
  while (y.history.length < step && y.future.length > 0) y = forward(y);
  return y;
}
