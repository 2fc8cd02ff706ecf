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
  type StepResult,
} from '../types.ts';
import { expand, prune } from './grow.ts';
import {
  setNode,
  trieHash,
  walk,
  type TrieEvent,
  type TrieG,
  type TrieMapState,
  type TrieOp,
} from './state.ts';

export * from './state.ts';

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
