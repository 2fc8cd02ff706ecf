// How a sandbox program ended, as the outcome table groups schedules: the program's end (finished,
// Go's deadlock, a panic or a fatal error with Go's message), x's final value and whether an update
// was lost, and whether the race detector reported a race. Also the level predicate that each
// outcome stands for, so a sandbox level can be "reach this outcome".

import type { Predicate } from '../../engine/types.ts';
import { lostUpdate, programIsDeadlocked, varOf } from './program.ts';
import type { ProgramState } from './state.ts';

/** One outcome class. */
export interface ProgramOutcome {
  end: 'ok' | 'lostUpdate' | 'deadlock' | 'panic' | 'fatal';
  /** Go's message for a panic or a fatal error. */
  message: string | null;
  /** x's final value, when the program uses x. */
  x: number | null;
  race: boolean;
}

/** The outcome of a program that can move no more. */
export function programOutcome(p: ProgramState): ProgramOutcome {
  const x = varOf(p)?.value ?? null;
  const race = p.hb.race !== null;
  if (p.failure)
    return { end: p.failure.kind === 'panic' ? 'panic' : 'fatal', message: p.failure.message, x, race };
  if (programIsDeadlocked(p)) return { end: 'deadlock', message: null, x, race };
  return { end: lostUpdate(p) ? 'lostUpdate' : 'ok', message: null, x, race };
}

/** The outcome as the counter's class key (stable JSON). */
export const outcomeKey = (o: ProgramOutcome): string => JSON.stringify([o.end, o.message, o.x, o.race]);

/** The outcome back from its class key. */
export function parseOutcomeKey(key: string): ProgramOutcome {
  const [end, message, x, race] = JSON.parse(key) as [
    ProgramOutcome['end'],
    string | null,
    number | null,
    boolean,
  ];
  return { end, message, x, race };
}

/** The break-level goals an outcome offers: its end (a plain finish is no break) and a race. */
export function winsOf(o: ProgramOutcome): Predicate[] {
  const out: Predicate[] = [];
  if (o.end === 'deadlock' || o.end === 'lostUpdate') out.push({ kind: o.end });
  if (o.end === 'panic' || o.end === 'fatal') out.push({ kind: o.end, message: o.message ?? undefined });
  if (o.race) out.push({ kind: 'race' });
  return out;
}
