/**
 * 简体中文 narration of the syncmap-legacy model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { s, type Template } from '../../i18n/format.ts';
import type { LegacyKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<LegacyKey, Template> = {
  'legacy.miss': (p) => `misses = ${s(p.misses)}（< len(dirty) = ${s(p.dirtyLen)}）。`,
  'legacy.promote': (p) =>
    `misses = ${s(p.misses)} ≥ len(dirty) = ${s(p.dirtyLen)}：dirty 被提升为 read；dirty = nil，misses = 0。`,
  'legacy.dirtyLocked': (p) =>
    `dirty 为 nil，于是把 read 复制成新的 dirty map（${s(p.copied)} 个条目）${p.expunged ? `；已删除的键 ${s(p.expunged)} 被标记为 expunged` : ''}。`,
  'legacy.load.slow': (p) =>
    `Load(${s(p.key)})：read 中没有且 read.amended 为 true，于是加锁 mu 去 dirty 中查找。`,
  'legacy.load.fast': (p) => `Load(${s(p.key)})：直接从 read 得到答案，无需加锁。`,
  'legacy.store.fast': (p) => `Store(${s(p.key)})：键在 read 中，用 CAS 更新它的条目，无需加锁。`,
  'legacy.store.unexpunge': (p) =>
    `Store(${s(p.key)})：条目曾被 expunged；在 mu 保护下恢复它并重新加入 dirty。`,
  'legacy.store.dirty': (p) => `Store(${s(p.key)})：在 mu 保护下更新已在 dirty 中的条目。`,
  'legacy.store.new': (p) => `Store(${s(p.key)})：新键在 mu 保护下写入 dirty；read.amended = true。`,
  'legacy.delete.slow': (p) =>
    `Delete(${s(p.key)})：read 中没有；在 mu 保护下从 dirty 删除（并记一次 miss）。`,
  'legacy.delete.entry': (p) =>
    `Delete(${s(p.key)})：条目的指针变为 nil（该键留在 read 中，直到下次复制 dirty 时被 expunge）。`,
  'legacy.range.promote': () => 'Range：read 不完整，于是加锁 mu，先把 dirty 提升为 read。',
  'legacy.range': (p) => `Range 访问 ${s(p.count)} 个键：${s(p.keys)}。`,
};
