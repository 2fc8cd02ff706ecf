/**
 * Where each goroutine is, in terms of its lane: the code line to mark, whether it runs, waits
 * (with Go's wait reason) or has finished, what it holds and any private value worth showing.
 */
import type { CounterState } from '../models/counter.ts';
import type { MapState } from '../models/map-check.ts';
import type { MutexState } from '../models/mutex.ts';
import type { RWMutexState } from '../models/rwmutex.ts';
import { heldBy, waitingOn, type WaitForState } from '../models/wait-for.ts';
import type { WaitGroupState } from '../models/waitgroup.ts';
import type { Run } from './run.ts';
import type { Lane, Scenario } from './types.ts';

/**
 * A lane's status: `ready` can step, `blocked` waits (reason as in goroutine dumps), `done` finished,
 * `failed` crashed the program, `stopped` was still running when another goroutine crashed it.
 */
export type LaneStatus = 'ready' | 'blocked' | 'done' | 'failed' | 'stopped';

/** What the renderer shows for one goroutine. */
export interface LaneCursor {
  line: number | null;
  status: LaneStatus;
  reason: string | null;
  holds: string[];
  /** A private value, e.g. the register in the counter++ model. */
  register: number | null;
}

/** Picks the code line: `<ip>:<pc>`, then `<ip>`, then `<pc>`, else the op index itself. */
export function lineFor(lane: Lane, ip: number | null, pc: string): number | null {
  const at = lane.at ?? {};
  if (pc === 'done') return at.done ?? null;
  const found = (ip !== null ? (at[`${ip}:${pc}`] ?? at[`${ip}`]) : undefined) ?? at[pc];
  if (found !== undefined) return found < lane.code.length ? found : null;
  return ip !== null && ip < lane.code.length ? ip : null;
}

interface Pos {
  ip: number | null;
  pc: string;
  status: LaneStatus;
  reason: string | null;
  holds: string[];
  register: number | null;
}

function position(s: Scenario, run: Run, lane: Lane): Pos {
  const pos = (ip: number | null, pc: string, extra: Partial<Pos> = {}): Pos => ({
    ip,
    pc,
    status: pc === 'done' ? 'done' : 'ready',
    reason: null,
    holds: [],
    register: null,
    ...extra,
  });
  const state = run.state;
  switch (s.model) {
    case 'mutex': {
      const m = state as MutexState;
      const g = m.goroutines.find((x) => x.id === lane.id);
      if (!g) break;
      const parked = g.pc === 'parked';
      return pos(g.ip, g.pc, {
        status: parked ? 'blocked' : g.pc === 'done' ? 'done' : 'ready',
        reason: parked ? 'sync.Mutex.Lock' : null,
        holds: m.holder === g.id ? ['mu'] : [],
      });
    }
    case 'rwmutex': {
      const m = state as RWMutexState;
      const g = m.goroutines.find((x) => x.id === lane.id);
      if (!g) break;
      const reasons = {
        w: 'sync.Mutex.Lock',
        readerSem: 'sync.RWMutex.RLock',
        writerSem: 'sync.RWMutex.Lock',
      };
      const holds = [...(g.writeHeld ? ['Lock'] : []), ...Array.from({ length: g.readHeld }, () => 'RLock')];
      if (g.pc === 'parked')
        return pos(g.ip, g.pc, { status: 'blocked', reason: reasons[g.blockedOn ?? 'w'], holds });
      return pos(g.ip, g.pc, { holds });
    }
    case 'counter': {
      const c = state as CounterState;
      const g = c.goroutines.find((x) => x.id === lane.id);
      if (!g) break;
      const blocked = g.pc === 'blocked';
      return pos(null, g.pc, {
        status: blocked ? 'blocked' : g.pc === 'done' ? 'done' : 'ready',
        reason: blocked ? 'sync.Mutex.Lock' : null,
        holds: c.mutex.holder === g.id ? ['mu'] : [],
        register: g.reg,
      });
    }
    case 'map-check': {
      const g = (state as MapState).goroutines.find((x) => x.id === lane.id);
      if (g) return pos(g.ip, g.pc);
      break;
    }
    case 'waitgroup': {
      const g = (state as WaitGroupState).goroutines.find((x) => x.id === lane.id);
      if (!g) break;
      if (g.pc === 'parked') return pos(g.ip, g.pc, { status: 'blocked', reason: 'sync.WaitGroup.Wait' });
      return pos(g.ip, g.pc);
    }
    default: {
      const n = run.counts[lane.id] ?? 0;
      const total = lane.program?.length ?? 0;
      if (s.model === 'wait-for') {
        const wf = state as WaitForState;
        const w = waitingOn(wf, lane.id);
        const holds = heldBy(wf, lane.id);
        // The lock call already ran (count advanced); while it waits, keep the marker on that call.
        if (w)
          return pos(n - 1, 'start', {
            status: 'blocked',
            reason: w.mode === 'read' ? 'sync.RWMutex.RLock' : 'sync.Mutex.Lock',
            holds,
          });
        return pos(n >= total ? null : n, n >= total ? 'done' : 'start', { holds });
      }
      return pos(n >= total ? null : n, n >= total ? 'done' : 'start');
    }
  }
  return pos(null, 'done');
}

/** The cursor of every lane after `run`. A failed program marks the goroutine that died. */
export function laneCursors(
  s: Scenario,
  run: Run,
  failedGoroutine: string | null,
): Record<string, LaneCursor> {
  const out: Record<string, LaneCursor> = {};
  for (const lane of s.goroutines) {
    const p = position(s, run, lane);
    const failed = failedGoroutine === lane.id;
    // A goroutine that died keeps its marker on the call that failed; the others stop where they were.
    const line = failed ? lastLine(s, run, lane) : lineFor(lane, p.ip, p.pc);
    const status = failed ? 'failed' : failedGoroutine && p.status !== 'done' ? 'stopped' : p.status;
    out[lane.id] = { line, status, reason: p.reason, holds: p.holds, register: p.register };
  }
  return out;
}

function lastLine(s: Scenario, run: Run, lane: Lane): number | null {
  const g = (run.state as { goroutines?: { id: string; ip?: number }[] }).goroutines?.find(
    (x) => x.id === lane.id,
  );
  return lineFor(lane, g?.ip ?? null, 'start') ?? lane.at?.fail ?? null;
}
