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

/** Applies one event: updates clocks, records accesses and any race they reveal. */
export function stepHappensBefore(
  state: HappensBeforeState,
  event: HappensBeforeEvent,
): StepResult<HappensBeforeState> {
  const n: Narration[] = [];
  let s = state;
  const release = (g: GoroutineId, sync: string, merge: boolean): void => {
    const c = clockOf(s, g);
    const synced = merge ? join(s.syncClocks[sync] ?? {}, c) : c;
    const from = merge ? [...new Set([...(s.syncFrom[sync] ?? []), g])] : [g];
    s = {
      ...s,
      syncClocks: { ...s.syncClocks, [sync]: synced },
      syncFrom: { ...s.syncFrom, [sync]: from },
      clocks: { ...s.clocks, [g]: tick(c, g) },
    };
    n.push(
      say('hb.release', `${g} releases ${sync}: ${sync} now carries ${fmt(synced)}.`, { g, sync, merge }),
    );
  };
  const acquire = (g: GoroutineId, sync: string, kind: SyncEdge['kind']): void => {
    const c = join(clockOf(s, g), s.syncClocks[sync] ?? {});
    const from = (s.syncFrom[sync] ?? []).filter((x) => x !== g);
    s = {
      ...s,
      clocks: { ...s.clocks, [g]: c },
      edges: from.length ? [...s.edges, { kind, sync, from, to: g }] : s.edges,
    };
    n.push(say('hb.acquire', `${g} acquires ${sync}: its clock becomes ${fmt(c)}.`, { g, sync }));
  };
  switch (event.type) {
    case 'go': {
      // "The go statement that starts a new goroutine is synchronized before the start of the goroutine's execution."
      const parent = clockOf(s, event.parent);
      s = {
        ...s,
        clocks: {
          ...s.clocks,
          [event.child]: { ...parent, [event.child]: 1 },
          [event.parent]: tick(parent, event.parent),
        },
        edges: [...s.edges, { kind: 'go', sync: `go ${event.child}`, from: [event.parent], to: event.child }],
      };
      n.push(
        say(
          'hb.go',
          `${event.parent} starts ${event.child}; everything ${event.parent} did so far happens before ${event.child} runs.`,
          { parent: event.parent, child: event.child },
        ),
      );
      break;
    }
    case 'release':
      release(event.g, event.sync, event.merge ?? false);
      break;
    case 'acquire':
      acquire(event.g, event.sync, 'release→acquire');
      break;
    case 'unlock':
      release(event.g, event.mutex, false);
      break;
    case 'lock':
      acquire(event.g, event.mutex, 'unlock→lock');
      break;
    case 'send':
      release(event.g, `chan ${event.ch}`, true);
      break;
    case 'recv':
      acquire(event.g, `chan ${event.ch}`, 'send→receive');
      break;
    case 'done':
      release(event.g, event.wg, true);
      break;
    case 'waitReturn':
      acquire(event.g, event.wg, 'done→wait');
      break;
    default: {
      const access: Access = {
        id: s.accesses.length,
        g: event.g,
        variable: event.variable,
        kind: event.type,
        clock: clockOf(s, event.g),
        value: event.value ?? null,
      };
      const conflicts = s.accesses.filter(
        (a) =>
          a.variable === access.variable &&
          a.g !== access.g &&
          (a.kind === 'write' || access.kind === 'write') &&
          !happensBefore(a, access),
      );
      s = {
        ...s,
        accesses: [...s.accesses, access],
        races: [
          ...s.races,
          ...conflicts.map((a) => ({ variable: access.variable, previous: a.id, current: access.id })),
        ],
      };
      n.push(
        say(
          `hb.${access.kind}`,
          `${access.g} ${access.kind === 'write' ? 'writes' : 'reads'} ${access.variable} at ${fmt(access.clock)}.`,
          { g: access.g, variable: access.variable },
        ),
      );
      for (const a of conflicts) {
        n.push(
          say(
            'hb.race',
            `DATA RACE on ${access.variable}: ${a.g}'s ${a.kind} and ${access.g}'s ${access.kind} are not ordered by happens-before.`,
            { variable: access.variable, previous: a.g, current: access.g },
          ),
        );
      }
    }
  }
  return { state: s, narration: n, effects: [] };
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
