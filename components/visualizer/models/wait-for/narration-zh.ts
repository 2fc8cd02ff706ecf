/**
 * 简体中文 narration of the wait-for model, keyed like its narration. Go's own messages (fatal error: …,
 * wait reasons) stay as Go prints them.
 */
import { s, type Template, type P } from '../../i18n/format.ts';
import type { WaitForKey } from './narration-en.ts';

const lockLabel = (p: P): string => (p.mode === 'read' ? `${s(p.lock)}（读）` : s(p.lock));

/** Templates by narration key. */
export const NARRATION_ZH: Record<WaitForKey, Template> = {
  'waitfor.acquire': (p) => `${s(p.g)} 获得 ${lockLabel(p)}。`,
  'waitfor.wait': (p) => `${s(p.g)} 等待 ${lockLabel(p)}。`,
  'waitfor.release': (p) => `${s(p.g)} 释放 ${lockLabel(p)}。`,
  'waitfor.cycle': (p) => `等待环：${s(p.goroutines).split(',').join(' → ')}。`,
};
