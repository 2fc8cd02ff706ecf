// Where a channel goroutine is, as its lane shows it: the statement, and while parked the wait
// reason exactly as a goroutine dump prints it ("chan receive", "select", …).

import { lanePos, type LanePos } from '../define.ts';
import type { ChanState } from './state.ts';

/** The lane of goroutine `id`, or null if the scenario has no such goroutine. */
export function chanCursor(state: ChanState, id: string): LanePos | null {
  const g = state.goroutines.find((x) => x.id === id);
  if (!g) return null;
  if (g.pc === 'parked') return lanePos(g.ip, g.pc, { status: 'blocked', reason: g.reason });
  return lanePos(g.pc === 'done' ? null : g.ip, g.pc);
}
