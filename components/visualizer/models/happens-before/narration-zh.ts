/**
 * 简体中文 narration of the happens-before model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { s, type Template } from '../../i18n/format.ts';
import type { HappensBeforeKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<HappensBeforeKey, Template> = {
  'hb.release': (p) => `${s(p.g)} 释放 ${s(p.sync)}：${s(p.sync)} 现在携带 ${s(p.g)} 的向量时钟。`,
  'hb.acquire': (p) => `${s(p.g)} 获取 ${s(p.sync)}：它的时钟与 ${s(p.sync)} 携带的时钟合并。`,
  'hb.go': (p) =>
    `${s(p.parent)} 启动 ${s(p.child)}；${s(p.parent)} 此前做的一切都 happens-before ${s(p.child)} 开始运行。`,
  'hb.read': (p) => `${s(p.g)} 读取 ${s(p.variable)}。`,
  'hb.write': (p) => `${s(p.g)} 写入 ${s(p.variable)}。`,
  'hb.race': (p) =>
    `${s(p.variable)} 上的数据竞争（DATA RACE）：${s(p.previous)} 的访问与 ${s(p.current)} 的访问之间没有 happens-before 顺序。`,
};
