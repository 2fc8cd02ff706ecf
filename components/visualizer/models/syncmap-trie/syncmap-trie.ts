// sync.Map since Go 1.24, at a conceptual level: src/sync/hashtriemap.go wraps internal/sync.HashTrieMap
// (src/internal/sync/hashtriemap.go). A concurrent hash-trie: a root indirect node; each indirect node has
// 1<<nChildrenLog2 children (Go: nChildrenLog2 = 4, so 16) chosen by successive hash bits from the top; a child
// is nil, another indirect node, or an entry whose `overflow` chain holds full-hash collisions.
// Load is lock-free (atomic child loads). Store/Swap and Delete walk lock-free to the slot, lock THAT node's
// mutex, double-check the slot and the node's `dead` flag (retrying from the root if it changed), then write.
// There is no read/dirty promotion and no misses counter (compare syncmap-legacy.ts, Go ≤ 1.23).

import {
  replaceAt,
  teller,
  usageError,
  type EnabledEvent,
  type Effect,
  type GoroutineId,
  type ModelInfo,
  type Narration,
  type StepResult,
} from '../types.ts';

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
    'src/sync/hashtriemap.go',
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

const emptyNode = (id: number, parent: number | null, shift: number, log2: number): IndirectNode => ({
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

const slotOf = (s: TrieMapState, node: IndirectNode, hash: number): number =>
  (hash >>> node.shift) & ((1 << s.childrenLog2) - 1);

/** Lock-free walk from the root (Load and the first half of Swap/find): the node and slot for `hash`. */
function walk(s: TrieMapState, hash: number): { node: IndirectNode; slot: number; child: TrieChild } {
  let node = s.nodes[0]!;
  for (;;) {
    const slot = slotOf(s, node, hash);
    const child = node.children[slot] ?? null;
    if (child?.kind !== 'indirect') return { node, slot, child };
    node = s.nodes[child.id]!;
  }
}

const setNode = (s: TrieMapState, node: IndirectNode): TrieMapState => ({
  ...s,
  nodes: { ...s.nodes, [node.id]: node },
});

/** Applies one step. */
export function stepTrieMap(state: TrieMapState, event: TrieEvent): StepResult<TrieMapState> {
  const index = state.goroutines.findIndex((x) => x.id === event.g);
  const found = state.goroutines[index];
  const op = found?.program[found.ip];
  if (!found || !op || found.pc === 'parked' || found.pc === 'done')
    throw usageError(`${event.g} cannot step`);
  let s = state;
  let g: TrieG = found;
  const id = g.id;
  const n: Narration[] = [];
  const tell = teller(n);
  const fx: Effect[] = [];
  const hash = trieHash(s, op.key);
  const hex = `0x${hash.toString(16)}`;
  const finish = (patch: Partial<TrieG> = {}): void => {
    const ip = g.ip + 1;
    g = { ...g, ...patch, ip, pc: ip < g.program.length ? 'start' : 'done' };
  };

  if (g.pc === 'start') {
    const w = walk(s, hash);
    const hit = w.child?.kind === 'entry' ? w.child.chain.find((e) => e.key === op.key) : undefined;
    if (op.kind === 'load') {
      tell(
        'trie.load',
        `${id}: Load(${op.key}) walks hash ${hex} to node ${w.node.id} slot ${w.slot} without locking: ${hit ? `found ${hit.value}` : 'not found'}.`,
        { g: id, key: op.key, node: w.node.id, slot: w.slot, found: !!hit },
      );
      finish({ results: [...g.results, hit?.value ?? null] });
    } else if (op.kind === 'delete' && !hit) {
      tell('trie.delete.absent', `${id}: Delete(${op.key}) finds nothing to delete; no lock taken.`, {
        g: id,
        key: op.key,
      });
      finish();
    } else {
      g = { ...g, pc: 'lock', node: w.node.id, slot: w.slot };
      tell(
        'trie.walk',
        `${id}: ${op.kind === 'store' ? 'Store' : 'Delete'}(${op.key}) walks hash ${hex} to node ${w.node.id}, slot ${w.slot}.`,
        { g: id, key: op.key, node: w.node.id, slot: w.slot },
      );
    }
  } else if (g.pc === 'lock') {
    const node = s.nodes[g.node]!;
    if (node.lockedBy !== null && node.lockedBy !== id) {
      s = setNode(s, { ...node, waiters: [...node.waiters, id] });
      g = { ...g, pc: 'parked' };
      fx.push({ kind: 'park', goroutine: id, reason: 'sync.Mutex.Lock' });
      tell('trie.lock.blocked', `${id} waits for node ${node.id}'s mutex, held by ${node.lockedBy}.`, {
        g: id,
        node: node.id,
        holder: node.lockedBy,
      });
    } else {
      // i.mu.Lock(); n = slot.Load(); if (n == nil || n.isEntry) && !i.dead.Load() → proceed, else unlock and retry.
      const child = node.children[g.slot] ?? null;
      if (node.dead || child?.kind === 'indirect') {
        g = { ...g, pc: 'start' };
        tell(
          'trie.lock.retry',
          `${id} locks node ${node.id} but the slot changed (or the node was pruned): unlock and start over from the root.`,
          { g: id, node: node.id },
        );
      } else {
        s = setNode(s, { ...node, lockedBy: id });
        g = { ...g, pc: 'commit' };
        tell('trie.lock', `${id} locks node ${node.id}; the slot is as it saw it.`, {
          g: id,
          node: node.id,
        });
      }
    }
  } else {
    const node = s.nodes[g.node]!;
    const child = node.children[g.slot] ?? null;
    let children = [...node.children];
    if (op.kind === 'store') {
      const chain = child?.kind === 'entry' ? child.chain : [];
      if (chain.some((e) => e.key === op.key)) {
        children[g.slot] = {
          kind: 'entry',
          chain: chain.map((e) => (e.key === op.key ? { ...e, value: op.value } : e)),
        };
        tell('trie.store.swap', `${id} swaps in a new entry for ${op.key} = ${op.value}.`, {
          g: id,
          key: op.key,
        });
      } else if (chain.length === 0) {
        children[g.slot] = { kind: 'entry', chain: [{ key: op.key, value: op.value }] };
        tell('trie.store.insert', `${id} stores a new entry in the empty slot.`, { g: id, key: op.key });
      } else {
        const r = expand(s, node, g.slot, chain, { key: op.key, value: op.value }, hash, n);
        s = r.state;
        children = [...node.children];
        children[g.slot] = r.child;
      }
    } else {
      const chain = (child?.kind === 'entry' ? child.chain : []).filter((e) => e.key !== op.key);
      children[g.slot] = chain.length ? { kind: 'entry', chain } : null;
      tell('trie.delete', `${id} deletes ${op.key} from node ${node.id}.`, { g: id, key: op.key });
    }
    s = setNode(s, { ...node, children, lockedBy: null, waiters: [] });
    if (op.kind === 'delete') s = prune(s, node.id, n);
    for (const w of node.waiters) {
      s = { ...s, goroutines: s.goroutines.map((x) => (x.id === w ? { ...x, pc: 'lock' } : x)) };
      fx.push({ kind: 'ready', goroutine: w, by: id, handoff: false });
    }
    tell('trie.unlock', `${id} unlocks node ${node.id}.`, { g: id, node: node.id });
    finish();
  }
  return { state: { ...s, goroutines: replaceAt(s.goroutines, index, g) }, narration: n, effects: fx };
}

/** hashtriemap.go expand: same full hash → overflow chain; else new indirect nodes until the hashes' bits differ. */
function expand(
  s0: TrieMapState,
  parent: IndirectNode,
  slot: number,
  oldChain: { key: string; value: string }[],
  entry: { key: string; value: string },
  newHash: number,
  n: Narration[],
): { state: TrieMapState; child: TrieChild } {
  const tell = teller(n);
  const oldHash = trieHash(s0, oldChain[0]!.key);
  if (oldHash === newHash) {
    tell(
      'trie.overflow',
      `${entry.key} has the same full hash as ${oldChain[0]!.key}: it joins the entry's overflow chain.`,
      { key: entry.key },
    );
    return { state: s0, child: { kind: 'entry', chain: [entry, ...oldChain] } };
  }
  let s = s0;
  const top = s.nextNode;
  let shift = parent.shift;
  let cur = emptyNode(top, parent.id, shift - s.childrenLog2, s.childrenLog2);
  let next = top + 1;
  for (;;) {
    if (shift === 0) throw usageError('internal/sync.HashTrieMap: ran out of hash bits while inserting');
    shift -= s.childrenLog2;
    const oi = (oldHash >>> shift) & ((1 << s.childrenLog2) - 1);
    const ni = (newHash >>> shift) & ((1 << s.childrenLog2) - 1);
    if (oi !== ni) {
      cur = {
        ...cur,
        children: cur.children.map((c, i) =>
          i === oi ? { kind: 'entry', chain: oldChain } : i === ni ? { kind: 'entry', chain: [entry] } : c,
        ),
      };
      s = setNode(s, cur);
      break;
    }
    const deeper = emptyNode(next++, cur.id, shift - s.childrenLog2, s.childrenLog2);
    s = setNode(s, { ...cur, children: replaceAt(cur.children, oi, { kind: 'indirect', id: deeper.id }) });
    cur = deeper;
  }
  tell(
    'trie.expand',
    `${entry.key} and ${oldChain[0]!.key} share slot ${slot}: ${next - 1 === top ? `a new indirect node ${top} splits` : `new indirect nodes ${top}…${next - 1} split`} them by deeper hash bits.`,
    { key: entry.key, other: oldChain[0]!.key, from: top, to: next - 1 },
  );
  return { state: { ...s, nextNode: next }, child: { kind: 'indirect', id: top } };
}

/** LoadAndDelete's loop: while the node is empty and not the root, mark it dead and clear it from its parent. */
function prune(s0: TrieMapState, nodeId: number, n: Narration[]): TrieMapState {
  const tell = teller(n);
  let s = s0;
  let node = s.nodes[nodeId]!;
  while (node.parent !== null && node.children.every((c) => c === null)) {
    const parent = s.nodes[node.parent]!;
    const slot = parent.children.findIndex((c) => c?.kind === 'indirect' && c.id === node.id);
    s = setNode(setNode(s, { ...node, dead: true }), {
      ...parent,
      children: replaceAt(parent.children, slot, null),
    });
    tell('trie.prune', `Node ${node.id} is empty: it is marked dead and removed from node ${parent.id}.`, {
      node: node.id,
      parent: parent.id,
    });
    node = s.nodes[parent.id]!;
  }
  return s;
}

const STEP_EN: Record<TrieG['pc'], string> = {
  start: 'walk from the root',
  lock: 'lock the node, check the slot',
  commit: 'write the slot, unlock',
  parked: 'parked',
  done: 'done',
};

/** A call as the lane's code writes it: `Load("a")`, `Store("a", "1")`, `Delete("a")`. */
export function opText(op: TrieOp | undefined): string {
  if (!op) return '';
  if (op.kind === 'store') return `Store("${op.key}", "${op.value}")`;
  return `${op.kind === 'load' ? 'Load' : 'Delete'}("${op.key}")`;
}

/** The steps that can run now. */
export function trieEnabledEvents(state: TrieMapState): EnabledEvent<TrieEvent>[] {
  return state.goroutines
    .filter((g) => g.pc !== 'parked' && g.pc !== 'done')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: `${g.id}: ${opText(g.program[g.ip])}: ${STEP_EN[g.pc]}`,
      key: `trie.label.${g.pc}`,
    }));
}

/** All live key/value pairs, walking the trie. */
export function trieContents(s: TrieMapState): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (id: number): void => {
    for (const c of s.nodes[id]?.children ?? []) {
      if (c?.kind === 'indirect') visit(c.id);
      else if (c) for (const e of c.chain) out[e.key] = e.value;
    }
  };
  visit(0);
  return out;
}
