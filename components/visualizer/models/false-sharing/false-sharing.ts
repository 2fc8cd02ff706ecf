// False sharing with a simplified MESI cache-coherence model (M/S/I; no Exclusive state, no write-backs shown).
// Coherence works on whole cache lines, not variables: when two cores write *different* variables that sit in
// the same line, every write must invalidate the other core's copy and pull the line across (a transfer).
// Padding each hot variable to its own line removes that traffic. Line size is a parameter: 64 bytes on amd64
// (Go's internal/cpu.CacheLineSize; Apple M-series use 128). Go code pads with golang.org/x/sys/cpu.CacheLinePad
// or `_ [128]byte`; the runtime pads its own hot structures (e.g. semTable in src/runtime/sema.go uses
// cpu.CacheLinePadSize). A real Go example: `[8]sync.Mutex` shards are 8 bytes each, so 8 share one 64-byte line.

import type { FalseSharingKey } from './narration-en.ts';
import { say, usageError, type ModelInfo, type Narration, type StepResult } from '../types.ts';

/** A core's copy of one line: Modified (dirty, only copy), Shared (clean, maybe others), Invalid. */
export type LineState = 'M' | 'S' | 'I';

/** A variable at a byte offset in memory. */
export interface Variable {
  name: string;
  offset: number;
  size: number;
}

/** Traffic counters a lesson compares with and without padding. */
export interface CoherenceCounters {
  hits: number;
  misses: number;
  /** Copies in other cores turned Invalid by a write. */
  invalidations: number;
  /** Times a line had to come from another core that held it Modified. */
  transfers: number;
}

/** The whole model: per line index, one state per core. */
export interface FalseSharingState {
  model: 'false-sharing';
  lineSize: number;
  cores: number;
  vars: Variable[];
  lines: Record<number, LineState[]>;
  counters: CoherenceCounters;
}

/** A load or store by a core. */
export type FalseSharingEvent = { type: 'read' | 'write'; core: number; variable: string };

/** Metadata for the UI. */
export const falseSharingInfo: ModelInfo = {
  id: 'false-sharing',
  title: 'False sharing (cache lines)',
  goVersions: 'any (hardware)',
  sources: [
    'src/internal/cpu/cpu.go: CacheLineSize, CacheLinePad',
    'golang.org/x/sys/cpu: CacheLinePad',
    'src/runtime/sema.go: semTable padding',
  ],
  simplifications: [
    'MESI without the Exclusive state; no prefetchers (Intel may pull pairs of lines).',
    'Every access is one event; no timing.',
  ],
};

/** Lays variables out in order: packed (naturally aligned) or padded so each starts on its own line. */
export function layout(
  vars: { name: string; size: number }[],
  options: { pad: boolean; lineSize?: number },
): Variable[] {
  const lineSize = options.lineSize ?? 64;
  let offset = 0;
  return vars.map((v) => {
    const align = options.pad ? lineSize : Math.min(v.size, 8);
    offset = Math.ceil(offset / align) * align;
    const placed = { name: v.name, offset, size: v.size };
    offset += options.pad ? Math.max(v.size, lineSize) : v.size;
    return placed;
  });
}

/** A fresh model: every line Invalid in every core. */
export function newFalseSharingState(
  vars: Variable[],
  options: { cores?: number; lineSize?: number } = {},
): FalseSharingState {
  return {
    model: 'false-sharing',
    lineSize: options.lineSize ?? 64,
    cores: options.cores ?? 2,
    vars,
    lines: {},
    counters: { hits: 0, misses: 0, invalidations: 0, transfers: 0 },
  };
}

/** The cache line index a variable starts in. */
export function lineOf(s: FalseSharingState, variable: string): number {
  const v = s.vars.find((x) => x.name === variable);
  if (!v) throw usageError(`no variable ${variable}`);
  return Math.floor(v.offset / s.lineSize);
}

/** Variables that share a line with another variable (candidates for false sharing). */
export function sharedLines(s: FalseSharingState): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const v of s.vars) (out[Math.floor(v.offset / s.lineSize)] ??= []).push(v.name);
  return Object.fromEntries(Object.entries(out).filter(([, names]) => names.length > 1));
}

/** Applies one access with MESI-style transitions and counts hits, misses, invalidations and transfers. */
export function stepFalseSharing(
  state: FalseSharingState,
  event: FalseSharingEvent,
): StepResult<FalseSharingState> {
  const line = lineOf(state, event.variable);
  const before = state.lines[line] ?? Array.from({ length: state.cores }, (): LineState => 'I');
  const mine = before[event.core];
  if (mine === undefined) throw usageError(`no core ${event.core}`);
  const c = { ...state.counters };
  const n: Narration<FalseSharingKey>[] = [];
  const owner = before.findIndex((x, i) => i !== event.core && x === 'M');
  let after: LineState[];
  const p = { core: event.core, variable: event.variable, line };
  if (event.type === 'read') {
    if (mine !== 'I') {
      c.hits++;
      after = before;
      n.push(say('fs.read.hit', p));
    } else {
      c.misses++;
      if (owner >= 0) c.transfers++;
      // Read miss: a Modified owner supplies the line and drops to Shared; the reader gets Shared.
      after = before.map((x, i) => (i === event.core ? 'S' : x === 'M' ? 'S' : x));
      n.push(say('fs.read.miss', { ...p, from: owner }));
    }
  } else if (mine === 'M') {
    c.hits++;
    after = before;
    n.push(say('fs.write.hit', p));
  } else {
    // Write: gain ownership (read-for-ownership): invalidate every other copy; a Modified owner transfers it.
    const invalidated = before.filter((x, i) => i !== event.core && x !== 'I').length;
    c.invalidations += invalidated;
    if (mine === 'I') c.misses++;
    if (owner >= 0) c.transfers++;
    after = before.map((_, i) => (i === event.core ? 'M' : 'I'));
    n.push(say('fs.write.own', { ...p, invalidated }));
  }
  return {
    state: { ...state, lines: { ...state.lines, [line]: after }, counters: c },
    narration: n,
    effects: [],
  };
}
