// sync.Map as it was up to Go 1.23 (src/sync/map.go; in Go 1.24 only with GOEXPERIMENT=nosynchashtriemap):
// an atomically published read-only map `read` (readOnly{m, amended}), a mutex-protected `dirty` map and a
// `misses` counter. Entries are shared between read and dirty; an entry's pointer p is a value, nil (deleted),
// or `expunged` (deleted and absent from dirty). Each call runs as ONE step here (the model is about which path a
// call takes and when dirty is promoted, not about interleaving inside the call). Since Go 1.24 the default
// sync.Map is the hash-trie in syncmap-trie.ts.

import { say, type ModelInfo, type Narration, type StepResult } from '../types.ts';
import type { LegacyKey } from './narration-en.ts';

/** entry.p: a value, nil (deleted but still in dirty or not yet copied), or the expunged sentinel. */
export type EntryP = { kind: 'value'; value: string } | { kind: 'nil' } | { kind: 'expunged' };

/** The legacy sync.Map. Maps point to entry ids so read and dirty can share one entry, as *entry does in Go. */
export interface LegacySyncMapState {
  model: 'syncmap-legacy';
  read: { m: Record<string, number>; amended: boolean };
  dirty: Record<string, number> | null;
  misses: number;
  entries: Record<number, EntryP>;
  nextEntry: number;
  /** Result of the last call: value/ok for Load, loaded for Delete. */
  last: { op: string; key: string; value: string | null; ok: boolean } | null;
}

/** One sync.Map call. */
export type LegacySyncMapEvent =
  | { type: 'load'; key: string }
  | { type: 'store'; key: string; value: string }
  | { type: 'delete'; key: string }
  | { type: 'range' };

/** Metadata for the UI; note the version label. */
export const syncMapLegacyInfo: ModelInfo = {
  id: 'syncmap-legacy',
  title: 'sync.Map (read/dirty/misses) — Go ≤ 1.23',
  goVersions: 'Go ≤ 1.23',
  sources: [
    'Go 1.23 src/sync/map.go: Load, Swap (Store), LoadAndDelete (Delete), Range, missLocked, dirtyLocked, tryExpungeLocked, unexpungeLocked, trySwap',
  ],
  simplifications: [
    'Each call is one atomic step; the mutex mu is implied by the path taken.',
    'Keys and values are strings.',
  ],
};

/** An empty legacy sync.Map. */
export function newLegacySyncMap(): LegacySyncMapState {
  return {
    model: 'syncmap-legacy',
    read: { m: {}, amended: false },
    dirty: null,
    misses: 0,
    entries: {},
    nextEntry: 1,
    last: null,
  };
}

const valueOf = (p: EntryP | undefined): string | null => (p?.kind === 'value' ? p.value : null);

/** Narration of one call, in order. */
type Said = Narration<LegacyKey>[];

/** map.go missLocked: misses++; once misses >= len(dirty), promote dirty to read, dirty = nil, misses = 0. */
function missLocked(s: LegacySyncMapState, n: Said): LegacySyncMapState {
  const misses = s.misses + 1;
  const dirtyLen = Object.keys(s.dirty ?? {}).length;
  if (misses < dirtyLen) {
    n.push(say('legacy.miss', { misses, dirtyLen }));
    return { ...s, misses };
  }
  n.push(say('legacy.promote', { misses, dirtyLen }));
  return { ...s, read: { m: s.dirty ?? {}, amended: false }, dirty: null, misses: 0 };
}

/** map.go dirtyLocked: copy read into a new dirty map, expunging nil entries (tryExpungeLocked CAS nil → expunged). */
function dirtyLocked(s: LegacySyncMapState, n: Said): LegacySyncMapState {
  if (s.dirty) return s;
  const dirty: Record<string, number> = {};
  const entries = { ...s.entries };
  const expunged: string[] = [];
  for (const [k, e] of Object.entries(s.read.m)) {
    const p = entries[e];
    if (p?.kind === 'nil') entries[e] = { kind: 'expunged' };
    if (entries[e]?.kind === 'expunged') expunged.push(k);
    else dirty[k] = e;
  }
  n.push(say('legacy.dirtyLocked', { copied: Object.keys(dirty).length, expunged: expunged.join(',') }));
  return { ...s, dirty, entries };
}

/** Load: a read.m hit is lock-free; a miss with read.amended locks mu, rechecks read, then dirty + missLocked. */
function load(state: LegacySyncMapState, key: string, n: Said): LegacySyncMapState {
  let s = state;
  let e = s.read.m[key];
  if (e === undefined && s.read.amended) {
    e = s.dirty?.[key];
    n.push(say('legacy.load.slow', { key, found: e !== undefined }));
    s = missLocked(s, n);
  } else {
    n.push(say('legacy.load.fast', { key }));
  }
  const value = e === undefined ? null : valueOf(s.entries[e]);
  return { ...s, last: { op: 'load', key, value, ok: value !== null } };
}

/** Store → Swap: trySwap on a read entry unless expunged; otherwise lock mu. */
function store(state: LegacySyncMapState, key: string, value: string, n: Said): LegacySyncMapState {
  let s = state;
  const p: EntryP = { kind: 'value', value };
  const e = s.read.m[key];
  if (e !== undefined && s.entries[e]?.kind !== 'expunged') {
    s = { ...s, entries: { ...s.entries, [e]: p } };
    n.push(say('legacy.store.fast', { key }));
  } else if (e !== undefined) {
    // unexpungeLocked: expunged → nil, and the entry goes back into dirty.
    s = { ...s, entries: { ...s.entries, [e]: p }, dirty: { ...s.dirty, [key]: e } };
    n.push(say('legacy.store.unexpunge', { key }));
  } else if (s.dirty?.[key] !== undefined) {
    s = { ...s, entries: { ...s.entries, [s.dirty[key]]: p } };
    n.push(say('legacy.store.dirty', { key }));
  } else {
    // A new key: the first one since the last promotion copies read into dirty (dirtyLocked), read.amended = true.
    if (!s.read.amended) s = { ...dirtyLocked(s, n), read: { ...s.read, amended: true } };
    const id = s.nextEntry;
    s = { ...s, dirty: { ...s.dirty, [key]: id }, entries: { ...s.entries, [id]: p }, nextEntry: id + 1 };
    n.push(say('legacy.store.new', { key }));
  }
  return { ...s, last: { op: 'store', key, value, ok: true } };
}

/** Delete → LoadAndDelete: like Load (a miss records missLocked and deletes from dirty), then entry.delete: p → nil. */
function remove(state: LegacySyncMapState, key: string, n: Said): LegacySyncMapState {
  let s = state;
  let e = s.read.m[key];
  if (e === undefined && s.read.amended) {
    e = s.dirty?.[key];
    const dirty = { ...s.dirty };
    delete dirty[key];
    s = { ...s, dirty };
    n.push(say('legacy.delete.slow', { key }));
    s = missLocked(s, n);
  }
  const old = e === undefined ? null : valueOf(s.entries[e]);
  if (e !== undefined && old !== null) {
    s = { ...s, entries: { ...s.entries, [e]: { kind: 'nil' } } };
    n.push(say('legacy.delete.entry', { key }));
  }
  return { ...s, last: { op: 'delete', key, value: old, ok: old !== null } };
}

/** Range: if read.amended, promote dirty immediately (read = readOnly{m: dirty}, dirty = nil, misses = 0). */
function range(state: LegacySyncMapState, n: Said): LegacySyncMapState {
  let s = state;
  if (s.read.amended) {
    s = { ...s, read: { m: s.dirty ?? {}, amended: false }, dirty: null, misses: 0 };
    n.push(say('legacy.range.promote'));
  }
  const keys = Object.keys(s.read.m).filter((k) => valueOf(s.entries[s.read.m[k]!]) !== null);
  n.push(say('legacy.range', { count: keys.length, keys: keys.join(',') }));
  return { ...s, last: { op: 'range', key: '', value: keys.join(','), ok: true } };
}

/** Applies one sync.Map call and narrates which path it took. */
export function stepLegacySyncMap(
  state: LegacySyncMapState,
  event: LegacySyncMapEvent,
): StepResult<LegacySyncMapState> {
  const n: Said = [];
  const s =
    event.type === 'load'
      ? load(state, event.key, n)
      : event.type === 'store'
        ? store(state, event.key, event.value, n)
        : event.type === 'delete'
          ? remove(state, event.key, n)
          : range(state, n);
  return { state: s, narration: n, effects: [] };
}

/** The user-visible contents (keys with a value), whichever of read/dirty holds them. */
export function legacySyncMapContents(s: LegacySyncMapState): Record<string, string> {
  const out: Record<string, string> = {};
  const source = s.read.amended && s.dirty ? s.dirty : s.read.m;
  for (const [k, e] of Object.entries(source)) {
    const v = valueOf(s.entries[e]);
    if (v !== null) out[k] = v;
  }
  return out;
}
