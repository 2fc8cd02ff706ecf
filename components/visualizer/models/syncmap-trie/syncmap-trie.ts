// sync.Map since Go 1.24, at a conceptual level: src/sync/map.go (Go 1.26; src/sync/hashtriemap.go in Go 1.24)
// wraps internal/sync.HashTrieMap
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
  type Narration,
  type Param,
  type StepResult,
} from '../types.ts';
import { expand, prune } from './grow.ts';
import type { TrieKey } from './narration-en.ts';
import {
  setNode,
  trieHash,
  walk,
  type IndirectNode,
  type TrieChild,
  type TrieEvent,
  type TrieG,
  type TrieMapState,
  type TrieOp,
} from './state.ts';

export * from './state.ts';

/** One goroutine's step in progress: the handlers read and update it, stepTrieMap returns it. */
interface Step {
  s: TrieMapState;
  g: TrieG;
  readonly op: TrieOp;
  readonly hash: number;
  n: Narration<TrieKey>[];
  tell: (key: TrieKey, params: Record<string, Param>) => void;
  fx: Effect[];
}

/** The call returned: move to the next op of the program. */
function finish(st: Step, patch: Partial<TrieG> = {}): void {
  const ip = st.g.ip + 1;
  st.g = { ...st.g, ...patch, ip, pc: ip < st.g.program.length ? 'start' : 'done' };
}

/** Load walks to the slot and returns; Store/Swap and Delete walk lock-free to the node that must change. */
function start(st: Step): void {
  const { op, g } = st;
  const hash = `0x${st.hash.toString(16)}`;
  const w = walk(st.s, st.hash);
  const hit = w.child?.kind === 'entry' ? w.child.chain.find((e) => e.key === op.key) : undefined;
  const at = { g: g.id, key: op.key, hash, node: w.node.id, slot: w.slot };
  if (op.kind === 'load') {
    st.tell('trie.load', { ...at, found: !!hit, value: hit?.value ?? '' });
    finish(st, { results: [...g.results, hit?.value ?? null] });
  } else if (op.kind === 'delete' && !hit) {
    st.tell('trie.delete.absent', { g: g.id, key: op.key });
    finish(st);
  } else {
    st.g = { ...g, pc: 'lock', node: w.node.id, slot: w.slot };
    st.tell('trie.walk', { ...at, op: op.kind });
  }
}

/** `i.mu.Lock(); n = slot.Load(); if (n == nil || n.isEntry) && !i.dead.Load()` → proceed, else unlock and retry. */
function lock(st: Step): void {
  const id = st.g.id;
  const node = st.s.nodes[st.g.node]!;
  if (node.lockedBy !== null && node.lockedBy !== id) {
    st.s = setNode(st.s, { ...node, waiters: [...node.waiters, id] });
    st.g = { ...st.g, pc: 'parked' };
    st.fx.push({ kind: 'park', goroutine: id, reason: 'sync.Mutex.Lock' });
    st.tell('trie.lock.blocked', { g: id, node: node.id, holder: node.lockedBy });
    return;
  }
  const child = node.children[st.g.slot] ?? null;
  if (node.dead || child?.kind === 'indirect') {
    st.g = { ...st.g, pc: 'start' };
    st.tell('trie.lock.retry', { g: id, node: node.id });
    return;
  }
  st.s = setNode(st.s, { ...node, lockedBy: id });
  st.g = { ...st.g, pc: 'commit' };
  st.tell('trie.lock', { g: id, node: node.id });
}

/** Store/Swap under the node's lock: swap the entry, fill the empty slot, or expand (grow.ts) on a collision. */
function storeSlot(st: Step, node: IndirectNode, op: Extract<TrieOp, { kind: 'store' }>): TrieChild[] {
  const { g } = st;
  const child = node.children[g.slot] ?? null;
  const chain = child?.kind === 'entry' ? child.chain : [];
  const entry = { key: op.key, value: op.value };
  if (chain.some((e) => e.key === op.key)) {
    st.tell('trie.store.swap', { g: g.id, key: op.key, value: op.value });
    return replaceAt(node.children, g.slot, {
      kind: 'entry',
      chain: chain.map((e) => (e.key === op.key ? entry : e)),
    });
  }
  if (chain.length === 0) {
    st.tell('trie.store.insert', { g: g.id, key: op.key });
    return replaceAt(node.children, g.slot, { kind: 'entry', chain: [entry] });
  }
  const r = expand(st.s, node, g.slot, chain, entry, st.hash, st.n);
  st.s = r.state;
  return replaceAt(node.children, g.slot, r.child);
}

/** Delete under the node's lock: drop the key from the slot's chain. */
function deleteSlot(st: Step, node: IndirectNode, key: string): TrieChild[] {
  const child = node.children[st.g.slot] ?? null;
  const chain = (child?.kind === 'entry' ? child.chain : []).filter((e) => e.key !== key);
  st.tell('trie.delete', { g: st.g.id, key, node: node.id });
  return replaceAt(node.children, st.g.slot, chain.length ? { kind: 'entry', chain } : null);
}

/** Write the slot, prune after a delete, `i.mu.Unlock()` (waiters retry the lock). */
function commit(st: Step): void {
  const id = st.g.id;
  const node = st.s.nodes[st.g.node]!;
  const op = st.op;
  const children = op.kind === 'store' ? storeSlot(st, node, op) : deleteSlot(st, node, op.key);
  st.s = setNode(st.s, { ...node, children, lockedBy: null, waiters: [] });
  if (op.kind === 'delete') st.s = prune(st.s, node.id, st.n);
  for (const w of node.waiters) {
    st.s = { ...st.s, goroutines: st.s.goroutines.map((x) => (x.id === w ? { ...x, pc: 'lock' } : x)) };
    st.fx.push({ kind: 'ready', goroutine: w, by: id, handoff: false });
  }
  st.tell('trie.unlock', { g: id, node: node.id });
  finish(st);
}

/** The step a goroutine takes at each pc (parked and done cannot step). */
const handlers: Record<Exclude<TrieG['pc'], 'parked' | 'done'>, (st: Step) => void> = { start, lock, commit };

/** Applies one step. */
export function stepTrieMap(state: TrieMapState, event: TrieEvent): StepResult<TrieMapState> {
  const index = state.goroutines.findIndex((x) => x.id === event.g);
  const found = state.goroutines[index];
  const op = found?.program[found.ip];
  if (!found || !op || found.pc === 'parked' || found.pc === 'done')
    throw usageError(`${event.g} cannot step`);
  const n: Narration<TrieKey>[] = [];
  const st: Step = {
    s: state,
    g: found,
    op,
    hash: trieHash(state, op.key),
    n,
    tell: teller<TrieKey>(n),
    fx: [],
  };
  handlers[found.pc](st);
  return {
    state: { ...st.s, goroutines: replaceAt(st.s.goroutines, index, st.g) },
    narration: n,
    effects: st.fx,
  };
}

const TRIE_LABEL: Record<Exclude<TrieG['pc'], 'parked' | 'done'>, TrieKey> = {
  start: 'trie.label.start',
  lock: 'trie.label.lock',
  commit: 'trie.label.commit',
};

/** A call as the lane's code writes it: `Load("a")`, `Store("a", "1")`, `Delete("a")`. */
export function opText(op: TrieOp | undefined): string {
  if (!op) return '';
  if (op.kind === 'store') return `Store("${op.key}", "${op.value}")`;
  return `${op.kind === 'load' ? 'Load' : 'Delete'}("${op.key}")`;
}

/** The steps that can run now. */
export function trieEnabledEvents(state: TrieMapState): EnabledEvent<TrieEvent, TrieKey>[] {
  return state.goroutines
    .filter((g): g is TrieG & { pc: keyof typeof TRIE_LABEL } => g.pc !== 'parked' && g.pc !== 'done')
    .map((g) => ({
      goroutine: g.id,
      event: { type: 'step', g: g.id },
      label: { key: TRIE_LABEL[g.pc], params: { op: opText(g.program[g.ip]) } },
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
