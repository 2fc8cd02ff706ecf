// How the trie changes shape under a node's lock (src/internal/sync/hashtriemap.go): expand grows new
// indirect nodes when two keys' hashes share a slot; LoadAndDelete's loop prunes nodes left empty.

import { replaceAt, teller, usageError, type Narration } from '../types.ts';
import type { TrieKey } from './narration-en.ts';
import {
  emptyNode,
  setNode,
  trieHash,
  type IndirectNode,
  type TrieChild,
  type TrieMapState,
} from './state.ts';

/** hashtriemap.go expand: same full hash → overflow chain; else new indirect nodes until the hashes' bits differ. */
export function expand(
  s0: TrieMapState,
  parent: IndirectNode,
  slot: number,
  oldChain: { key: string; value: string }[],
  entry: { key: string; value: string },
  newHash: number,
  n: Narration<TrieKey>[],
): { state: TrieMapState; child: TrieChild } {
  const tell = teller<TrieKey>(n);
  const oldHash = trieHash(s0, oldChain[0]!.key);
  if (oldHash === newHash) {
    tell('trie.overflow', { key: entry.key, other: oldChain[0]!.key });
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
  tell('trie.expand', { key: entry.key, other: oldChain[0]!.key, slot, from: top, to: next - 1 });
  return { state: { ...s, nextNode: next }, child: { kind: 'indirect', id: top } };
}

/** LoadAndDelete's loop: while the node is empty and not the root, mark it dead and clear it from its parent. */
export function prune(s0: TrieMapState, nodeId: number, n: Narration<TrieKey>[]): TrieMapState {
  const tell = teller<TrieKey>(n);
  let s = s0;
  let node = s.nodes[nodeId]!;
  while (node.parent !== null && node.children.every((c) => c === null)) {
    const parent = s.nodes[node.parent]!;
    const slot = parent.children.findIndex((c) => c?.kind === 'indirect' && c.id === node.id);
    s = setNode(setNode(s, { ...node, dead: true }), {
      ...parent,
      children: replaceAt(parent.children, slot, null),
    });
    tell('trie.prune', {
      node: node.id,
      parent: parent.id,
    });
    node = s.nodes[parent.id]!;
  }
  return s;
}
