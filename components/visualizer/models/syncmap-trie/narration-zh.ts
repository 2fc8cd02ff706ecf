/**
 * 简体中文 narration of the syncmap-trie model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { s, type Template } from '../../i18n/format.ts';
import type { TrieKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<TrieKey, Template> = {
  'trie.load': (p) =>
    `${s(p.g)}：Load(${s(p.key)}) 不加锁地沿哈希走到节点 ${s(p.node)} 的槽 ${s(p.slot)}：${p.found ? '找到了' : '没有找到'}。`,
  'trie.delete.absent': (p) => `${s(p.g)}：Delete(${s(p.key)}) 没有可删除的内容；不加锁。`,
  'trie.walk': (p) => `${s(p.g)}：沿 ${s(p.key)} 的哈希走到节点 ${s(p.node)} 的槽 ${s(p.slot)}。`,
  'trie.lock.blocked': (p) => `${s(p.g)} 等待节点 ${s(p.node)} 的互斥锁，它由 ${s(p.holder)} 持有。`,
  'trie.lock.retry': (p) =>
    `${s(p.g)} 锁住节点 ${s(p.node)}，但槽已改变（或节点已被剪除）：解锁并从根重新开始。`,
  'trie.lock': (p) => `${s(p.g)} 锁住节点 ${s(p.node)}；槽与它看到的一致。`,
  'trie.store.swap': (p) => `${s(p.g)} 为 ${s(p.key)} 换入一个新条目。`,
  'trie.store.insert': (p) => `${s(p.g)} 在空槽中存入新条目。`,
  'trie.delete': (p) => `${s(p.g)} 删除 ${s(p.key)}。`,
  'trie.unlock': (p) => `${s(p.g)} 解锁节点 ${s(p.node)}。`,
  'trie.overflow': (p) => `${s(p.key)} 与另一个键的完整哈希相同：它加入该条目的溢出链。`,
  'trie.expand': (p) =>
    `${s(p.key)} 与 ${s(p.other)} 落在同一个槽：新的间接节点 ${p.from === p.to ? s(p.from) : `${s(p.from)}…${s(p.to)}`} 用更深的哈希位把它们分开。`,
  'trie.prune': (p) => `节点 ${s(p.node)} 已空：它被标记为死亡，并从节点 ${s(p.parent)} 中移除。`,
  // Scheduler button labels: what the goroutine's next step does.
  'trie.label.start': () => '从根开始沿哈希查找',
  'trie.label.lock': () => '锁住节点并复查槽位',
  'trie.label.commit': () => '写入槽位并解锁',
};
