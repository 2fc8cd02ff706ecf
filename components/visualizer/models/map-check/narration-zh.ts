/**
 * 简体中文 narration of the map-check model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { s, type Template } from '../../i18n/format.ts';
import type { Param } from '../types.ts';
import type { MapKey } from './narration-en.ts';

/** Templates by narration key. */
const KIND_ZH: Record<string, string> = { write: '写', delete: '删除', read: '读', range: '遍历' };
/** The goroutine's current map operation (write, read, …) in 简体中文, put before a step label. */
const kindZh = (v: Param | undefined): string => KIND_ZH[s(v)] ?? s(v);

export const NARRATION_ZH: Record<MapKey, Template> = {
  'map.fatal': (p) => `${s(p.g)} 看到 writing = ${s(p.writing)}：fatal error: ${s(p.message)}`,
  'map.write.check': (p) => `${s(p.g)} 开始写键 "${s(p.key)}"：writing 为 0，没有看到其他写者。`,
  'map.write.toggle': (p) => `${s(p.g)} 计算键的哈希并翻转 writing：现在为 ${s(p.writing)}。`,
  'map.write.insert': (p) => `${s(p.g)} 更新键 "${s(p.key)}" 所在的槽位。`,
  'map.write.done': (p) => `${s(p.g)} 写完，并把 writing 翻回 ${s(p.writing)}。`,
  'map.read.check': (p) => `${s(p.g)} 开始读 m["${s(p.key)}"]：writing 为 0。`,
  'map.read.done': (p) => `${s(p.g)} 读到 m["${s(p.key)}"] = ${p.value ? `"${s(p.value)}"` : '零值'}。`,
  'map.range.init': (p) => `${s(p.g)} 开始遍历 ${s(p.count)} 个条目。`,
  'map.range.next': (p) => `${s(p.g)} 访问键 "${s(p.key)}"。`,
  'map.range.done': (p) => `${s(p.g)} 遍历结束。`,
  // Scheduler button labels: what the goroutine's next step does.
  'map.label.start': (p) => `${kindZh(p.kind)} 检查 writing`,
  'map.label.toggle': (p) => `${kindZh(p.kind)} 翻转 writing`,
  'map.label.insert': (p) => `${kindZh(p.kind)} 更新槽位`,
  'map.label.finish': (p) => `${kindZh(p.kind)} 检查并翻回 writing`,
  'map.label.lookup': (p) => `${kindZh(p.kind)} 查找`,
  'map.label.iterNext': (p) => `${kindZh(p.kind)} 下一个键`,
};
