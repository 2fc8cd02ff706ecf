/** The state panel of the mutex model. N.B. BROWSER CODE. */
import { queueView, yesNo } from '../../render/widgets.ts';
import { wordView } from '../../render/bits.ts';
import type { RenderCtx } from '../../render/context.ts';
import { facts } from '../../render/dom.ts';
import { describeMutexState, type MutexState } from './mutex.ts';

/** sync.Mutex: bits, decoded fields, holder, clock and m.sema's queue. */
export function mutexView(ctx: RenderCtx, m: MutexState): HTMLElement[] {
  const d = describeMutexState(m.word);
  return [
    wordView(ctx, 'm.state', m.word),
    facts([
      [ctx.t('viz.field.locked'), yesNo(ctx, d.locked)],
      [ctx.t('viz.field.woken'), yesNo(ctx, d.woken)],
      [ctx.t('viz.field.starving'), yesNo(ctx, d.starving)],
      [ctx.t('viz.field.waiters'), String(d.waiters)],
      [ctx.t('viz.field.holder'), m.holder ?? ctx.t('viz.none')],
      [ctx.t('viz.field.semaCount'), String(m.sema.count)],
      [ctx.t('viz.field.clock'), `${m.now.toLocaleString('en-US')} ns`],
    ]),
    queueView(ctx, 'm.sema', m.sema.waiters),
  ];
}
