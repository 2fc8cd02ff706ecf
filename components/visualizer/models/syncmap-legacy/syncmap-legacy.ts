// sync.Map as it was up to Go 1.23 (src/sync/map.go; in Go 1.24 only with GOEXPERIMENT=nosynchashtriemap):
// an atomically published read-only map `read` (readOnly{m, amended}), a mutex-protected `dirty` map and a
// `misses` counter. Entries are shared between read and dirty; an entry's pointer p is a value, nil (deleted),
// or `expunged` (deleted and absent from dirty). Each call runs as ONE step here (the model is about which path a
// call takes and when dirty is promoted, not about interleaving inside the call). Since Go 1.24 the default
// sync.Map is the hash-trie in syncmap-trie.ts.

import { say, type ModelInfo, type Narration, type StepResult } from '../types.ts';

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

/** map.go missLocked: misses++; once misses >= len(dirty), promote dirty to read, dirty = nil, misses = 0. */
function missLocked(s: LegacySyncMapState, n: Narration[]): LegacySyncMapState {
  const misses = s.misses + 1;
  const dirtyLen = Object.keys(s.dirty ?? {}).length;
  if (misses < dirtyLen) {
    n.push(say('legacy.miss', `misses = ${misses} (< len(dirty) = ${dirtyLen}).`, { misses, dirtyLen }));
    return { ...s, misses };
  }
  n.push(
    say(
      'legacy.promote',
      `misses = ${misses} ≥ len(dirty) = ${dirtyLen}: dirty is promoted to read; dirty = nil, misses = 0.`,
      { misses, dirtyLen },
    ),
  );
  return { ...s, read: { m: s.dirty ?? {}, amended: false }, dirty: null, misses: 0 };
}

/** map.go dirtyLocked: copy read into a new dirty map, expunging nil entries (tryExpungeLocked CAS nil → expunged). */
function dirtyLocked(s: LegacySyncMapState, n: Narration[]): LegacySyncMapState {
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
  n.push(
    say(
      'legacy.dirtyLocked',
      `dirty is nil, so read is copied into a new dirty map (${Object.keys(dirty).length} entries)${expunged.length ? `; deleted keys ${expunged.join(', ')} become expunged` : ''}.`,
      { copied: Object.keys(dirty).length, expunged: expunged.join(',') },
    ),
  );
  return { ...s, dirty, entries };
}

/** Applies one sync.Map call and narrates which path it took. */
export function stepLegacySyncMap(
  state: LegacySyncMapState,
  event: LegacySyncMapEvent,
): StepResult<LegacySyncMapState> {
  const n: Narration[] = [];
  let s = state;
  if (event.type === 'load') {
    // Load: read.m hit is lock-free; a miss with read.amended locks mu, rechecks read, then dirty + missLocked.
    let e = s.read.m[event.key];
    if (e === undefined && s.read.amended) {
      e = s.dirty?.[event.key];
      n.push(
        say(
          'legacy.load.slow',
          `Load(${event.key}): not in read and read.amended is true, so it locks mu and looks in dirty${e === undefined ? ' (not there either)' : ''}.`,
          { key: event.key },
        ),
      );
      s = missLocked(s, n);
    } else {
      n.push(
        say('legacy.load.fast', `Load(${event.key}): answered from read without locking.`, {
          key: event.key,
        }),
      );
    }
    const value = e === undefined ? null : valueOf(s.entries[e]);
    s = { ...s, last: { op: 'load', key: event.key, value, ok: value !== null } };
  } else if (event.type === 'store') {
    // Store → Swap: trySwap on a read entry unless expunged; otherwise lock mu.
    const p: EntryP = { kind: 'value', value: event.value };
    const e = s.read.m[event.key];
    if (e !== undefined && s.entries[e]?.kind !== 'expunged') {
      s = { ...s, entries: { ...s.entries, [e]: p } };
      n.push(
        say(
          'legacy.store.fast',
          `Store(${event.key}): the key is in read, so its entry is updated with a CAS, no lock.`,
          { key: event.key },
        ),
      );
    } else if (e !== undefined) {
      // unexpungeLocked: expunged → nil, and the entry goes back into dirty.
      s = { ...s, entries: { ...s.entries, [e]: p }, dirty: { ...s.dirty, [event.key]: e } };
      n.push(
        say(
          'legacy.store.unexpunge',
          `Store(${event.key}): the entry was expunged; under mu it is un-expunged and added back to dirty.`,
          { key: event.key },
        ),
      );
    } else if (s.dirty?.[event.key] !== undefined) {
      s = { ...s, entries: { ...s.entries, [s.dirty[event.key]!]: p } };
      n.push(
        say('legacy.store.dirty', `Store(${event.key}): under mu, the entry already in dirty is updated.`, {
          key: event.key,
        }),
      );
    } else {
      if (!s.read.amended) {
        s = dirtyLocked(s, n);
        s = { ...s, read: { ...s.read, amended: true } };
      }
      const id = s.nextEntry;
      s = {
        ...s,
        dirty: { ...s.dirty, [event.key]: id },
        entries: { ...s.entries, [id]: p },
        nextEntry: id + 1,
      };
      n.push(
        say(
          'legacy.store.new',
          `Store(${event.key}): a new key goes into dirty under mu; read.amended = true.`,
          { key: event.key },
        ),
      );
    }
    s = { ...s, last: { op: 'store', key: event.key, value: event.value, ok: true } };
  } else if (event.type === 'delete') {
    // Delete → LoadAndDelete: like Load (a miss records missLocked and deletes from dirty), then entry.delete: p → nil.
    let e = s.read.m[event.key];
    if (e === undefined && s.read.amended) {
      e = s.dirty?.[event.key];
      const dirty = { ...s.dirty };
      delete dirty[event.key];
      s = { ...s, dirty };
      n.push(
        say(
          'legacy.delete.slow',
          `Delete(${event.key}): not in read; under mu it is removed from dirty (and counts as a miss).`,
          { key: event.key },
        ),
      );
      s = missLocked(s, n);
    }
    const old = e === undefined ? null : valueOf(s.entries[e]);
    if (e !== undefined && old !== null) {
      s = { ...s, entries: { ...s.entries, [e]: { kind: 'nil' } } };
      n.push(
        say(
          'legacy.delete.entry',
          `Delete(${event.key}): the entry's pointer becomes nil (the key stays in read until the next dirty copy expunges it).`,
          { key: event.key },
        ),
      );
    }
    s = { ...s, last: { op: 'delete', key: event.key, value: old, ok: old !== null } };
  } else {
    // Range: if read.amended, promote dirty immediately (read = readOnly{m: dirty}, dirty = nil, misses = 0).
    if (s.read.amended) {
      s = { ...s, read: { m: s.dirty ?? {}, amended: false }, dirty: null, misses: 0 };
      n.push(
        say(
          'legacy.range.promote',
          'Range: read is incomplete, so it locks mu and promotes dirty to read first.',
          {},
        ),
      );
    }
    const keys = Object.keys(s.read.m).filter((k) => valueOf(s.entries[s.read.m[k]!]) !== null);
    n.push(
      say('legacy.range', `Range visits ${keys.length} key(s): ${keys.join(', ')}.`, {
        count: keys.length,
        keys: keys.join(','),
      }),
    );
    s = { ...s, last: { op: 'range', key: '', value: keys.join(','), ok: true } };
  }
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
