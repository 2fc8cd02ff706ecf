/**
 * The state panel of the hash-trie sync.Map: every indirect node reachable from the root with its
 * non-empty slots (entries with their overflow chain, or the child node) and its mutex, plus each
 * key's hash in hex so the learner can see which bits pick the slot. N.B. BROWSER CODE.
 */
import type { RenderCtx } from '../../render/context.ts';
import { h } from '../../render/dom.ts';
import { table } from '../../render/widgets.ts';
import { trieHash, type IndirectNode, type TrieMapState } from './syncmap-trie.ts';

const hex = (n: number, bits: number): string => `0x${n.toString(16).padStart(bits / 4, '0')}`;

/** Nodes in walk order from the root (pruned nodes are no longer reachable, as in Go). */
function reachable(s: TrieMapState): IndirectNode[] {
  const out: IndirectNode[] = [];
  const visit = (id: number): void => {
    const node = s.nodes[id];
    if (!node) return;
    out.push(node);
    for (const c of node.children) if (c?.kind === 'indirect') visit(c.id);
  };
  visit(0);
  return out;
}

export function trieView(ctx: RenderCtx, s: TrieMapState): HTMLElement[] {
  const slots = (node: IndirectNode): HTMLElement | string => {
    const lines = node.children.flatMap((c, i) => {
      if (!c) return [];
      const at = `[${i.toString(16)}]`;
      if (c.kind === 'indirect') return [`${at} → ${ctx.t('viz.field.trieNodeId', { id: c.id })}`];
      return [`${at} ${c.chain.map((e) => `"${e.key}": "${e.value}"`).join(' → ')}`];
    });
    return lines.length
      ? h(
          'ul',
          { class: 'viz-slots' },
          lines.map((l) => h('li', {}, l)),
        )
      : ctx.t('viz.none');
  };
  const mutex = (node: IndirectNode): string =>
    [
      node.lockedBy ?? ctx.t('viz.none'),
      ...node.waiters.map((g) => ctx.t('viz.field.trieWaits', { g })),
    ].join(', ');
  const keys = [
    ...new Set(s.goroutines.flatMap((g) => g.program.map((op) => op.key)).concat(Object.keys(s.hashes))),
  ].sort();
  return [
    table(
      ctx.t('viz.field.trieNodes'),
      [ctx.t('viz.field.trieNode'), ctx.t('viz.field.trieSlots'), ctx.t('viz.field.trieMutex')],
      reachable(s).map((node) => [ctx.t('viz.field.trieNodeId', { id: node.id }), slots(node), mutex(node)]),
    ),
    table(
      ctx.t('viz.field.trieKey'),
      ['key', 'hash'],
      keys.map((k) => [`"${k}"`, hex(trieHash(s, k), s.hashBits)]),
    ),
  ];
}
