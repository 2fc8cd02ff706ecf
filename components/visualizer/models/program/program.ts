// The sandbox's composite model: steps goroutines whose programs are palette ops over shared
// objects. Each op is delegated to its object's own model (kinds.ts), so blocking, fatal errors and
// panics are exactly those models'; this file only routes the step, moves a goroutine to its next
// op when the object's model says the call returned, applies the op's happens-before notes
// (hb.ts) and decides Go's global deadlock: nothing can step while some goroutine is not done
// (src/runtime/proc.go checkdead, "all goroutines are asleep - deadlock!").

import { lanePos, type LanePos } from '../define.ts';
import { replaceAt, say, usageError, type EnabledEvent, type Narration, type StepResult } from '../types.ts';
import { access, acquire, release, type Hb } from './hb.ts';
import { KINDS, labelIn, type SubState } from './kinds.ts';
import type { ProgramKey } from './narration-en.ts';
import { OBJECTS, PALETTE, type HbNote, type ObjName, type PaletteOp } from './palette.ts';
import type { ProgG, ProgramEvent, ProgramState } from './state.ts';
import type { VarState } from './var.ts';

export * from './state.ts';

const kindOf = (obj: ObjName) => KINDS[OBJECTS[obj]];
const subG = (s: SubState, g: string) => s.goroutines.find((x) => x.id === g);

/** Applies the op's notes due at this point of the call. */
function applyNotes(hb: Hb, g: string, notes: readonly HbNote[], won: boolean): Hb {
  let out = hb;
  for (const n of notes) {
    if (n.won && !won) continue;
    if (n.act === 'acquire') out = acquire(out, g, n.name);
    else if (n.act === 'release' || n.act === 'releaseMerge')
      out = release(out, g, n.name, n.act === 'releaseMerge');
    else out = access(out, g, n.name, n.act === 'write');
  }
  return out;
}

/** The op's notes at `last` (its return). */
const notesAtLast = (e: PaletteOp) => e.hb.filter((n) => n.at === 'last');

/** The op's notes due before a micro-step: `first` on its first one, `pc` on the one taken from that pc. */
const notesBefore = (e: PaletteOp, first: boolean, pc: string) =>
  e.hb.filter((n) => (n.at === 'first' && first) || (n.at === 'pc' && n.pc === pc));

/** One micro-step of `g` inside the object of its current op. */
function stepInObject(state: ProgramState, g: ProgG, e: PaletteOp & { obj: ObjName }) {
  const sub = state.objects[e.obj];
  const before = sub && subG(sub, g.id);
  if (!sub || !before) throw usageError(`${g.id}: no ${e.obj} in this program`);
  const first = g.pc === 'start';
  // x++ writes on its second step: a note at `last` for x is due on the step that completes it.
  let hb = applyNotes(state.hb, g.id, notesBefore(e, first, before.pc), true);
  const r = kindOf(e.obj).step(sub, { type: 'step', g: g.id });
  const after = subG(r.state, g.id)!;
  const returned = !r.state.failure && (after.ip > before.ip || after.pc === 'done');
  if (returned) {
    const won = e.op !== 'tryLock' || (r.state as unknown as { holder: string | null }).holder === g.id;
    hb = applyNotes(hb, g.id, notesAtLast(e), won);
  }
  return { sub: r.state, hb, returned, r };
}

/** How many of g's ops before its current one are on `obj`: its current op's index in that object's model. */
const subIp = (g: ProgG, obj: ObjName) =>
  g.program.slice(0, g.ip).filter((op) => PALETTE[op].obj === obj).length;

/**
 * Goroutines whose call in `obj` another goroutine's step completed (the cond and once models hand a
 * lock straight to its head waiter, so that waiter's Lock, or Wait's relock, has returned): each
 * moves on to its next op, with its op's `last` notes.
 */
function completedByOthers(state: ProgramState, stepped: string, obj: ObjName): ProgramState {
  const sub = state.objects[obj];
  if (!sub || state.failure) return state;
  let hb = state.hb;
  const goroutines = state.goroutines.map((g) => {
    const e = PALETTE[g.program[g.ip]!] as PaletteOp | undefined;
    if (g.id === stepped || g.pc !== 'in' || e?.obj !== obj) return g;
    const x = subG(sub, g.id);
    if (!x || (x.ip <= subIp(g, obj) && x.pc !== 'done')) return g;
    hb = applyNotes(hb, g.id, notesAtLast(e), true);
    const ip = g.ip + 1;
    return { ...g, ip, pc: ip < g.program.length ? ('start' as const) : ('done' as const) };
  });
  return { ...state, goroutines, hb };
}

/** Applies one event: the goroutine's next micro-step in the program. */
export function stepProgram(state: ProgramState, event: ProgramEvent): StepResult<ProgramState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((x) => x.id === event.g);
  const g = state.goroutines[index];
  if (!g || g.pc === 'done') throw usageError(`${event.g} cannot step now`);
  const e = PALETTE[g.program[g.ip]!];
  const narration: Narration[] = [];
  let next = state;
  let returned = true;
  if (e.obj === null) narration.push(say<ProgramKey>('prog.work', { g: g.id }));
  else {
    const found = stepInObject(state, g, e as PaletteOp & { obj: ObjName });
    returned = found.returned;
    narration.push(...found.r.narration);
    next = completedByOthers(
      {
        ...state,
        objects: { ...state.objects, [e.obj]: found.sub },
        hb: found.hb,
        failure: found.sub.failure,
      },
      g.id,
      e.obj,
    );
    if (next.hb.race && !state.hb.race) narration.push(say<ProgramKey>('prog.race', { ...next.hb.race }));
  }
  const ip = returned ? g.ip + 1 : g.ip;
  const self: ProgG = {
    ...g,
    ip,
    pc: next.failure ? g.pc : returned ? (ip < g.program.length ? 'start' : 'done') : 'in',
  };
  const effects = next.failure ? [{ kind: 'failure' as const, failure: next.failure }] : [];
  return { state: { ...next, goroutines: replaceAt(next.goroutines, index, self) }, narration, effects };
}

/** The goroutine a mutex handoff put in runnext, which runs before anyone else on the one P, or null. */
function runsFirst(state: ProgramState): string | null {
  for (const [obj, sub] of Object.entries(state.objects) as [ObjName, SubState][]) {
    const first = kindOf(obj).runsFirst?.(sub) ?? null;
    if (first !== null) return first;
  }
  return null;
}

/** The label of g's next micro-step, or null when it is blocked. */
function labelOf(state: ProgramState, g: ProgG): Narration | null {
  const e = PALETTE[g.program[g.ip]!];
  if (e.obj === null) return say<ProgramKey>('prog.label.work');
  const sub = state.objects[e.obj];
  return sub ? labelIn(kindOf(e.obj), sub, g.id) : null;
}

/** Goroutines that can step now, each with the label of its step. */
export function programEnabledEvents(state: ProgramState): EnabledEvent<ProgramEvent>[] {
  if (state.failure) return [];
  const first = runsFirst(state);
  const out: EnabledEvent<ProgramEvent>[] = [];
  for (const g of state.goroutines) {
    if (g.pc === 'done' || (first !== null && g.id !== first)) continue;
    const label = labelOf(state, g);
    if (label) out.push({ goroutine: g.id, event: { type: 'step', g: g.id }, label });
  }
  return out;
}

/** Go's deadlock: no failure, some goroutine not done, and none can step. */
export function programIsDeadlocked(state: ProgramState): boolean {
  return (
    !state.failure &&
    state.goroutines.some((g) => g.pc !== 'done') &&
    programEnabledEvents(state).length === 0
  );
}

/** The shared variable x, if the program uses it. */
export const varOf = (state: ProgramState): VarState | null =>
  (state.objects.x as VarState | undefined) ?? null;

/** A lost update: everyone finished and x is below the number of x++ that completed. */
export function lostUpdate(state: ProgramState): boolean {
  const x = varOf(state);
  return !state.failure && state.goroutines.every((g) => g.pc === 'done') && x !== null && x.value < x.incs;
}

/** Where a lane is: its op, blocked (with Go's wait reason) or not, what it holds, its register for x. */
export function programCursor(state: ProgramState, id: string): LanePos | null {
  const g = state.goroutines.find((x) => x.id === id);
  if (!g) return null;
  const holds = (Object.entries(state.objects) as [ObjName, SubState][]).flatMap(([obj, sub]) =>
    kindOf(obj).holds(sub, id, obj),
  );
  const register = varOf(state)?.goroutines.find((x) => x.id === id)?.reg ?? null;
  if (g.pc === 'done') return lanePos(null, 'done', { holds, register });
  const e = PALETTE[g.program[g.ip]!];
  const sub = e.obj && state.objects[e.obj];
  const kind = e.obj && kindOf(e.obj);
  const parked = sub && kind ? (kind.parked?.(sub, id) ?? subG(sub, id)?.pc === 'parked') : false;
  const reason = parked && kind ? kind.reason(sub!, id) : null;
  return lanePos(g.ip, g.pc, { status: parked ? 'blocked' : 'ready', reason, holds, register });
}
