/**
 * The locks a goroutine holds, as the page's language writes them: `A, B (read)` / `A、B（读）`.
 * Models report holds as facts (HeldLock); the lane status and the deadlock note both word them here.
 */
import type { HeldLock } from '../models/define.ts';
import { vt, type Locale } from '../strings.ts';

export function heldText(locale: Locale, holds: readonly HeldLock[]): string {
  return holds
    .map((h) => (h.read ? vt(locale, 'viz.lock.read', { lock: h.lock }) : h.lock))
    .join(locale === 'zh-cn' ? '、' : ', ');
}
