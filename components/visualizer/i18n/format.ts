/**
 * Shared helpers for narration templates: a template turns a narration's params into a sentence,
 * and the state word / readerCount are written the way the lessons write them.
 */
import { describeMutexState } from '../models/mutex.ts';
import { describeReaderCount } from '../models/rwmutex.ts';
import type { Param } from '../models/types.ts';

/** Narration params as templates read them. */
export type P = Record<string, Param>;
/** A sentence built from a narration's params. */
export type Template = (p: P) => string;

/** A param as text ('' when missing). */
export const s = (v: Param | undefined): string => (v === undefined ? '' : String(v));
/** A param as a number (0 when missing). */
export const n = (v: Param | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));

/** `9（已加锁，等待者 = 1）` — the Chinese twin of mutex.ts's fmt(word). */
export function wordZh(v: Param | undefined): string {
  const d = describeMutexState(n(v));
  const flags = [d.locked && '已加锁', d.woken && '已唤醒', d.starving && '饥饿'].filter(Boolean).join('|');
  return `${d.word}（${flags || '未加锁'}，等待者 = ${d.waiters}）`;
}

/** readerCount as `2 − 2^30` while a writer is pending. */
export const rc = (v: Param | undefined): string => describeReaderCount(n(v)).text;
