// A wait-for graph of goroutines and locks: "holds" edges (lock → goroutine) and "waits for" edges
// (goroutine → lock), with cycle detection. It explains lock-order (AB/BA) deadlocks and the RWMutex
// writer-preference deadlock in words a learner reads. Go's runtime has no such detector: it only notices a
// *global* deadlock (src/runtime/proc.go checkdead); lock-order checking needs tools such as
// github.com/sasha-s/go-deadlock. Lock rules follow sync.Mutex (exclusive) and sync.RWMutex (src/sync/rwmutex.go:
// a pending writer blocks new readers), without the micro-steps of mutex.ts / rwmutex.ts.

import type { HeldLock } from '../define.ts';
import type { WaitForKey } from './narration-en.ts';
import {
  say,
  usageError,
  type GoroutineId,
  type ModelInfo,
  type Narration,
  type StepResult,
} from '../types.ts';

/** `write` = Lock (exclusive), `read` = RLock (shared). */
export type LockMode = 'write' | 'read';

/** One lock: its holders and its FIFO queue of waiters. */
export interface GraphLock {
  writer: GoroutineId | null;
  readers: GoroutineId[];
  queue: { g: GoroutineId; mode: LockMode }[];
}

/** The graph's state. */
export interface WaitForState {
  model: 'wait-for';
  locks: Record<string, GraphLock>;
}

/** Lock/unlock calls. */
export type WaitForEvent =
  | { type: 'lock'; g: GoroutineId; lock: string; mode?: LockMode }
  | { type: 'unlock'; g: GoroutineId; lock: string; mode?: LockMode };

/** One goroutine in a cycle: what it holds and what it waits for. */
export interface CycleStep {
  g: GoroutineId;
  holds: HeldLock[];
  waitsFor: string;
  mode: LockMode;
}

/** Metadata for the UI. */
export const waitForInfo: ModelInfo = {
  id: 'wait-for',
  title: 'Wait-for graph',
  goVersions: 'any',
  sources: [
    'src/sync/rwmutex.go (writer preference)',
    'src/runtime/proc.go checkdead (global deadlocks only)',
  ],
  simplifications: [
    'Locks are granted whole; a freed lock goes to the head of its queue (readers in a batch).',
  ],
};

/** An empty graph. */
export function newWaitForState(lockNames: string[] = []): WaitForState {
  return {
    model: 'wait-for',
    locks: Object.fromEntries(lockNames.map((l) => [l, { writer: null, readers: [], queue: [] }])),
  };
}

const free = (l: GraphLock): boolean => l.writer === null && l.readers.length === 0;
const lockOf = (s: WaitForState, name: string): GraphLock =>
  s.locks[name] ?? { writer: null, readers: [], queue: [] };

/** Grants a freed lock to the head of its queue: one writer, or every reader up to the first queued writer. */
function grant(l: GraphLock): GraphLock {
  const [head] = l.queue;
  if (!head) return l;
  if (head.mode === 'write') return free(l) ? { writer: head.g, readers: [], queue: l.queue.slice(1) } : l;
  if (l.writer) return l;
  const batch = l.queue.findIndex((q) => q.mode === 'write');
  const readers = (batch === -1 ? l.queue : l.queue.slice(0, batch)).map((q) => q.g);
  return {
    writer: null,
    readers: [...l.readers, ...readers],
    queue: batch === -1 ? [] : l.queue.slice(batch),
  };
}

/** Applies a lock or unlock. Lock is granted, or the goroutine gets a waits-for edge. */
export function stepWaitFor(state: WaitForState, event: WaitForEvent): StepResult<WaitForState> {
  const mode = event.mode ?? 'write';
  const l = lockOf(state, event.lock);
  const n: Narration<WaitForKey>[] = [];
  let next: GraphLock;
  if (event.type === 'lock') {
    if (waitingOn(state, event.g)) throw usageError(`${event.g} is blocked and cannot call Lock`);
    // RWMutex writer preference: a reader queues behind a held write lock or any queued writer.
    const ok =
      mode === 'write'
        ? free(l) && l.queue.length === 0
        : l.writer === null && !l.queue.some((q) => q.mode === 'write');
    if (ok) {
      next = mode === 'write' ? { ...l, writer: event.g } : { ...l, readers: [...l.readers, event.g] };
      n.push(
        say('waitfor.acquire', {
          g: event.g,
          lock: event.lock,
          mode,
        }),
      );
    } else {
      next = { ...l, queue: [...l.queue, { g: event.g, mode }] };
      n.push(
        say('waitfor.wait', {
          g: event.g,
          lock: event.lock,
          mode,
        }),
      );
    }
  } else {
    const held = mode === 'write' ? l.writer === event.g : l.readers.includes(event.g);
    if (!held) throw usageError(`${event.g} does not hold ${event.lock} (${mode})`);
    const released =
      mode === 'write' ? { ...l, writer: null } : { ...l, readers: l.readers.filter((r) => r !== event.g) };
    next = grant(released);
    n.push(
      say('waitfor.release', {
        g: event.g,
        lock: event.lock,
        mode,
      }),
    );
  }
  return { state: { ...state, locks: { ...state.locks, [event.lock]: next } }, narration: n, effects: [] };
}

/** The lock (and mode) a goroutine is waiting for, if any. */
export function waitingOn(s: WaitForState, g: GoroutineId): { lock: string; mode: LockMode } | null {
  for (const [lock, l] of Object.entries(s.locks)) {
    const q = l.queue.find((x) => x.g === g);
    if (q) return { lock, mode: q.mode };
  }
  return null;
}

/** Goroutines `g` waits for: the write holder; plus readers (for a writer) or queued writers ahead (for a reader). */
export function blockers(s: WaitForState, g: GoroutineId): GoroutineId[] {
  const w = waitingOn(s, g);
  if (!w) return [];
  const l = lockOf(s, w.lock);
  const ahead = l.queue.slice(
    0,
    l.queue.findIndex((q) => q.g === g),
  );
  const out = l.writer ? [l.writer] : [];
  if (w.mode === 'write') out.push(...l.readers);
  else out.push(...ahead.filter((q) => q.mode === 'write').map((q) => q.g));
  return [...new Set(out)];
}

/** Locks a goroutine holds, read holds marked. */
export function heldBy(s: WaitForState, g: GoroutineId): HeldLock[] {
  return Object.entries(s.locks).flatMap(([lock, l]) =>
    l.writer === g ? [{ lock }] : l.readers.includes(g) ? [{ lock, read: true }] : [],
  );
}

/** Depth-first search for a cycle in the goroutine → goroutine wait-for relation; null if none. */
export function findCycle(s: WaitForState): CycleStep[] | null {
  const goroutines = Object.values(s.locks).flatMap((l) => l.queue.map((q) => q.g));
  const state: Record<GoroutineId, 'open' | 'closed'> = {};
  const path: GoroutineId[] = [];
  const dfs = (g: GoroutineId): GoroutineId[] | null => {
    if (state[g] === 'open') return path.slice(path.indexOf(g));
    if (state[g] === 'closed') return null;
    state[g] = 'open';
    path.push(g);
    for (const b of blockers(s, g)) {
      const c = dfs(b);
      if (c) return c;
    }
    path.pop();
    state[g] = 'closed';
    return null;
  };
  for (const g of [...new Set(goroutines)].sort()) {
    const cycle = dfs(g);
    if (cycle) {
      return cycle.map((x) => {
        const w = waitingOn(s, x)!;
        return { g: x, holds: heldBy(s, x), waitsFor: w.lock, mode: w.mode };
      });
    }
  }
  return null;
}

/**
 * The cycle as narration, e.g. "G1 holds A and waits for B; G2 holds B and waits for A" in English:
 * per goroutine (in cycle order) what it holds (`holds`, `;` between goroutines, `,` between locks)
 * and in which mode (`holdModes`, laid out alike), the lock it waits for and the mode it asks for.
 */
export function describeCycle(cycle: CycleStep[]): Narration<WaitForKey> {
  return say('waitfor.cycle', {
    goroutines: cycle.map((c) => c.g).join(','),
    length: cycle.length,
    holds: cycle.map((c) => c.holds.map((h) => h.lock).join(',')).join(';'),
    holdModes: cycle.map((c) => c.holds.map((h) => (h.read ? 'read' : 'write')).join(',')).join(';'),
    waitsFor: cycle.map((c) => c.waitsFor).join(','),
    modes: cycle.map((c) => c.mode).join(','),
  });
}
