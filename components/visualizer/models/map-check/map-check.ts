// The built-in map's concurrent-misuse check, split into micro-steps so an interleaving can trigger it.
// Go 1.24+ Swiss-table maps (src/internal/runtime/maps/map.go, runtime.go / runtime_fast*.go):
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

import type { MapKey } from './narration-en.ts';
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
  type Param,
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
    'src/internal/runtime/maps/runtime.go (runtime_swiss.go before Go 1.26): runtime_mapassign, runtime_mapaccess1',
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

/** One goroutine's micro-step in progress: the handlers read and update it, stepMap returns it. */
interface Step<O extends MapOp = MapOp> {
  s: MapState;
  g: MapG;
  readonly op: O;
  tell: (key: MapKey, params: Record<string, Param>) => void;
  fx: Effect[];
}

/** One micro-step of an operation of kind O. */
type Handler<O extends MapOp> = (st: Step<O>) => void;

/** The operation returned: move to the next op of the program. */
function finish(st: Step): void {
  const ip = st.g.ip + 1;
  st.g = { ...st.g, ip, pc: ip < st.g.program.length ? 'start' : 'done', iterKeys: [] };
}

/** fatal(...): the program dies with Go's message (it cannot be recovered). */
function die(st: Step, message: string): void {
  const f = failure('fatal', message, st.g.id);
  st.s = { ...st.s, failure: f };
  st.g = { ...st.g, pc: 'done' };
  st.fx.push({ kind: 'failure', failure: f });
  st.tell('map.fatal', { g: st.g.id, message, writing: st.s.writing });
}

/** The facts a narration needs to write the operation as Go code: `m["a"] = "1"` or `delete(m, "a")`. */
const opParams = (op: Extract<MapOp, { kind: 'write' | 'delete' }>): Record<string, Param> =>
  op.kind === 'write' ? { op: op.kind, key: op.key, value: op.value } : { op: op.kind, key: op.key };

type Write = Extract<MapOp, { kind: 'write' | 'delete' }>;

/** runtime_mapassign / Map.Delete, step by step (see the comment at the top). */
const WRITE: Partial<Record<MapPc, Handler<Write>>> = {
  // if m.writing != 0 { fatal("concurrent map writes") }
  start: (st) => {
    if (st.s.writing !== 0) return die(st, 'concurrent map writes');
    st.g = { ...st.g, pc: 'toggle' };
    st.tell('map.write.check', { g: st.g.id, ...opParams(st.op) });
  },
  // hash := typ.Hasher(key, m.seed); m.writing ^= 1
  toggle: (st) => {
    st.s = { ...st.s, writing: st.s.writing ^ 1 };
    st.g = { ...st.g, pc: 'insert' };
    st.tell('map.write.toggle', { g: st.g.id, writing: st.s.writing });
  },
  // … find or insert the slot (this model stores the value here) …
  insert: (st) => {
    const entries = { ...st.s.entries };
    if (st.op.kind === 'write') entries[st.op.key] = st.op.value;
    else delete entries[st.op.key];
    st.s = { ...st.s, entries };
    st.g = { ...st.g, pc: 'finish' };
    st.tell('map.write.insert', { g: st.g.id, key: st.op.key });
  },
  // if m.writing == 0 { fatal("concurrent map writes") }; m.writing ^= 1
  finish: (st) => {
    if (st.s.writing === 0) return die(st, 'concurrent map writes');
    st.s = { ...st.s, writing: st.s.writing ^ 1 };
    st.tell('map.write.done', { g: st.g.id, writing: st.s.writing, ...opParams(st.op) });
    finish(st);
  },
};

/** runtime_mapaccess1/2: the check on entry, then the lookup. */
const READ: Partial<Record<MapPc, Handler<Extract<MapOp, { kind: 'read' }>>>> = {
  // if m.writing != 0 { fatal("concurrent map read and map write") }
  start: (st) => {
    if (st.s.writing !== 0) return die(st, 'concurrent map read and map write');
    st.g = { ...st.g, pc: 'lookup' };
    st.tell('map.read.check', { g: st.g.id, key: st.op.key });
  },
  lookup: (st) => {
    const v = st.s.entries[st.op.key] ?? null;
    st.g = { ...st.g, seen: [...st.g.seen, v] };
    st.tell('map.read.done', { g: st.g.id, key: st.op.key, value: v ?? '', found: v !== null });
    finish(st);
  },
};

/** A range loop: Iter.Init takes no check; each Iter.Next does. */
const RANGE: Partial<Record<MapPc, Handler<Extract<MapOp, { kind: 'range' }>>>> = {
  start: (st) => {
    st.g = { ...st.g, pc: 'iterNext', iterKeys: Object.keys(st.s.entries).sort() };
    st.tell('map.range.init', { g: st.g.id, count: st.g.iterKeys.length });
  },
  // if it.m.writing != 0 { fatal("concurrent map iteration and map write") }
  iterNext: (st) => {
    if (st.s.writing !== 0) return die(st, 'concurrent map iteration and map write');
    const [key, ...rest] = st.g.iterKeys;
    if (key === undefined) {
      st.tell('map.range.done', { g: st.g.id });
      finish(st);
      return;
    }
    st.g = { ...st.g, iterKeys: rest, seen: [...st.g.seen, st.s.entries[key] ?? null] };
    st.tell('map.range.next', { g: st.g.id, key });
  },
};

/** The handler for the op's micro-step at pc. */
function handlerFor(op: MapOp, pc: MapPc): Handler<MapOp> | undefined {
  const table = op.kind === 'read' ? READ : op.kind === 'range' ? RANGE : WRITE;
  return table[pc] as Handler<MapOp> | undefined;
}

/** Applies one micro-step. */
export function stepMap(state: MapState, event: MapEvent): StepResult<MapState> {
  if (state.failure) throw usageError(`the program already died: ${state.failure.printed}`);
  const index = state.goroutines.findIndex((g) => g.id === event.g);
  const found = state.goroutines[index];
  const op = found?.program[found.ip];
  const handler = found && op ? handlerFor(op, found.pc) : undefined;
  if (!found || !op || !handler) throw usageError(`${event.g} cannot step`);
  // Any other operation in flight while this one steps, with a write on either side, is a data race.
  const overlap = state.goroutines.some(
    (o) => o.id !== found.id && inFlight(o) && (isWrite(o.program[o.ip]) || isWrite(op)),
  );
  const n: Narration<MapKey>[] = [];
  const st: Step = {
    s: overlap ? { ...state, raceObserved: true } : state,
    g: found,
    op,
    tell: teller<MapKey>(n),
    fx: [],
  };
  handler(st);
  return {
    state: { ...st.s, goroutines: replaceAt(st.s.goroutines, index, st.g) },
    narration: n,
    effects: st.fx,
  };
}

/** The label key of each pc a goroutine can step from (a `done` goroutine has no button). */
const MAP_LABEL: Record<Exclude<MapPc, 'done'>, MapKey> = {
  start: 'map.label.start',
  toggle: 'map.label.toggle',
  insert: 'map.label.insert',
  finish: 'map.label.finish',
  lookup: 'map.label.lookup',
  iterNext: 'map.label.iterNext',
};

/** The micro-steps that can run now. */
export function mapEnabledEvents(state: MapState): EnabledEvent<MapEvent, MapKey>[] {
  if (state.failure) return [];
  return state.goroutines
    .filter((g): g is MapG & { pc: keyof typeof MAP_LABEL } => g.pc !== 'done')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: { key: MAP_LABEL[g.pc], params: { kind: g.program[g.ip]?.kind ?? '' } },
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
