// The state of the hash-trie sync.Map model (Go 1.24+ src/internal/sync/hashtriemap.go): indirect nodes
// with their per-node mutex and `dead` flag, entries with overflow chains, each goroutine's position,
// the model's short hashes and the lock-free walk from the root. The transitions live in syncmap-trie.ts.

import type { GoroutineId, ModelInfo } from '../types.ts';

/** A child slot: empty, an indirect node (by id), or an entry with its overflow chain (head first). */
export type TrieChild =
  null | { kind: 'indirect'; id: number } | { kind: 'entry'; chain: { key: string; value: string }[] };

/** indirect[K,V]: per-node mutex (lockedBy + waiters), `dead` flag, parent, children. */
export interface IndirectNode {
  id: number;
  parent: number | null;
  /** The hashShift at which this node's children are indexed: child = (hash >> shift) & mask. */
  shift: number;
  children: TrieChild[];
  lockedBy: GoroutineId | null;
  waiters: GoroutineId[];
  dead: boolean;
}

/** One sync.Map call in a goroutine's program. */
export type TrieOp =
  | { kind: 'load'; key: string }
  | { kind: 'store'; key: string; value: string }
  | { kind: 'delete'; key: string };

/** A goroutine: `start` walks (Load finishes there), `lock` takes the node mutex, `commit` writes and unlocks. */
export interface TrieG {
  id: GoroutineId;
  program: TrieOp[];
  ip: number;
  pc: 'start' | 'lock' | 'commit' | 'parked' | 'done';
  node: number;
  slot: number;
  results: (string | null)[];
}

/** The whole trie scenario. */
export interface TrieMapState {
  model: 'syncmap-trie';
  hashBits: number;
  childrenLog2: number;
  /** Hash of each key (explicit for teaching; missing keys use FNV-1a truncated to hashBits). */
  hashes: Record<string, number>;
  nodes: Record<number, IndirectNode>;
  nextNode: number;
  goroutines: TrieG[];
}

/** Advance one goroutine by one step. */
export type TrieEvent = { type: 'step'; g: GoroutineId };

/** Metadata for the UI. */
export const syncMapTrieInfo: ModelInfo = {
  id: 'syncmap-trie',
  title: 'sync.Map (HashTrieMap) — Go 1.24+',
  goVersions: 'Go 1.24+',
  sources: [
    'src/sync/map.go (Go 1.26; src/sync/hashtriemap.go in Go 1.24): the wrapper over HashTrieMap',
    'src/internal/sync/hashtriemap.go: Load, Swap, expand, LoadAndDelete, find',
  ],
  simplifications: [
    'Hashes are short (hashBits, default 8) and can be chosen per key; Go uses 64-bit seeded hashes.',
    'Deleting a key prunes empty indirect nodes in one step (Go locks each parent in turn).',
    "A goroutine blocked on a node mutex retries when it is unlocked (the node mutex is mutex.ts's algorithm).",
  ],
};

const fnv1a = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

/** The hash the model uses for `key`. */
export function trieHash(s: TrieMapState, key: string): number {
  return s.hashes[key] ?? fnv1a(key) % 2 ** s.hashBits;
}

export const emptyNode = (id: number, parent: number | null, shift: number, log2: number): IndirectNode => ({
  id,
  parent,
  shift,
  children: Array.from({ length: 1 << log2 }, () => null),
  lockedBy: null,
  waiters: [],
  dead: false,
});

/** An empty map: only the root indirect node. Go's values are childrenLog2 = 4 and hashBits = 64. */
export function newTrieMap(
  programs: Record<GoroutineId, TrieOp[]>,
  options: { hashBits?: number; childrenLog2?: number; hashes?: Record<string, number> } = {},
): TrieMapState {
  const hashBits = options.hashBits ?? 8;
  const childrenLog2 = options.childrenLog2 ?? 4;
  return {
    model: 'syncmap-trie',
    hashBits,
    childrenLog2,
    hashes: options.hashes ?? {},
    nodes: { 0: emptyNode(0, null, hashBits - childrenLog2, childrenLog2) },
    nextNode: 1,
    goroutines: Object.entries(programs).map(([id, program]) => ({
      id,
      program,
      ip: 0,
      pc: program.length ? 'start' : 'done',
      node: 0,
      slot: 0,
      results: [],
    })),
  };
}

export const slotOf = (s: TrieMapState, node: IndirectNode, hash: number): number =>
  (hash >>> node.shift) & ((1 << s.childrenLog2) - 1);

/** Lock-free walk from the root (Load and the first half of Swap/find): the node and slot for `hash`. */
export function walk(s: TrieMapState, hash: number): { node: IndirectNode; slot: number; child: TrieChild } {
  let node = s.nodes[0]!;
  for (;;) {
    const slot = slotOf(s, node, hash);
    const child = node.children[slot] ?? null;
    if (child?.kind !== 'indirect') return { node, slot, child };
    node = s.nodes[child.id]!;
  }
}

export const setNode = (s: TrieMapState, node: IndirectNode): TrieMapState => ({
  ...s,
  nodes: { ...s.nodes, [node.id]: node },
});
