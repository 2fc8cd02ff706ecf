// A shared int variable `x` without any synchronisation, as the compiled code touches it: `x++` is a
// load into the goroutine's register and a store of register+1 (two steps another goroutine can run
// between: the lost update), `v := x` is one load. Nothing in Go checks these at run time; only the
// race detector (hb.ts) reports them.

import {
  replaceAt,
  say,
  usageError,
  type EnabledEvent,
  type GoroutineId,
  type StepResult,
} from '../types.ts';
import type { ProgramKey } from './narration-en.ts';

/** An access to x in a goroutine's program. */
export type VarOp = 'inc' | 'read';

/** A goroutine's view of x: its next op, and its register (the value it loaded). */
export interface VarG {
  id: GoroutineId;
  program: VarOp[];
  ip: number;
  pc: 'start' | 'store' | 'done';
  reg: number | null;
}

/** The variable, the increments that completed, and each goroutine's position. */
export interface VarState {
  model: 'var';
  value: number;
  /** Stores made by `x++`: the value x would have if no update were lost. */
  incs: number;
  goroutines: VarG[];
  failure: null;
}

/** x = 0 and one goroutine per program. */
export function newVarState(programs: Record<GoroutineId, VarOp[]>): VarState {
  return {
    model: 'var',
    value: 0,
    incs: 0,
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length ? 'start' : 'done',
      reg: null,
    })),
    failure: null,
  };
}

const next = (g: VarG): VarG['pc'] => (g.ip + 1 < g.program.length ? 'start' : 'done');

/** One step of `g`: a load (x++'s first half, or v := x) or x++'s store. */
export function stepVar(state: VarState, event: { type: 'step'; g: GoroutineId }): StepResult<VarState> {
  const index = state.goroutines.findIndex((x) => x.id === event.g);
  const g = state.goroutines[index];
  if (!g || g.pc === 'done') throw usageError(`${event.g} has no access to x left`);
  const op = g.program[g.ip];
  let s = state;
  let self: VarG;
  let key: ProgramKey;
  if (g.pc === 'store') {
    self = { ...g, pc: next(g), ip: g.ip + 1 };
    s = { ...s, value: (g.reg ?? 0) + 1, incs: s.incs + 1 };
    key = 'prog.x.store';
  } else {
    self =
      op === 'inc' ? { ...g, pc: 'store', reg: s.value } : { ...g, reg: s.value, pc: next(g), ip: g.ip + 1 };
    key = op === 'inc' ? 'prog.x.load' : 'prog.x.read';
  }
  const narration = [say(key, { g: g.id, reg: self.reg ?? 0, value: s.value })];
  return { state: { ...s, goroutines: replaceAt(s.goroutines, index, self) }, narration, effects: [] };
}

/** Every goroutine with an access left can make it: nothing blocks on a plain variable. */
export function varEnabledEvents(
  state: VarState,
): EnabledEvent<{ type: 'step'; g: GoroutineId }, ProgramKey>[] {
  return state.goroutines
    .filter((g) => g.pc !== 'done')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: say<ProgramKey>(
        g.pc === 'store'
          ? 'prog.label.store'
          : g.program[g.ip] === 'inc'
            ? 'prog.label.load'
            : 'prog.label.read',
      ),
    }));
}
