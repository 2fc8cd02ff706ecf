// The built-in map's concurrent-misuse check, split into micro-steps so an interleaving can trigger it.
// Go 1.24+ Swiss-table maps (src/internal/runtime/maps/map.go, runtime_swiss.go / runtime_fast*.go):
//   write (runtime_mapassign / Map.PutSlot / Map.Delete):
//     if m.writing != 0 { fatal("concurrent map writes") }   // on entry
//     hash := typ.Hasher(key, m.seed); m.writing ^= 1        // "toggle, see comment on writing"
//     … find or insert the slot …
//     if m.writing == 0 { fatal("concurrent map writes") }   // on exit
//     m.writing ^= 1
//   read (runtime_mapaccess1/2):   if m.writing != 0 { fatal("concurrent map read and map write") }
//   range (Iter.Next):             if it.m.writing != 0 { fatal("concurrent map iteration and map write") }
// Before Go 1.24 (src/runtime/map.go) the same check used `h.flags ^= hashWriting` (hashWriting = 4).
// Toggling (XOR) rather than setting means two overlapping writers can flip the flag back to 0, so the first
// to finish sees 0 and fails: it raises the odds that *one* side notices.
//
// This detection is BEST-EFFORT: there is no lock, the flag is a plain byte, and a reader that checked just
// before a writer set the flag is never caught. Only `go run -race` reliably reports such races.
// `fatal` cannot be recovered. In Go, mapassign returns the slot and the compiled code stores the value after
// the flag is cleared; this model stores it in the `insert` step.

import {
  failure,
  replaceAt,
  teller,
  usageError,
  type EnabledEvent,
  type Effect,
  type Failure,
  type GoroutineId,
  type ModelInfo,
  type Narration,
  type StepResult,
} from '../types.ts';

/** A map operation in a goroutine's program. */
export type MapOp =
  | { kind: 'write'; key: string; value: string }
  | { kind: 'delete'; key: string }
  | { kind: 'read'; key: string }
  | { kind: 'range' };

/** Where a goroutine is inside its current operation. */
export type MapPc = 'start' | 'toggle' | 'insert' | 'finish' | 'lookup' | 'iterNext' | 'done';

/** A goroutine using the map. */
export interface MapG {
  id: GoroutineId;
  program: MapOp[];
  ip: number;
  pc: MapPc;
  /** Keys a range loop has still to visit. */
  iterKeys: string[];
  /** Values this goroutine read (`null` = missing key, the zero value). */
  seen: (string | null)[];
}

/** The whole scenario. */
export interface MapState {
  model: 'map';
  /** Map.writing (uint8), toggled with ^= 1. */
  writing: number;
  entries: Record<string, string>;
  goroutines: MapG[];
  failure: Failure | null;
  /** True once two operations (at least one a write) overlapped in time: a real race, caught or not. */
  raceObserved: boolean;
}

/** Advance one goroutine by one micro-step. */
export type MapEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const mapCheckInfo: ModelInfo = {
  id: 'map-check',
  title: 'Built-in map: concurrent write check',
  goVersions: 'Go 1.24+ (Swiss maps); same idea with hashWriting before',
  sources: [
    'src/internal/runtime/maps/map.go: Map.writing, PutSlot, Delete',
    'src/internal/runtime/maps/runtime_swiss.go: runtime_mapassign, runtime_mapaccess1',
    'src/internal/runtime/maps/table.go: Iter.Next',
    'src/runtime/map.go (Go ≤ 1.23): hashWriting',
  ],
  simplifications: [
    'The map is a plain key/value record; hashing, groups and growth are not shown.',
    'Range visits keys in sorted order (Go randomizes the order).',
    'Detection is best-effort in Go too: the model shows races that slip through (raceObserved without fatal).',
  ],
};

/** A fresh scenario with initial entries and one goroutine per program. */
export function newMapState(
  programs: Record<GoroutineId, MapOp[]>,
  entries: Record<string, string> = {},
): MapState {
  return {
    model: 'map',
    writing: 0,
    entries,
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length ? 'start' : 'done',
      iterKeys: [],
      seen: [],
    })),
    failure: null,
    raceObserved: false,
  };
}

const inFlight = (g: MapG): boolean => g.pc !== 'start' && g.pc !== 'done';
const isWrite = (op: MapOp | undefined): boolean => op?.kind === 'write' || op?.kind === 'delete';

/** Applies one micro-step. */
export function stepMap(state: MapState, event: MapEvent): StepResult<MapState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  const op = found?.program[found.ip];
  if (!found || !op || found.pc === 'done') throw usageError(`${event.g} cannot step`);
  let g: MapG = found;
  let s = state;
  const id = g.id;
  const n: Narration[] = [];
  const tell = teller(n);
  const fx: Effect[] = [];
  // Any other operation in flight while this one steps, with a write on either side, is a data race.
  const overlap = s.goroutines.some(
    (o) => o.id !== id && inFlight(o) && (isWrite(o.program[o.ip]) || isWrite(op)),
  );
  if (overlap) s = { ...s, raceObserved: true };
  const finish = (): void => {
    const ip = g.ip + 1;
    g = { ...g, ip, pc: ip < g.program.length ? 'start' : 'done', iterKeys: [] };
  };
  const die = (message: string): void => {
    const f = failure('fatal', message, id);
    s = { ...s, failure: f };
    g = { ...g, pc: 'done' };
    fx.push({ kind: 'failure', failure: f });
    tell('map.fatal', `${id} sees writing = ${s.writing}: ${f.printed}`, {
      g: id,
      message,
      writing: s.writing,
    });
  };

  if (op.kind === 'write' || op.kind === 'delete') {
    const verb =
      op.kind === 'write'
        ? `m[${JSON.stringify(op.key)}] = ${JSON.stringify(op.value)}`
        : `delete(m, ${JSON.stringify(op.key)})`;
    if (g.pc === 'start') {
      if (s.writing !== 0) die('concurrent map writes');
      else {
        g = { ...g, pc: 'toggle' };
        tell('map.write.check', `${id} starts ${verb}: writing is 0, no other writer seen.`, {
          g: id,
          key: op.key,
        });
      }
    } else if (g.pc === 'toggle') {
      s = { ...s, writing: s.writing ^ 1 };
      g = { ...g, pc: 'insert' };
      tell('map.write.toggle', `${id} hashes the key and toggles writing: now ${s.writing}.`, {
        g: id,
        writing: s.writing,
      });
    } else if (g.pc === 'insert') {
      const entries = { ...s.entries };
      if (op.kind === 'write') entries[op.key] = op.value;
      else delete entries[op.key];
      s = { ...s, entries };
      g = { ...g, pc: 'finish' };
      tell('map.write.insert', `${id} updates the slot for ${JSON.stringify(op.key)}.`, {
        g: id,
        key: op.key,
      });
    } else {
      if (s.writing === 0) die('concurrent map writes');
      else {
        s = { ...s, writing: s.writing ^ 1 };
        tell('map.write.done', `${id} finishes ${verb} and toggles writing back to ${s.writing}.`, {
          g: id,
          writing: s.writing,
        });
        finish();
      }
    }
  } else if (op.kind === 'read') {
    if (g.pc === 'start') {
      if (s.writing !== 0) die('concurrent map read and map write');
      else {
        g = { ...g, pc: 'lookup' };
        tell('map.read.check', `${id} starts reading m[${JSON.stringify(op.key)}]: writing is 0.`, {
          g: id,
          key: op.key,
        });
      }
    } else {
      const v = s.entries[op.key] ?? null;
      g = { ...g, seen: [...g.seen, v] };
      tell(
        'map.read.done',
        `${id} reads m[${JSON.stringify(op.key)}] = ${v === null ? 'zero value' : JSON.stringify(v)}.`,
        { g: id, key: op.key, value: v ?? '' },
      );
      finish();
    }
  } else if (g.pc === 'start') {
    // Iter.Init takes no check; each Iter.Next does.
    g = { ...g, pc: 'iterNext', iterKeys: Object.keys(s.entries).sort() };
    tell('map.range.init', `${id} starts a range loop over ${g.iterKeys.length} entries.`, {
      g: id,
      count: g.iterKeys.length,
    });
  } else if (s.writing !== 0) {
    die('concurrent map iteration and map write');
  } else {
    const [key, ...rest] = g.iterKeys;
    if (key === undefined) {
      tell('map.range.done', `${id} finishes the range loop.`, { g: id });
      finish();
    } else {
      const v = s.entries[key] ?? null;
      g = { ...g, iterKeys: rest, seen: [...g.seen, v] };
      tell('map.range.next', `${id} visits key ${JSON.stringify(key)}.`, { g: id, key });
    }
  }
  return { state: { ...s, goroutines: replaceAt(s.goroutines, index, g) }, narration: n, effects: fx };
}

/** The micro-steps that can run now. */
export function mapEnabledEvents(state: MapState): EnabledEvent<MapEvent>[] {
  if (state.failure) return [];
  return state.goroutines
    .filter((g) => g.pc !== 'done')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: `${g.id}: ${g.program[g.ip]?.kind ?? ''} ${g.pc === 'start' ? 'check writing' : g.pc}`,
      key: `map.label.${g.pc}`,
    }));
}

/** The fatal error the program died with, if any. */
export function mapFatal(state: MapState): Failure | null {
  return state.failure;
}

/** True when operations overlapped (a data race) yet the runtime check never fired: best-effort detection missed it. */
export function mapUndetectedRace(state: MapState): boolean {
  return state.raceObserved && !state.failure && state.goroutines.every((g) => g.pc === 'done');
}
