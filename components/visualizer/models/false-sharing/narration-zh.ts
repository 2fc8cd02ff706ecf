/**
 * 简体中文 narration of the false-sharing model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { n, s, type Template } from '../../i18n/format.ts';
import type { FalseSharingKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<FalseSharingKey, Template> = {
  'fs.read.hit': (p) => `核心 ${s(p.core)} 从自己的第 ${s(p.line)} 行副本读取 ${s(p.variable)}。`,
  'fs.read.miss': (p) =>
    `核心 ${s(p.core)} 在第 ${s(p.line)} 行未命中${n(p.from) >= 0 ? `；核心 ${s(p.from)} 发来它修改过的副本` : ''}。`,
  'fs.write.hit': (p) => `核心 ${s(p.core)} 写 ${s(p.variable)}：它已经独占第 ${s(p.line)} 行。`,
  'fs.write.own': (p) =>
    `核心 ${s(p.core)} 写 ${s(p.variable)}，必须独占第 ${s(p.line)} 行：${s(p.invalidated)} 个其他副本被置为失效。`,
};
