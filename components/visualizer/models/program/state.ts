// The state of the sandbox's composite program: goroutines whose programs are palette ops, the
// shared objects (each the state of its primitive's own model), happens-before for the race
// detector, and how the program died. Built from a scenario's lanes; stepped by program.ts.

import type { Failure, GoroutineId, ModelInfo } from '../types.ts';
import { newHb, type Hb } from './hb.ts';
import { KINDS, type SubState } from './kinds.ts';
import { OBJECTS, PALETTE, type ObjName, type OpId } from './palette.ts';

/** `start` = about to begin program[ip]; `in` = inside it (a later micro-step, or parked in it). */
export type ProgPc = 'start' | 'in' | 'done';

/** A goroutine and its palette ops. */
export interface ProgG {
  id: GoroutineId;
  program: OpId[];
  ip: number;
  pc: ProgPc;
}

/** The whole program. */
export interface ProgramState {
  model: 'program';
  goroutines: ProgG[];
  /** Only the objects some op uses, each its model's state. */
  objects: Partial<Record<ObjName, SubState>>;
  hb: Hb;
  failure: Failure | null;
}

/** Advance one goroutine by one micro-step. */
export type ProgramEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const programInfo: ModelInfo = {
  id: 'program',
  title: 'Sandbox program',
  goVersions: 'Go 1.24+',
  sources: [
    'src/internal/sync/mutex.go, src/sync/rwmutex.go, src/sync/waitgroup.go: each object is stepped by its own model',
    'src/internal/runtime/maps/runtime.go, map.go: the map write flag (map-check model)',
    'src/runtime/chan.go, src/sync/cond.go, src/sync/once.go: channels, sync.Cond and sync.Once, each stepped by its own model',
    'src/runtime/chan.go (racereadpc, racewritepc, racesync, racenotify), src/sync/once.go (done.Store, done.Load): their happens-before edges',
    'src/internal/race (race.Acquire, Release, ReleaseMerge, ReadPC, WritePC) and ThreadSanitizer: happens-before by vector clocks',
    'src/runtime/proc.go checkdead: "all goroutines are asleep - deadlock!"',
  ],
  simplifications: [
    "The lanes are goroutines started together; main only waits, so a lane never inherits another lane's history.",
    'Lost update: every goroutine finished and x is less than the number of x++ that completed.',
    'The race detector keeps the first race it sees; Go prints every race and exits with status 66 at the end.',
    'The map is one key; the runtime check and the race detector both look at the map as a whole.',
    'A channel’s happens-before edges are a little coarser than the race runtime’s (palette-sync.ts says where): they only add edges, so a race Go reports may go unreported here, never the reverse.',
  ],
};

/** The state before any move, from each lane's ops. */
export function newProgramState(programs: Record<GoroutineId, OpId[]>): ProgramState {
  const ids = Object.keys(programs);
  const objects: Partial<Record<ObjName, SubState>> = {};
  for (const obj of Object.keys(OBJECTS) as ObjName[]) {
    const own = Object.fromEntries(
      ids.map((g) => [
        g,
        programs[g]!.map((op) => PALETTE[op])
          .filter((e) => e.obj === obj)
          .map((e) => e.op),
      ]),
    );
    if (Object.values(own).some((ops) => ops.length > 0)) objects[obj] = KINDS[OBJECTS[obj]].init(own, obj);
  }
  return {
    model: 'program',
    goroutines: ids.map((id) => ({
      id,
      program: programs[id]!,
      ip: 0,
      pc: programs[id]!.length ? 'start' : 'done',
    })),
    objects,
    hb: newHb(ids),
    failure: null,
  };
}
