/**
 * The shape of a replayed run (types only), apart from run.ts, which replays it: a render context
 * names a Run, and every model's view takes a render context, so this must not load the models.
 */
import type { Narration } from '../models/types.ts';
import type { Move } from './types.ts';

/** What one move did. */
export interface StepRecord {
  move: Move;
  goroutine: string | null;
  event: unknown;
  narration: Narration[];
}

/** A replayed history: the state after it, each step's record and per-lane program positions. */
export interface Run {
  state: unknown;
  steps: StepRecord[];
  /** Events already applied per lane (event-driven models only). */
  counts: Record<string, number>;
}
