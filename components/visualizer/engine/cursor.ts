/**
 * Where each goroutine is, in terms of its lane: the code line to mark, whether it runs, waits
 * (with Go's wait reason) or has finished, what it holds and any private value worth showing.
 */
import {
  eventLanePos,
  lanePos,
  type HeldLock,
  type LanePos,
  type LaneStatus,
  type LockSlowLocals,
} from '../models/define.ts';
import { modelOf } from '../models/registry.ts';
import type { Run } from './run.ts';
import type { Lane, Scenario } from './types.ts';

export type { LaneStatus };

/** What the renderer shows for one goroutine. */
export interface LaneCursor {
  line: number | null;
  status: LaneStatus;
  reason: string | null;
  holds: HeldLock[];
  /** A private value, e.g. the register in the counter++ model. */
  register: number | null;
  /** sync.Mutex lockSlow's locals while the goroutine is inside lockSlow. */
  lockSlow: LockSlowLocals | null;
  /** The goroutine that runs before this one (runnext after a handoff on a single P). */
  runsAfter: string | null;
}

/** Picks the code line: `<ip>:<pc>`, then `<ip>`, then `<pc>`, else the op index itself. */
export function lineFor(lane: Lane, ip: number | null, pc: string): number | null {
  const at = lane.at ?? {};
  if (pc === 'done') return at.done ?? null;
  const found = (ip !== null ? (at[`${ip}:${pc}`] ?? at[`${ip}`]) : undefined) ?? at[pc];
  if (found !== undefined) return found < lane.code.length ? found : null;
  return ip !== null && ip < lane.code.length ? ip : null;
}

function position(s: Scenario, run: Run, lane: Lane): LanePos {
  const n = run.counts[lane.id] ?? 0;
  const cursor = modelOf(s.model).cursor;
  if (!cursor) return eventLanePos(lane, n);
  return cursor(run.state, lane, n) ?? lanePos(null, 'done');
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
    const stopped = status === 'failed' || status === 'stopped';
    out[lane.id] = {
      line,
      status,
      reason: p.reason,
      holds: p.holds,
      register: p.register,
      lockSlow: stopped ? null : p.lockSlow,
      runsAfter: stopped ? null : p.runsAfter,
    };
  }
  return out;
}

function lastLine(s: Scenario, run: Run, lane: Lane): number | null {
  const g = (run.state as { goroutines?: { id: string; ip?: number }[] }).goroutines?.find(
    (x) => x.id === lane.id,
  );
  return lineFor(lane, g?.ip ?? null, 'start') ?? lane.at?.fail ?? null;
}
