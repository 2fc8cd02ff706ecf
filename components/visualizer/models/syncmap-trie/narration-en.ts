/**
 * English narration of the hash-trie sync.Map model: one template per narration key. Its keys are
 * the model's key union (TrieKey); narration-zh.ts must have exactly the same keys.
 */
import { s, type Template } from '../../i18n/format.ts';

/** Templates by narration key. */
export const NARRATION_EN = {
  'trie.load': (p) =>
    `${s(p.g)}: Load(${s(p.key)}) walks hash ${s(p.hash)} to node ${s(p.node)} slot ${s(p.slot)} without locking: ${p.found ? `found ${s(p.value)}` : 'not found'}.`,
  'trie.delete.absent': (p) => `${s(p.g)}: Delete(${s(p.key)}) finds nothing to delete; no lock taken.`,
  'trie.walk': (p) =>
    `${s(p.g)}: ${p.op === 'store' ? 'Store' : 'Delete'}(${s(p.key)}) walks hash ${s(p.hash)} to node ${s(p.node)}, slot ${s(p.slot)}.`,
  'trie.lock.blocked': (p) => `${s(p.g)} waits for node ${s(p.node)}'s mutex, held by ${s(p.holder)}.`,
  'trie.lock.retry': (p) =>
    `${s(p.g)} locks node ${s(p.node)} but the slot changed (or the node was pruned): unlock and start over from the root.`,
  'trie.lock': (p) => `${s(p.g)} locks node ${s(p.node)}; the slot is as it saw it.`,
  'trie.store.swap': (p) => `${s(p.g)} swaps in a new entry for ${s(p.key)} = ${s(p.value)}.`,
  'trie.store.insert': (p) => `${s(p.g)} stores a new entry in the empty slot.`,
  'trie.delete': (p) => `${s(p.g)} deletes ${s(p.key)} from node ${s(p.node)}.`,
  'trie.unlock': (p) => `${s(p.g)} unlocks node ${s(p.node)}.`,
  'trie.overflow': (p) =>
    `${s(p.key)} has the same full hash as ${s(p.other)}: it joins the entry's overflow chain.`,
  'trie.expand': (p) =>
    `${s(p.key)} and ${s(p.other)} share slot ${s(p.slot)}: ${p.from === p.to ? `a new indirect node ${s(p.from)} splits` : `new indirect nodes ${s(p.from)}…${s(p.to)} split`} them by deeper hash bits.`,
  'trie.prune': (p) => `Node ${s(p.node)} is empty: it is marked dead and removed from node ${s(p.parent)}.`,
  // Scheduler button labels: what the goroutine's next step does.
  'trie.label.start': (p) => `${s(p.op)}: walk from the root`,
  'trie.label.lock': (p) => `${s(p.op)}: lock the node, check the slot`,
  'trie.label.commit': (p) => `${s(p.op)}: write the slot, unlock`,
} satisfies Record<string, Template>;

/** A narration key of the hash-trie sync.Map model. */
export type TrieKey = keyof typeof NARRATION_EN;
