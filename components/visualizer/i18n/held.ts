/**
 * The locks a goroutine holds, as the page's language writes them: `A, B (read)` / `A、B（读）`.
 * Models report holds as facts (HeldLock); the lane status and the deadlock note both word them here.
 */
import type { HeldLock } from '../models/define.ts';
import { t, type Locale } from '../../i18n/index.ts';

export function heldText(locale: Locale, holds: readonly HeldLock[]): string {
  return holds
    .map((h) => (h.read ? t(locale, 'viz.lock.read', { lock: h.lock }) : h.lock))
    .join(locale === 'zh-cn' ? '、' : ', ');
}
