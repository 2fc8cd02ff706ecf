// Happens-before with vector clocks, the way the race detector (ThreadSanitizer v3, src/runtime/race.go →
// __tsan_acquire / __tsan_release / __tsan_release_merge; compiler-rt tsan_go.cpp maps them to Acquire,
// ReleaseStore (copy) and Release (join)) judges races. Each goroutine has a vector clock;
// a release copies (or, for ReleaseMerge, joins) the goroutine's clock into the sync object's clock and then
// ticks the goroutine; an acquire joins the sync object's clock into the goroutine's. Two accesses to one
// variable race when at least one is a write and neither happens before the other.
// Edges follow go.dev/ref/mem: Unlock n is synchronized before Lock m returns (n < m; internal/sync/mutex.go
// race.Release/race.Acquire); a send is synchronized before the matching receive completes; `go` is
// synchronized before the new goroutine starts; each WaitGroup Done happens before Wait returns
// (sync/waitgroup.go race.ReleaseMerge/race.Acquire).
// Simplifications: full access history (TSan keeps 4 shadow cells per 8 bytes and a bounded history, so it can
// forget old accesses); channels are modelled as send→receive only (for unbuffered channels the receive is also
// synchronized before the send completes; for a channel of capacity C, receive k is before send k+C completes).

import type { HappensBeforeKey } from './narration-en.ts';
import {
  say,
  type Effect,
  type GoroutineId,
  type ModelInfo,
  type Narration,
  type StepResult,
} from '../types.ts';

/** goroutine → logical time. Missing entries are 0. */
export type VectorClock = Record<GoroutineId, number>;

/** One memory access, with the goroutine's clock when it happened. */
export interface Access {
  id: number;
  g: GoroutineId;
  variable: string;
  kind: 'read' | 'write';
  clock: VectorClock;
  value: string | null;
}

/** A synchronization edge for the UI (an arrow from a release to an acquire). */
export interface SyncEdge {
  kind: 'unlock→lock' | 'send→receive' | 'done→wait' | 'go' | 'release→acquire';
  sync: string;
  from: GoroutineId[];
  to: GoroutineId;
}

/** A pair of conflicting accesses not ordered by happens-before. */
export interface Race {
  variable: string;
  previous: number;
  current: number;
}

/** The whole model. */
export interface HappensBeforeState {
  model: 'happens-before';
  clocks: Record<GoroutineId, VectorClock>;
  syncClocks: Record<string, VectorClock>;
  /** Who contributed the clock a sync object currently holds (for edge arrows). */
  syncFrom: Record<string, GoroutineId[]>;
  accesses: Access[];
  edges: SyncEdge[];
  races: Race[];
}

/** Events: raw release/acquire plus the sugar a lesson uses. */
export type HappensBeforeEvent =
  | { type: 'go'; parent: GoroutineId; child: GoroutineId }
  | { type: 'release'; g: GoroutineId; sync: string; merge?: boolean }
  | { type: 'acquire'; g: GoroutineId; sync: string }
  | { type: 'unlock' | 'lock'; g: GoroutineId; mutex: string }
  | { type: 'send' | 'recv'; g: GoroutineId; ch: string }
  | { type: 'done' | 'waitReturn'; g: GoroutineId; wg: string }
  | { type: 'read' | 'write'; g: GoroutineId; variable: string; value?: string };

/** Metadata for the UI. */
export const happensBeforeInfo: ModelInfo = {
  id: 'happens-before',
  title: 'Happens-before and the race detector',
  goVersions: 'Go memory model (June 2022), race detector = TSan v3 (Go 1.19+)',
  sources: [
    'go.dev/ref/mem',
    'src/runtime/race.go: raceacquire, racerelease, racereleasemerge',
    'src/internal/sync/mutex.go, src/sync/waitgroup.go race annotations',
  ],
  simplifications: ['Full access history; channels only give send→receive edges.'],
};

/** An empty model. */
export function newHappensBeforeState(goroutines: GoroutineId[] = ['G1']): HappensBeforeState {
  return {
    model: 'happens-before',
    clocks: Object.fromEntries(goroutines.map((g) => [g, { [g]: 1 }])),
    syncClocks: {},
    syncFrom: {},
    accesses: [],
    edges: [],
    races: [],
  };
}

/** Pointwise maximum of two vector clocks. */
export function join(a: VectorClock, b: VectorClock): VectorClock {
  const out: VectorClock = { ...a };
  for (const [g, t] of Object.entries(b)) out[g] = Math.max(out[g] ?? 0, t);
  return out;
}

/** Whether access `a` happens before access `b` (same goroutine: program order; else a's epoch ≤ b's clock). */
export function happensBefore(a: Access, b: Access): boolean {
  if (a.g === b.g) return a.id < b.id;
  return (a.clock[a.g] ?? 0) <= (b.clock[a.g] ?? 0);
}

const clockOf = (s: HappensBeforeState, g: GoroutineId): VectorClock => s.clocks[g] ?? { [g]: 1 };
const tick = (c: VectorClock, g: GoroutineId): VectorClock => ({ ...c, [g]: (c[g] ?? 0) + 1 });
const fmt = (c: VectorClock): string =>
  `[${Object.entries(c)
    .sort()
    .map(([g, t]) => `${g}:${t}`)
    .join(' ')}]`;

/** One event being applied: the handlers read and update the state and add narration. */
interface Step {
  s: HappensBeforeState;
  n: Narration<HappensBeforeKey>[];
}

/**
 * __tsan_release (ReleaseStore: the sync object's clock becomes a copy of g's) or, for merge,
 * __tsan_release_merge (Release: the clocks are joined); then g's own clock ticks.
 */
function release(st: Step, g: GoroutineId, sync: string, merge: boolean): void {
  const s = st.s;
  const c = clockOf(s, g);
  const synced = merge ? join(s.syncClocks[sync] ?? {}, c) : c;
  const from = merge ? [...new Set([...(s.syncFrom[sync] ?? []), g])] : [g];
  st.s = {
    ...s,
    syncClocks: { ...s.syncClocks, [sync]: synced },
    syncFrom: { ...s.syncFrom, [sync]: from },
    clocks: { ...s.clocks, [g]: tick(c, g) },
  };
  st.n.push(say('hb.release', { g, sync, merge, clock: fmt(synced) }));
}

/** __tsan_acquire: g's clock joins the sync object's clock; an edge from whoever released it. */
function acquire(st: Step, g: GoroutineId, sync: string, kind: SyncEdge['kind']): void {
  const s = st.s;
  const c = join(clockOf(s, g), s.syncClocks[sync] ?? {});
  const from = (s.syncFrom[sync] ?? []).filter((x) => x !== g);
  st.s = {
    ...s,
    clocks: { ...s.clocks, [g]: c },
    edges: from.length ? [...s.edges, { kind, sync, from, to: g }] : s.edges,
  };
  st.n.push(say('hb.acquire', { g, sync, clock: fmt(c) }));
}

/** "The go statement that starts a new goroutine is synchronized before the start of the goroutine's execution." */
function go(st: Step, parent: GoroutineId, child: GoroutineId): void {
  const s = st.s;
  const pc = clockOf(s, parent);
  st.s = {
    ...s,
    clocks: { ...s.clocks, [child]: { ...pc, [child]: 1 }, [parent]: tick(pc, parent) },
    edges: [...s.edges, { kind: 'go', sync: `go ${child}`, from: [parent], to: child }],
  };
  st.n.push(say('hb.go', { parent, child }));
}

/** A read or write: recorded with g's clock; it races with each conflicting access not ordered before it. */
function access(
  st: Step,
  g: GoroutineId,
  variable: string,
  kind: Access['kind'],
  value: string | null,
): void {
  const s = st.s;
  const a: Access = { id: s.accesses.length, g, variable, kind, clock: clockOf(s, g), value };
  const conflicts = s.accesses.filter(
    (b) =>
      b.variable === variable &&
      b.g !== g &&
      (b.kind === 'write' || kind === 'write') &&
      !happensBefore(b, a),
  );
  st.s = {
    ...s,
    accesses: [...s.accesses, a],
    races: [...s.races, ...conflicts.map((b) => ({ variable, previous: b.id, current: a.id }))],
  };
  st.n.push(say(kind === 'write' ? 'hb.write' : 'hb.read', { g, variable, clock: fmt(a.clock) }));
  for (const b of conflicts)
    st.n.push(
      say('hb.race', { variable, previous: b.g, previousKind: b.kind, current: g, currentKind: kind }),
    );
}

/** The event of type T (some event shapes carry two types, e.g. `unlock | lock`). */
type EventOf<T, E = HappensBeforeEvent> = E extends { type: infer U } ? (T extends U ? E : never) : never;
type Handlers = { [T in HappensBeforeEvent['type']]: (st: Step, e: EventOf<T>) => void };

/** Each event as the release or acquire it stands for (the edges of go.dev/ref/mem). */
const handlers: Handlers = {
  go: (st, e) => go(st, e.parent, e.child),
  release: (st, e) => release(st, e.g, e.sync, e.merge ?? false),
  acquire: (st, e) => acquire(st, e.g, e.sync, 'release→acquire'),
  unlock: (st, e) => release(st, e.g, e.mutex, false), // internal/sync/mutex.go race.Release
  lock: (st, e) => acquire(st, e.g, e.mutex, 'unlock→lock'), // race.Acquire
  send: (st, e) => release(st, e.g, `chan ${e.ch}`, true),
  recv: (st, e) => acquire(st, e.g, `chan ${e.ch}`, 'send→receive'),
  done: (st, e) => release(st, e.g, e.wg, true), // sync/waitgroup.go race.ReleaseMerge
  waitReturn: (st, e) => acquire(st, e.g, e.wg, 'done→wait'), // race.Acquire
  read: (st, e) => access(st, e.g, e.variable, 'read', e.value ?? null),
  write: (st, e) => access(st, e.g, e.variable, 'write', e.value ?? null),
};

/** Applies one event: updates clocks, records accesses and any race they reveal. */
export function stepHappensBefore(
  state: HappensBeforeState,
  event: HappensBeforeEvent,
): StepResult<HappensBeforeState> {
  const st: Step = { s: state, n: [] };
  (handlers[event.type] as (st: Step, e: HappensBeforeEvent) => void)(st, event);
  return { state: st.s, narration: st.n, effects: [] };
}

/** Forwards a primitive's release/acquire effect; other effects leave the state unchanged. */
export function applyHappensBeforeEffect(s: HappensBeforeState, e: Effect): StepResult<HappensBeforeState> {
  if (e.kind === 'release')
    return stepHappensBefore(s, { type: 'release', g: e.goroutine, sync: e.sync, merge: e.merge });
  if (e.kind === 'acquire') return stepHappensBefore(s, { type: 'acquire', g: e.goroutine, sync: e.sync });
  return { state: s, narration: [], effects: [] };
}

/**
 * Which writes a read may observe (go.dev/ref/mem): the writes that happen before it and are not overwritten by a
 * later happens-before write (`visible`), plus writes that race with it (`racing`) — with a race, any can appear.
 */
export function visibleWrites(
  s: HappensBeforeState,
  readId: number,
): { visible: Access[]; racing: Access[] } {
  const r = s.accesses[readId];
  if (!r) return { visible: [], racing: [] };
  const writes = s.accesses.filter((w) => w.kind === 'write' && w.variable === r.variable && w.id !== r.id);
  const before = writes.filter((w) => happensBefore(w, r));
  const visible = before.filter((w) => !before.some((w2) => w2.id !== w.id && happensBefore(w, w2)));
  const racing = writes.filter((w) => !happensBefore(w, r) && !happensBefore(r, w));
  return { visible, racing };
}

/** A race in the shape of the race detector's report (addresses replaced by the variable name). */
export function raceReport(s: HappensBeforeState, race: Race): string[] {
  const cur = s.accesses[race.current]!;
  const prev = s.accesses[race.previous]!;
  const num = (g: GoroutineId): string => g.replace(/^G/, '');
  const cap = (k: string): string => k[0]!.toUpperCase() + k.slice(1);
  return [
    'WARNING: DATA RACE',
    `${cap(cur.kind)} at ${cur.variable} by goroutine ${num(cur.g)}:`,
    `Previous ${prev.kind} at ${prev.variable} by goroutine ${num(prev.g)}:`,
  ];
}

/** True when any recorded pair of accesses races. */
export function hasDataRace(s: HappensBeforeState): boolean {
  return s.races.length > 0;
}
