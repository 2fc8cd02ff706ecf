/** The state panel of the waitgroup model. N.B. BROWSER CODE. */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { queueView } from '../../render/widgets.ts';
import { waitGroupWord, type WaitGroupState } from './waitgroup.ts';

/** sync.WaitGroup: the 64-bit state word split into counter and waiters, and the semaphore queue. */
export function waitGroupView(ctx: RenderCtx, w: WaitGroupState): HTMLElement[] {
  return [
    h('p', { class: 'viz-word-value' }, h('code', {}, `wg.state = ${waitGroupWord(w)}`)),
    facts([
      [ctx.t('viz.field.wgCounter'), String(w.counter)],
      [ctx.t('viz.field.wgWaiters'), String(w.waiters)],
    ]),
    queueView(ctx, 'wg.sema', w.sema.waiters),
  ];
}
